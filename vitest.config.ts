// Test projects:
//   unit  test/**/*.test.ts(x) except e2e and fuzz            `npm test` (with e2e)
//   e2e   test/e2e/**/*.test.ts, one file at a time            `npm test`, `vitest run --project e2e`
//   fuzz  test/**/*.fuzz.test.ts, long-running                 `npm run test:fuzz` (WHARF_FUZZ=1)
//
// The fuzz project exists only when WHARF_FUZZ=1, so a plain `vitest run` never starts it.
// WHARF_VITEST_JSON=<file> adds vitest's JSON reporter (next to the default console reporter);
// .ci/run uses it to count passed and failed tests.
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const fuzz = process.env.WHARF_FUZZ === '1';
const jsonFile = process.env.WHARF_VITEST_JSON;

const E2E = 'test/e2e/**';
const FUZZ = 'test/**/*.fuzz.test.{ts,tsx}';

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: ['**/node_modules/**', 'test/fixtures/**', E2E, FUZZ],
      environment: 'node',
      testTimeout: 30_000,
    },
  },
  {
    extends: true,
    test: {
      name: 'e2e',
      include: ['test/e2e/**/*.test.{ts,tsx}'],
      exclude: ['**/node_modules/**', FUZZ],
      environment: 'node',
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // one browser + one serve instance at a time
      fileParallelism: false,
      sequence: { concurrent: false },
    },
  },
];

if (fuzz) {
  projects.push({
    extends: true,
    test: {
      name: 'fuzz',
      include: [FUZZ],
      exclude: ['**/node_modules/**'],
      environment: 'node',
      testTimeout: 600_000,
      hookTimeout: 120_000,
    },
  });
}

export default defineConfig({
  test: {
    projects,
    // A fuzz run may legitimately find no fuzz files yet; the normal run must find tests,
    // so a broken include pattern fails loudly instead of passing with zero tests.
    passWithNoTests: fuzz,
    reporters: jsonFile ? ['default', ['json', { outputFile: jsonFile }]] : ['default'],
  },
});
