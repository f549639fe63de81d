import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;

function run(args: string[]) {
  const child = spawn(TSX, ['main/launch/sim.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no stdout line within 20 s; stderr: ${stderr}`)), 20_000);
    child.stdout.on('data', () => {
      const nl = stdout.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(stdout.slice(0, nl)); }
    });
    child.on('exit', () => { clearTimeout(timer); reject(new Error(`exited before a line; stderr: ${stderr}`)); });
  });
  firstLine.catch(() => {}); // a test that expects an early exit never awaits it
  return { child, firstLine, exited, out: () => ({ stdout, stderr }) };
}

describe('npm run sim', () => {
  it('prints one compact JSON line first, serves it, and closes cleanly on SIGTERM', async () => {
    const p = run(['--platform', 'taobao', '--port', '0', '--seed', '42', '--orders', '50']);
    const line = await p.firstLine;
    const info = JSON.parse(line);
    expect(line).toBe(JSON.stringify(info)); // compact
    expect(Object.keys(info)).toEqual(['platform', 'url', 'credentials', 'shopId']);
    expect(info.platform).toBe('taobao');
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(info.credentials)).toEqual(['app_key', 'app_secret', 'session']);
    const served = await (await fetch(`${info.url}/__sim/info`)).json();
    expect(served).toEqual(info);
    const orders = await (await fetch(`${info.url}/__sim/orders`)).json();
    expect(orders.orders).toHaveLength(50);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.out().stdout.trim().split('\n')).toHaveLength(1); // logs went to stderr
  });

  it('refuses an unknown platform with one clear line and exit code 2', async () => {
    const p = run(['--platform', 'ebay']);
    expect(await p.exited).toBe(2);
    const { stdout, stderr } = p.out();
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/unknown platform "ebay"; supported: taobao/);
  });
});
