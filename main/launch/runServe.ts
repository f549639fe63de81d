// Starts Wharf in serve mode: compose the host services, start them (demo simulator first,
// so /healthz only answers once the simulator holds its backlog), then the HTTP server.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../shared/clock';
import { readConfig } from '../services/config';
import { createHost } from '../services/host';
import { startServe } from '../serve/server';

export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export function wharfVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
  return pkg.version;
}

export async function runServe(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (e) {
    process.stderr.write(`wharf: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const version = wharfVersion();
  const host = createHost(config, { clock: systemClock, version });
  try {
    await host.start();
    const srv = await startServe({ host, rendererDir: RENDERER_DIR, hostname: config.host, port: config.port, version });
    process.stdout.write(`Wharf is running at ${srv.url}  (data: ${config.dataDir})\n`);
    const shutdown = async () => {
      await srv.close();
      await host.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const msg = err.code === 'EADDRINUSE'
      ? `port ${config.port} is already in use — stop the other Wharf or set WHARF_PORT to a free port`
      : err.message;
    process.stderr.write(`wharf: could not start: ${msg}\n`);
    await host.stop().catch(() => undefined);
    process.exit(1);
  }
}
