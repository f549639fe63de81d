// How each platform spells its ids. The simulators draw ids with these so a generated order
// looks like the real thing (and 18–19-digit ids exercise the string-only rule end to end).
import type { Rng } from './prng';

export interface IdScheme {
  orderId(rng: Rng, createdAt: number): string;
  /** the i-th line of a multi-line order (single-line orders may reuse the order id) */
  lineId(rng: Rng, orderId: string, i: number, single: boolean): string;
}
