// `npm run sim -- --platform taobao --port 0 --seed 42 --orders 500`
// Starts one platform simulator. The FIRST stdout line is the machine-readable handle
// (compact JSON: platform, url, credentials, shopId); everything else goes to stderr, so a
// parent process can read one line and carry on. Ctrl-C / SIGTERM close it cleanly.
import type { Platform } from '../../shared/domain/types';
import { SIMULATED_PLATFORMS, startSimulator } from '../services/platforms/simulators';

const SUPPORTED = SIMULATED_PLATFORMS();

interface Args { platform: string; port: number; seed: number; orders: number; arrivalsPerMin: number; backlogHours: number }

const USAGE = `usage: npm run sim -- --platform ${SUPPORTED.join('|')} [--port 0] [--seed 42] [--orders 500] [--arrivals-per-min 2] [--backlog-hours 72]`;

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { process.stderr.write(`${USAGE}\n`); process.exit(0); }
    if (!a.startsWith('--')) fail(`unexpected argument ${JSON.stringify(a)}; ${USAGE}`);
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) fail(`--${key} needs a value; ${USAGE}`);
    values.set(key, value);
  }
  const known = ['platform', 'port', 'seed', 'orders', 'arrivals-per-min', 'backlog-hours'];
  for (const k of values.keys()) if (!known.includes(k)) fail(`unknown option --${k}; ${USAGE}`);
  const num = (key: string, dflt: number, min: number, max: number, integer = true): number => {
    const raw = values.get(key);
    if (raw === undefined) return dflt;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
      fail(`--${key} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    }
    return n;
  };
  const platform = values.get('platform');
  if (!platform) fail(`missing --platform (supported: ${SUPPORTED.join(', ')}); ${USAGE}`);
  if (!(SUPPORTED as readonly string[]).includes(platform)) fail(`unknown platform ${JSON.stringify(platform)}; supported: ${SUPPORTED.join(', ')}`);
  return {
    platform,
    port: num('port', 0, 0, 65535),
    seed: num('seed', 42, 0, 2 ** 31 - 1),
    orders: num('orders', 500, 0, 200_000),
    arrivalsPerMin: num('arrivals-per-min', 2, 0, 1000, false),
    backlogHours: num('backlog-hours', 72, 0, 24 * 90, false),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sim = await startSimulator(args.platform as Platform, {
    port: args.port, seed: args.seed, orders: args.orders, arrivalsPerMin: args.arrivalsPerMin, backlogSpanMs: args.backlogHours * 3600_000,
  });
  process.stdout.write(`${JSON.stringify(sim.info())}\n`);
  process.stderr.write(`sim: ${args.platform} simulator with ${args.orders} orders (seed ${args.seed}); API ${sim.shopCredentials().gatewayUrl}, admin ${sim.url}/__sim/info\n`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`sim: ${signal}, closing\n`);
    sim.close().then(() => process.exit(0), (e: unknown) => { process.stderr.write(`sim: close failed: ${(e as Error).message}\n`); process.exit(1); });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`sim: ${(e as Error).message}\n`);
  process.exit(1);
});
