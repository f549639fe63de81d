// Desktop bundles: the main process (ESM, dependencies left in node_modules and packaged by
// electron-builder) and the preload (one self-contained CommonJS file: a sandboxed preload can
// require nothing but electron). The renderer is built by vite.config.ts into out/renderer,
// the same bundle serve mode serves, and loaded through app://wharf.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      emptyOutDir: true,
      target: 'node22',
      sourcemap: false,
      externalizeDeps: true,
      rollupOptions: { input: here('./main/electron/main.ts'), output: { format: 'es', entryFileNames: 'index.js' } },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      emptyOutDir: true,
      sourcemap: false,
      externalizeDeps: false,
      rollupOptions: { input: here('./preload/index.ts'), external: ['electron'], output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  },
});
