// Heavier fuzzing (npm run test:fuzz): the places where outside data enters Wharf must turn
// anything into either a value or a clear, typed error — never a crash or a silent drop.
import { describe, expect } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { mapTaobaoTrade } from '../../main/services/platforms/taobao/map';
import { generateTrades } from '../../main/services/platforms/taobao/generate';
import { MapError } from '../../main/services/platforms/types';
import { handleMessage } from '../../main/serve/binder';
import { parseYuan } from '../../shared/money';
import { parseShanghai } from '../../shared/time';
import { makeHost, tempDir } from '../support/hostHarness';

const trades = generateTrades({ seed: 99, count: 50, now: Date.UTC(2026, 10, 25), spanMs: 86_400_000 });

/** Replaces one path of a JSON value with junk. */
function mutate(value: unknown, path: number[], junk: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return junk;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as Record<string, unknown>);
  if (!entries.length) return junk;
  const [k] = entries[path[0]! % entries.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[k] = mutate((value as Record<string | number, unknown>)[k], path.slice(1), junk);
  return copy;
}

describe('fuzz', () => {
  ftest.prop([fc.nat({ max: 49 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue()], { numRuns: 100_000, seed: 2026 })(
    'the Taobao mapper returns an order or a MapError naming where',
    (i, path, junk) => {
      const payload = mutate(trades[i], path, junk);
      try {
        const o = mapTaobaoTrade(payload, 'shop');
        expect(typeof o.orderId).toBe('string');
        expect(Number.isSafeInteger(o.paymentFen)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(MapError);
        expect((e as MapError).where.length).toBeGreaterThan(0);
      }
    },
  );

  ftest.prop([fc.string(), fc.string()], { numRuns: 50_000, seed: 7 })('money and time parsers never return garbage', (a, b) => {
    try { expect(Number.isSafeInteger(parseYuan(a))).toBe(true); } catch (e) { expect((e as Error).message).toMatch(/yuan/); }
    try { expect(Number.isFinite(parseShanghai(b))).toBe(true); } catch (e) { expect((e as Error).message).toMatch(/time|date/); }
  });

  const host = makeHost(tempDir());
  ftest.prop([fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.record({ t: fc.constant('req'), id: fc.nat(), name: fc.constantFrom('app.info', 'shops.save', 'journal.read', 'sync.pullNow', 'x.y'), input: fc.jsonValue() }).map((v) => JSON.stringify(v)))],
    { numRuns: 20_000, seed: 5 })('the WebSocket binder answers every message with a typed result', async (raw) => {
    const res = await handleMessage(host, raw);
    expect(res.t).toBe('res');
    if (res.t === 'res' && !res.ok) expect(['bad_message', 'unknown_request', 'invalid_input', 'forbidden', 'not_found', 'unavailable']).toContain(res.error.code);
  });
});
