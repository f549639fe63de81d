// Host configuration from the environment, read once at start and passed down (no module
// reads process.env on its own, so tests compose services with explicit settings).
import os from 'node:os';
import path from 'node:path';
import type { Platform } from '../../shared/domain/types';
import { budgetOverrides } from './platforms/budget';

export interface HostConfig {
  host: string;
  port: number;
  dataDir: string;
  /** WHARF_DEMO: '1' on, '0' off, unset = on while no real shop is configured */
  demo: 'on' | 'off' | 'auto';
  seedPath?: string;
  /** how far back the first pull of a new shop reaches */
  initialLookbackMs: number;
  /** each pull re-reads this much before its cursor: rows can become visible late, with a
   *  `modified` minutes in the past (platforms.md §1.4) */
  overlapMs: number;
  /** demo simulator: orders in the backlog and its span */
  demoOrders: number;
  demoSpanMs: number;
  demoArrivalsPerMin: number;
  demoSeed: number;
  /** plant the tricky orders (duplicate pair, high amount, vague address…) in the demo simulators */
  demoTricky: boolean;
  /** requests per second per platform app, where WHARF_RATE_<PLATFORM> overrides the default budget */
  rateOverrides: Partial<Record<Platform, number>>;
  /** WHARF_UPDATE_URL / WHARF_UPDATE_CHANNEL: when set, they win over Settings → Updates */
  updateUrl?: string;
  updateChannel?: 'stable' | 'beta';
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Wharf');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Wharf');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'wharf');
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name}=${raw} is not valid: use a whole number from ${min} to ${max} (or unset it for ${fallback})`);
  }
  return n;
}

function updateChannel(raw: string | undefined): 'stable' | 'beta' | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw !== 'stable' && raw !== 'beta') throw new Error(`WHARF_UPDATE_CHANNEL=${raw} is not valid: use stable or beta, or leave it unset`);
  return raw;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  const demoRaw = env.WHARF_DEMO;
  if (demoRaw !== undefined && demoRaw !== '' && demoRaw !== '0' && demoRaw !== '1') {
    throw new Error(`WHARF_DEMO=${demoRaw} is not valid: use 1 (demo on), 0 (demo off) or leave it unset`);
  }
  return {
    host: env.WHARF_HOST || '127.0.0.1',
    port: intEnv(env, 'WHARF_PORT', 5780, 0, 65535),
    dataDir: path.resolve(env.WHARF_DATA_DIR || defaultDataDir(env)),
    demo: demoRaw === '1' ? 'on' : demoRaw === '0' ? 'off' : 'auto',
    seedPath: env.WHARF_SEED ? path.resolve(env.WHARF_SEED) : undefined,
    initialLookbackMs: intEnv(env, 'WHARF_LOOKBACK_DAYS', 7, 1, 90) * 86_400_000,
    overlapMs: 15 * 60_000,
    demoOrders: intEnv(env, 'WHARF_DEMO_ORDERS', 300, 0, 1_000_000),
    demoSpanMs: 72 * 3600_000,
    demoArrivalsPerMin: intEnv(env, 'WHARF_DEMO_ARRIVALS_PER_MIN', 2, 0, 600),
    demoSeed: intEnv(env, 'WHARF_DEMO_SEED', 42, 0, 2 ** 31),
    demoTricky: intEnv(env, 'WHARF_DEMO_TRICKY', 1, 0, 1) === 1,
    rateOverrides: budgetOverrides(env),
    updateUrl: env.WHARF_UPDATE_URL || undefined,
    updateChannel: updateChannel(env.WHARF_UPDATE_CHANNEL),
  };
}
