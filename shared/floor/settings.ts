// The floor's settings: wave sizes, and the waybill number ranges a carrier's local outlet gives
// a seller for labels Wharf prints itself (快递网点分配的单号段) — own-channel and manual orders,
// which no platform issues an e-waybill for. Numbers are handed out in order and never twice:
// the highest number a label used is a projection of the `parcel.labelled` events.
import { z } from 'zod';

export const WaybillPool = z.object({
  carrier: z.string().regex(/^[A-Z0-9_]{2,16}$/, 'a carrier code like ZTO or SF'),
  /** letters before the digits (SF numbers start with SF) */
  prefix: z.string().regex(/^[A-Za-z]{0,6}$/, 'up to 6 letters'),
  from: z.number().int().nonnegative(),
  to: z.number().int().positive(),
  /** digits after the prefix, zero-padded */
  digits: z.number().int().min(6).max(18),
}).refine((p) => p.to >= p.from, { message: 'the range ends before it starts', path: ['to'] })
  .refine((p) => String(p.to).length <= p.digits, { message: 'the last number has more digits than the range allows', path: ['digits'] });
export type WaybillPool = z.infer<typeof WaybillPool>;

export const FloorSettings = z.object({
  waybillPools: z.array(WaybillPool).default([]),
  /** orders per multi-item wave (the sorting wall's slots) and per single-item wave (a cart) */
  maxMulti: z.number().int().min(1).max(200).default(24),
  maxSingle: z.number().int().min(1).max(1000).default(100),
});
export type FloorSettings = z.infer<typeof FloorSettings>;

export const FLOOR_SETTINGS_KEY = 'floor.settings';
export const POOL_USED_KEY = 'floor.poolUsed';

export const parseFloorSettings = (raw: unknown): FloorSettings => FloorSettings.parse(raw ?? {});

const poolKey = (p: Pick<WaybillPool, 'carrier' | 'prefix' | 'from'>) => `${p.carrier}|${p.prefix}|${p.from}`;

export const formatWaybill = (p: WaybillPool, n: number) => `${p.prefix}${String(n).padStart(p.digits, '0')}`;

/** The pool range a number belongs to, and its position in it. */
export function poolOfWaybill(pools: readonly WaybillPool[], carrier: string, no: string): { key: string; n: number } | undefined {
  for (const p of pools) {
    if (p.carrier !== carrier || !no.startsWith(p.prefix)) continue;
    const digits = no.slice(p.prefix.length);
    if (digits.length !== p.digits || !/^\d+$/.test(digits)) continue;
    const n = Number(digits);
    if (n >= p.from && n <= p.to) return { key: poolKey(p), n };
  }
  return undefined;
}

export type NextWaybill = { ok: true; waybillNo: string; left: number } | { ok: false; reason: 'no_pool' | 'exhausted' };

/** The next unused number for a carrier: its ranges in order, each after the highest number used. */
export function nextOwnWaybill(pools: readonly WaybillPool[], carrier: string, used: Readonly<Record<string, number>>): NextWaybill {
  const mine = pools.filter((p) => p.carrier === carrier);
  if (!mine.length) return { ok: false, reason: 'no_pool' };
  for (let i = 0; i < mine.length; i++) {
    const p = mine[i]!;
    const last = used[poolKey(p)];
    const n = last === undefined ? p.from : last + 1;
    if (n <= p.to) {
      const left = p.to - n + mine.slice(i + 1).reduce((s, q) => s + (q.to - Math.max(q.from, (used[poolKey(q)] ?? q.from - 1) + 1) + 1), 0);
      return { ok: true, waybillNo: formatWaybill(p, n), left };
    }
  }
  return { ok: false, reason: 'exhausted' };
}
