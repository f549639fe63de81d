// Waves from the store: the allocated orders as candidates (their locks say what to pick and
// whether payment made them firm, the warehouse's carriers which carrier takes them), the plan
// shown before release, and the release itself — pick list fixed in the event as printed.
import { WharfError } from '../../../shared/contract';
import { requirePermission } from '../../../shared/domain/permissions';
import type { OrderRow, Warehouse } from '../../../shared/domain/types';
import { newEventId } from '../../../shared/events/envelope';
import { buildPickList, chooseCarrier, planWaves, type BatchShelf, type PickDemand, type PickStop, type WaveCandidate, type WavePlan, type WaveSkip } from '../../../shared/floor';
import { parseFloorSettings, FLOOR_SETTINGS_KEY } from '../../../shared/floor/settings';
import { formatShanghai, SHANGHAI_OFFSET_MS } from '../../../shared/time';
import type { Lock } from '../../../shared/stock';
import { commitEvents } from '../apply';
import { commit } from '../decisionMutators';
import type { WharfDB } from '../db';
import type { OperatorContext } from '../mutators';

export interface WaveProposal { waves: (WavePlan & { stops: PickStop[] })[]; skipped: WaveSkip[] }

const effectiveRegion = (r: OrderRow) => (r.addressEdit ? { province: r.addressEdit.province, city: r.addressEdit.city, district: r.addressEdit.district } : r.receiver);

/** Units per SKU × batch a lock still has to pick. */
function openLines(lock: Lock | undefined): { sku: string; batch: string; qty: number }[] {
  return (lock?.lines ?? []).map((l) => ({ sku: l.sku, batch: l.batch, qty: l.qty - l.picked })).filter((l) => l.qty > 0);
}

export async function waveCandidates(db: WharfDB): Promise<{ candidates: WaveCandidate[]; orders: Map<string, OrderRow>; locks: Map<string, Lock> }> {
  const allocated = await db.orders.where('[fulfilment+createdAt]').between(['allocated', -Infinity], ['allocated', Infinity]).toArray();
  const [lockRows, warehouses] = await Promise.all([db.locks.bulkGet(allocated.map((r) => r.key)), db.warehouses.toArray()]);
  const byCode = new Map<string, Warehouse>(warehouses.map((w) => [w.code, w]));
  const locks = new Map<string, Lock>();
  const candidates: WaveCandidate[] = [];
  allocated.forEach((r, i) => {
    const lock = lockRows[i];
    if (lock) locks.set(r.key, lock);
    const lines = openLines(lock);
    // one parcel leaves one warehouse: a split order waves per part later (its first part now)
    const warehouse = lock?.lines.find((l) => l.qty > l.picked)?.warehouse ?? r.decision?.allocation?.parts[0]?.warehouse ?? '';
    const wh = byCode.get(warehouse);
    const carrier = wh ? chooseCarrier(wh, effectiveRegion(r)).carrier : '';
    candidates.push({
      key: r.key, warehouse, carrier, paidAt: r.paidAt ?? r.createdAt,
      lines: lines.map((l) => ({ sku: l.sku, qty: l.qty })), firm: lock?.state === 'firm', refunding: r.refunding,
      ...(r.floor?.wave ? { wave: r.floor.waveNo ?? r.floor.wave } : {}),
    });
  });
  return { candidates, orders: new Map(allocated.map((r) => [r.key, r])), locks };
}

/** The waves Wharf would release now, each with its pick list in walking order. */
export async function proposeWaves(db: WharfDB): Promise<WaveProposal> {
  const settings = parseFloorSettings((await db.settings.get(FLOOR_SETTINGS_KEY))?.value);
  const { candidates, locks } = await waveCandidates(db);
  const plan = planWaves(candidates, { maxMulti: settings.maxMulti, maxSingle: settings.maxSingle });
  const skus = [...new Set(plan.waves.flatMap((w) => w.orders.flatMap((k) => openLines(locks.get(k)).map((l) => l.sku))))];
  const rows = (await Promise.all(skus.map((sku) => db.stockRows.where('sku').equals(sku).toArray()))).flat();
  const waves = plan.waves.map((w) => {
    const demand: PickDemand[] = w.orders.flatMap((k, i) => openLines(locks.get(k)).map((l) => ({ orderKey: k, slot: i + 1, sku: l.sku, batch: l.batch, qty: l.qty })));
    const shelves: BatchShelf[] = rows.filter((r) => r.warehouse === w.warehouse).map((r) => ({ sku: r.sku, batch: r.batch, ...(r.expiresAt !== undefined ? { expiresAt: r.expiresAt } : {}), locations: r.locations }));
    return { ...w, stops: buildPickList(demand, shelves) };
  });
  return { waves, skipped: plan.skipped };
}

/** W + Shanghai month and day + the day's sequence: what people say and what the pick list's barcode reads. */
async function nextWaveNo(db: WharfDB, at: number, taken: number): Promise<string> {
  const dayStart = Math.floor((at + SHANGHAI_OFFSET_MS) / 86_400_000) * 86_400_000 - SHANGHAI_OFFSET_MS;
  const today = await db.waves.where('releasedAt').between(dayStart, dayStart + 86_400_000, true, false).count();
  const d = formatShanghai(at);
  return `W${d.slice(5, 7)}${d.slice(8, 10)}-${String(today + taken + 1).padStart(3, '0')}`;
}

/**
 * Releases proposed waves to the floor (one `wave.released` each). Each wave is checked against
 * the store again: an order paid back, refunded or already waved meanwhile stops the release
 * with its name, and nothing is released half.
 */
export async function releaseWaves(db: WharfDB, ctx: OperatorContext, waves: WaveProposal['waves']): Promise<{ waveId: string; no: string }[]> {
  requirePermission(ctx.user.role, 'floor.pick');
  if (!waves.length) throw new WharfError('invalid_input', 'waves: nothing to release — no allocated, paid order is waiting');
  const at = ctx.now();
  const fresh = await waveCandidates(db);
  const ok = new Map(fresh.candidates.filter((c) => c.firm && !c.refunding && !c.wave).map((c) => [c.key, c]));
  const out: { waveId: string; no: string }[] = [];
  const events = [];
  for (const w of waves) {
    const gone = w.orders.filter((k) => !ok.has(k));
    if (gone.length) throw new WharfError('invalid_input', `wave ${w.warehouse}/${w.carrier}: ${gone.length} order(s) changed since the plan (${gone.slice(0, 3).join(', ')}) — plan the waves again`);
    const no = await nextWaveNo(db, at, out.length);
    const waveId = newEventId();
    out.push({ waveId, no });
    events.push({
      id: newEventId(), type: 'wave.released' as const, at, actor: ctx.user.id, device: ctx.device,
      payload: { waveId, no, warehouse: w.warehouse, carrier: w.carrier, kind: w.kind, orders: w.orders, stops: w.stops },
    });
  }
  await commitEvents(db, events);
  return out;
}

/**
 * A stop picked: the picker scanned the item (or its location) there. `qty` below the stop's
 * count records a short pick; the orders left short are set aside when the wave completes.
 */
export async function confirmPick(db: WharfDB, ctx: OperatorContext, waveId: string, stop: number, qty: number, code: string): Promise<void> {
  const wave = await db.waves.get(waveId);
  if (!wave) throw new WharfError('not_found', `wave ${waveId} is not on this PC`);
  const s = wave.stops[stop];
  if (!s) throw new WharfError('invalid_input', `wave ${wave.no} has no stop ${stop + 1}`);
  if (wave.picked[stop] !== undefined) throw new WharfError('invalid_input', `wave ${wave.no}: stop ${stop + 1} (${s.location} ${s.sku}) is already picked`);
  if (!Number.isInteger(qty) || qty < 0 || qty > s.qty) throw new WharfError('invalid_input', `wave ${wave.no}: stop ${stop + 1} takes 0–${s.qty} units, not ${qty}`);
  await commit(db, ctx, 'floor.pick', 'pick.confirmed', { waveId, stop, qty, code });
}
