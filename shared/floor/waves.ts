// Waves: allocated, paid orders grouped so one walk through the warehouse picks many of them.
// A wave holds orders of one warehouse and one carrier (the parcels leave together), and is
// either single-item (one unit of one SKU: picked in bulk by SKU, packed by "scan the item,
// the label prints") or multi-item (each order gets a slot on the sorting wall). Pure: the
// same candidates give the same waves, and each order left out says why.

export type WaveKind = 'single' | 'multi';

export interface WaveCandidate {
  key: string;
  warehouse: string;
  carrier: string;
  /** payment time (oldest first: they are closest to the ship-by deadline) */
  paidAt: number;
  /** units per SKU the order's lock holds (kits already as components) */
  lines: readonly { sku: string; qty: number }[];
  /** the lock is firm (paid); an unpaid lock may still lapse */
  firm: boolean;
  refunding?: boolean;
  /** already in a wave */
  wave?: string;
}

export interface WavePlan {
  warehouse: string;
  carrier: string;
  kind: WaveKind;
  /** order keys in pick-slot order (slot = index + 1) */
  orders: string[];
  units: number;
  skus: number;
}

export interface WaveSkip { key: string; code: 'wave.unpaid' | 'wave.refunding' | 'wave.no_carrier' | 'wave.empty' | 'wave.already'; values: Record<string, string> }

export interface WaveOptions {
  /** orders per multi-item wave: the sorting wall's slots */
  maxMulti: number;
  /** orders per single-item wave: what one cart carries */
  maxSingle: number;
}

export const DEFAULT_WAVE_OPTIONS: WaveOptions = { maxMulti: 24, maxSingle: 100 };

export function waveKind(lines: WaveCandidate['lines']): WaveKind {
  let units = 0;
  for (const l of lines) units += l.qty;
  return units === 1 ? 'single' : 'multi';
}

const byAge = (a: WaveCandidate, b: WaveCandidate) => a.paidAt - b.paidAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function planWaves(candidates: readonly WaveCandidate[], opts: WaveOptions = DEFAULT_WAVE_OPTIONS): { waves: WavePlan[]; skipped: WaveSkip[] } {
  const skipped: WaveSkip[] = [];
  const groups = new Map<string, WaveCandidate[]>();
  for (const c of [...candidates].sort(byAge)) {
    if (c.wave) { skipped.push({ key: c.key, code: 'wave.already', values: { wave: c.wave } }); continue; }
    if (!c.firm) { skipped.push({ key: c.key, code: 'wave.unpaid', values: {} }); continue; }
    if (c.refunding) { skipped.push({ key: c.key, code: 'wave.refunding', values: {} }); continue; }
    if (!c.carrier) { skipped.push({ key: c.key, code: 'wave.no_carrier', values: { warehouse: c.warehouse } }); continue; }
    if (!c.lines.some((l) => l.qty > 0)) { skipped.push({ key: c.key, code: 'wave.empty', values: {} }); continue; }
    const g = `${c.warehouse}\u0000${c.carrier}\u0000${waveKind(c.lines)}`;
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(c);
  }
  const waves: WavePlan[] = [];
  for (const [g, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [warehouse, carrier, kind] = g.split('\u0000') as [string, string, WaveKind];
    // single-item orders of the same SKU side by side: the picker takes them off one shelf
    const ordered = kind === 'single' ? [...list].sort((a, b) => (a.lines.find((l) => l.qty > 0)!.sku).localeCompare(b.lines.find((l) => l.qty > 0)!.sku) || byAge(a, b)) : list;
    const size = kind === 'single' ? opts.maxSingle : opts.maxMulti;
    for (let i = 0; i < ordered.length; i += size) {
      const part = ordered.slice(i, i + size);
      const skus = new Set<string>();
      let units = 0;
      for (const c of part) for (const l of c.lines) if (l.qty > 0) { skus.add(l.sku); units += l.qty; }
      waves.push({ warehouse, carrier, kind, orders: part.map((c) => c.key), units, skus: skus.size });
    }
  }
  return { waves, skipped };
}
