// Mutated platform payloads for the mappers: real orders from each platform's simulator with one
// field replaced by junk, removed, or a list emptied. A mapper must return a valid order or a
// MapError naming where — never crash — and the batch around it must still land.
import { expect } from 'vitest';
import { fc } from '@fast-check/vitest';
import { NormalizedOrder, type Platform } from '../../shared/domain/types';
import { mapFor } from '../../main/services/platforms/registry';
import { startSimulator } from '../../main/services/platforms/simulators';
import { entryToBatch } from '../../main/services/sync/delivery';
import { MapError } from '../../main/services/platforms/types';
import { ManualClock, OffsetClock } from '../../shared/clock';

export const FUZZ_PLATFORMS: Platform[] = ['taobao', 'douyin', 'pdd', 'jd', 'kuaishou', 'youzan', 'wechat'];

/** 40 real payloads per platform, as its detail API renders them. */
export async function samplePayloads(platform: Platform): Promise<unknown[]> {
  const sim = await startSimulator(platform, { seed: 4242, orders: 40, arrivalsPerMin: 0, backlogSpanMs: 4 * 86_400_000, clock: new OffsetClock(new ManualClock(Date.UTC(2026, 10, 25, 4))) });
  try {
    return sim.kit ? sim.kit.orders() : ((await (await fetch(`${sim.url}/__sim/orders`)).json()) as { orders: unknown[] }).orders;
  } finally {
    await sim.close();
  }
}

type Mutation = { kind: 'junk'; path: number[]; junk: unknown } | { kind: 'delete'; path: number[] } | { kind: 'empty'; path: number[] };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('junk' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), junk: fc.oneof(fc.jsonValue(), fc.constantFrom(null, '', 0, -1, 1e21, '9999999999999999999', 'NaN', [], {}, '不存在的状态', 99)) }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('empty' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) }),
);

export function mutate(value: unknown, m: Mutation, depth = 0): unknown {
  const path = m.path.slice(depth);
  if (value === null || typeof value !== 'object') return m.kind === 'junk' ? m.junk : m.kind === 'empty' ? (Array.isArray(value) ? [] : '') : undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as Record<string, unknown>);
  if (!entries.length) return m.kind === 'junk' ? m.junk : value;
  const [k, v] = entries[path[0]! % entries.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  if (path.length === 1) {
    if (m.kind === 'delete') delete copy[k];
    else if (m.kind === 'empty') copy[k] = Array.isArray(v) ? [] : typeof v === 'string' ? '' : v && typeof v === 'object' ? {} : null;
    else copy[k] = m.junk;
  } else {
    copy[k] = mutate(v, m, depth + 1);
  }
  return copy;
}

/** One mutated payload through the mapper and through a whole inbox batch beside a good one. */
export function checkMutated(platform: Platform, payloads: unknown[], index: number, m: Mutation): void {
  const map = mapFor(platform);
  const payload = mutate(structuredClone(payloads[index % payloads.length]), m);
  try {
    const o = map(payload, 'fuzz-shop');
    expect(NormalizedOrder.safeParse(o).success).toBe(true);
    expect(typeof o.orderId).toBe('string');
  } catch (e) {
    if (!(e instanceof MapError)) throw new Error(`${platform} map crashed on a mutated payload (${JSON.stringify(m).slice(0, 200)}): ${(e as Error).stack}`);
    expect(e.where.length).toBeGreaterThan(0);
  }
  const good = payloads[(index + 1) % payloads.length];
  const batch = entryToBatch({ batchId: 'b', shopId: 'fuzz-shop', platform, fetchedAt: 1, raw: [{ orderId: 'x', modifiedAt: 1, payload }, { orderId: 'y', modifiedAt: 1, payload: good }] } as never, mapFor);
  expect(batch.orders.length + batch.quarantine.length).toBe(2);
  for (const q of batch.quarantine) expect(q.reason.length).toBeGreaterThan(0);
}
