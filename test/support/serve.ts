// Wharf in serve mode for end-to-end tests and benchmarks.
//
// spawnServe(): the real entry (`tsx main/launch/serve.ts`) as a child process with its own
//   environment and a fresh data dir; resolves once it prints "Wharf is running at <url>".
// startServeInProcess(): the same composition (createHost + startServe) inside this process,
//   for benchmarks that need to reach the host's inbox and handlers directly.
//
// Both make sure the renderer build is current first (scripts/build-renderer.mjs is a no-op
// when nothing changed), so `vitest run --project e2e` works without a separate build step.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeDir, tempDir } from './browser';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_CLI = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
export const DEMO_COMPANY = path.join(ROOT, 'assets', 'demo', 'company.json');

let built = false;
/** Builds out/renderer when its sources changed (once per process). */
export function ensureRendererBuilt(): void {
  if (built || process.env.WHARF_SKIP_RENDERER_BUILD === '1') return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-renderer.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    throw new Error(`renderer build failed (node scripts/build-renderer.mjs exited ${r.status ?? r.signal}):\n${(r.stderr || '').slice(-4000)}${(r.stdout || '').slice(-2000)}`);
  }
  built = true;
}

/** Environment for a hermetic run: inherited WHARF_* settings are dropped. */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('WHARF_')) env[k] = v;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export interface ServeProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** SIGTERM (then SIGKILL after 5 s) to the child's process group; removes an owned data dir */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

export interface SpawnOptions {
  /** extra WHARF_* settings (WHARF_DEMO, WHARF_SEED, WHARF_DEMO_ORDERS…) */
  env?: Record<string, string | undefined>;
  /** reuse a data dir (restart tests); otherwise a fresh temp dir, removed on stop */
  dataDir?: string;
  timeoutMs?: number;
  /** mirror the child's stderr to ours as it arrives (default: WHARF_E2E_ECHO=1) */
  echo?: boolean;
  /** the launch entry: serve.ts (`npm run serve`) or start.ts (`npm start`) */
  entry?: 'serve.ts' | 'start.ts';
}

const RUNNING = /Wharf is running at (http:\/\/\S+)/;

export async function spawnServe(opts: SpawnOptions = {}): Promise<ServeProcess> {
  ensureRendererBuilt();
  const own = !opts.dataDir;
  const dataDir = opts.dataDir ?? tempDir('wharf-data-');
  const env = cleanEnv({ WHARF_HOST: '127.0.0.1', WHARF_PORT: '0', WHARF_DATA_DIR: dataDir, ...opts.env });
  const child = spawn(process.execPath, [TSX_CLI, path.join('main', 'launch', opts.entry ?? 'serve.ts')], {
    cwd: ROOT,
    env,
    // own process group: stop() signals tsx and the node process it starts, and nothing else
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    err += d;
    if (err.length > 200_000) err = err.slice(-100_000);
    if (opts.echo ?? process.env.WHARF_E2E_ECHO === '1') process.stderr.write(d.replace(/^/gm, '[serve] '));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => { alive = false; });

  const stop = async (o: { keepData?: boolean } = {}) => {
    if (alive && child.pid) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const t = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(t);
    }
    if (own && !o.keepData) removeDir(dataDir);
  };

  const timeoutMs = opts.timeoutMs ?? 60_000;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not print "Wharf is running at …" within ${timeoutMs} ms.\nstdout:\n${out.slice(-2000)}\nstderr:\n${err.slice(-6000)}`)), timeoutMs);
      child.stdout!.on('data', (d: string) => {
        out += d;
        if (out.length > 200_000) out = out.slice(-100_000);
        const m = RUNNING.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`serve exited (code ${code}) before it was running.\nstdout:\n${out.slice(-2000)}\nstderr:\n${err.slice(-6000)}`));
      });
      child.once('error', (e) => { clearTimeout(timer); reject(e); });
    });
    return { url, port: Number(new URL(url).port), dataDir, child, stdout: () => out, stderr: () => err, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// In-process host (benchmarks)

export interface InProcessServe {
  url: string;
  port: number;
  dataDir: string;
  host: import('../../main/services/host').Host;
  token: string;
  stop(): Promise<void>;
}

export async function startServeInProcess(opts: { env?: Record<string, string | undefined>; log?: (m: string) => void; clock?: import('../../shared/clock').Clock } = {}): Promise<InProcessServe> {
  ensureRendererBuilt();
  // imported here, not at the top: the e2e helpers above must load even while a host module
  // is still being written
  const [{ readConfig }, { createHost }, { startServe }, { RENDERER_DIR, wharfVersion }, { systemClock }] = await Promise.all([
    import('../../main/services/config'),
    import('../../main/services/host'),
    import('../../main/serve/server'),
    import('../../main/launch/runServe'),
    import('../../shared/clock'),
  ]);
  const dataDir = tempDir('wharf-bench-data-');
  const env = cleanEnv({ WHARF_HOST: '127.0.0.1', WHARF_PORT: '0', WHARF_DATA_DIR: dataDir, ...opts.env });
  const config = readConfig(env);
  const version = wharfVersion();
  const host = createHost(config, { clock: opts.clock ?? systemClock, version, log: opts.log ?? ((m) => process.stderr.write(`[host] ${m}\n`)) });
  await host.start();
  let srv;
  try {
    srv = await startServe({ host, rendererDir: RENDERER_DIR, hostname: '127.0.0.1', port: 0, version });
  } catch (e) {
    await host.stop().catch(() => undefined);
    removeDir(dataDir);
    throw e;
  }
  return {
    url: srv.url,
    port: srv.port,
    dataDir,
    host,
    token: srv.token,
    async stop() {
      await srv.close().catch(() => undefined);
      await host.stop().catch(() => undefined);
      removeDir(dataDir);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Small HTTP helpers

export interface Healthz { ok: boolean; version: string; demo: { on: boolean; channels: { platform: string; url: string }[]; printer?: { host: string; port: number } } }

export async function getJson<T = unknown>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url} → ${res.status}: ${text.slice(0, 500)}`);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${url} did not answer JSON: ${text.slice(0, 300)}`);
  }
}

export const healthz = (base: string) => getJson<Healthz>(`${base}/healthz`);

/** The per-run token the page gets in <meta name="wharf-token">. */
export async function fetchToken(base: string): Promise<string> {
  const res = await fetch(`${base}/`);
  const html = await res.text();
  const m = /<meta name="wharf-token" content="([^"]+)">/.exec(html);
  if (!m) throw new Error(`no wharf-token meta tag in ${base}/ (status ${res.status})`);
  return m[1]!;
}

/** Polls until fn returns a truthy value (or throws the last error / a timeout). */
export async function waitFor<T>(fn: () => Promise<T | undefined | false | null> | T | undefined | false | null, opts: { timeoutMs: number; intervalMs?: number; what: string }): Promise<T> {
  const until = Date.now() + opts.timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${opts.what}${last ? `: ${(last as Error).message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
}

export function inboxFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'inbox');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
}
