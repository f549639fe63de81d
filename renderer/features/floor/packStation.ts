// The pack station's brain: a scan opens an order, every unit after it is judged by the shared
// verifier, and the order's completion packs it and prints its label. Each answer is a verdict
// with the tone to play, shown large in the station's aria-live region and sent as a
// `scan.verdict` window event naming the tone (what tests and the benchmark listen to).
import { create } from 'zustand';
import type { Client } from '../../../shared/contract';
import { OWN_CHANNEL, type Sku, type Warehouse } from '../../../shared/domain/types';
import { clearBlock, packComplete, packProgress, startPack, verifyScan, VERDICT_SOUND, type PackSession, type Sound, type Verdict } from '../../../shared/floor';
import { formatShanghai } from '../../../shared/time';
import type { WharfDB } from '../../store/db';
import type { OperatorContext } from '../../store/mutators';
import { interceptOf, openPack, packParcel, type PackOrder } from '../../store/floor/pack';
import { enqueueLabel, pumpPrintQueue } from '../../store/floor/printQueue';
import { nextOwnWaybillNo, setAside } from '../../store/floor/ship';
import { listShopNames } from '../../store/shopNames';
import { playSound } from '../scan';
import type { LabelDoc } from './label/layout';
import { renderLabelJob } from './label/labelClient';
import type { LabelPrinter } from './station';

/** What the station says after a scan: a verdict key with its values, and the tone. */
export interface StationVerdict {
  key: Verdict | 'opened' | 'notFound' | 'packed' | 'packFailed' | 'label.printing' | 'label.printed' | 'label.waiting' | 'label.noPrinter' | 'label.noPool' | 'label.platform' | 'label.failed';
  sound: Sound;
  values: Record<string, string | number>;
  code: string;
  seq: number;
  /** false when the tone could not play (sound off, no audio): the screen says so */
  played: boolean;
}

export interface ScanVerdictDetail { verdict: StationVerdict['key']; sound: Sound; played: boolean; code: string; orderKey?: string; at: number }

interface PackState {
  order?: PackOrder;
  session?: PackSession;
  startedAt?: number;
  wrongScans: number;
  last?: StationVerdict;
  busy: boolean;
  /** the own label for the order on the bench is made and waiting for completion */
  labelReady?: boolean;
  /** the last parcel labelled here (reprint) */
  lastParcel?: { parcelId: string; jobId?: string; waybillNo?: string };
}

export const usePackStation = create<PackState>(() => ({ wrongScans: 0, busy: false }));

let seq = 0;
function say(key: StationVerdict['key'], sound: Sound, values: StationVerdict['values'], code: string, orderKey?: string): StationVerdict {
  const played = playSound(sound);
  const v: StationVerdict = { key, sound, values, code, seq: ++seq, played };
  usePackStation.setState({ last: v });
  const detail: ScanVerdictDetail = { verdict: key, sound, played, code, ...(orderKey ? { orderKey } : {}), at: performance.now() };
  globalThis.dispatchEvent?.(new CustomEvent('scan.verdict', { detail }));
  return v;
}

export interface StationDeps {
  db: WharfDB;
  host: Pick<Client, 'printers.send'>;
  ctx: () => OperatorContext;
  printer: () => LabelPrinter | undefined;
  /** barcode or code → SKU code */
  lookup: (code: string) => string | undefined;
}

/** barcode / code → SKU code, from the SKU master */
export function skuLookup(skus: readonly Sku[]): (code: string) => string | undefined {
  const map = new Map<string, string>();
  for (const s of skus) { map.set(s.code, s.code); map.set(s.code.toUpperCase(), s.code); for (const b of s.barcodes) map.set(b, s.code); }
  return (c) => map.get(c.trim()) ?? map.get(c.trim().toUpperCase());
}

export function abandonPack(): void {
  prepared = undefined;
  usePackStation.setState({ order: undefined, session: undefined, startedAt: undefined, wrongScans: 0 });
}

export function confirmRemoved(): void {
  const s = usePackStation.getState().session;
  if (s?.blocked) usePackStation.setState({ session: clearBlock(s) });
}

/** One scan at the station (wedge, serial, camera or typed). */
export async function stationScan(deps: StationDeps, code: string): Promise<StationVerdict> {
  const st = usePackStation.getState();
  if (!st.order || !st.session) return openOrder(deps, code);
  const order = st.order;
  const v = verifyScan(st.session, code, deps.lookup);
  const wrong = v.sound === 'error';
  usePackStation.setState({ session: v.session, wrongScans: st.wrongScans + (wrong ? 1 : 0) });
  const line = v.line !== undefined ? v.session.lines[v.line] : undefined;
  const values: Record<string, string | number> = { code, ...v.values, ...(line ? { sku: line.sku, scanned: line.scanned, need: line.need } : {}) };
  if (v.verdict === 'intercepted') values.why = order.intercept ?? '';
  if (!packComplete(v.session)) return say(v.verdict, VERDICT_SOUND[v.verdict], values, code, order.orderKeys[0]);
  const verdict = say('complete', 'done', values, code, order.orderKeys[0]);
  await finish(deps);
  return verdict;
}

async function openOrder(deps: StationDeps, code: string): Promise<StationVerdict> {
  try {
    const order = await openPack(deps.db, code);
    if (order.intercept) {
      usePackStation.setState({ order: undefined, session: undefined });
      return say('intercepted', 'alarm', { why: order.intercept, code }, code, order.orderKeys[0]);
    }
    if (order.packed) {
      const p = await deps.db.parcels.get(order.parcelId);
      usePackStation.setState({ lastParcel: { parcelId: order.parcelId, ...(p?.printJob ? { jobId: p.printJob } : {}), ...(p?.waybillNo ? { waybillNo: p.waybillNo } : {}) } });
      // packed, set aside without a label (no printer or range then): its label prints now,
      // unless a job for it is still waiting in the queue (that one prints by itself)
      const own = order.rows.every((r) => r.platform === OWN_CHANNEL);
      const waiting = (await deps.db.printJobs.where('parcel').equals(order.parcelId).toArray()).some((j) => j.state === 'queued' || j.state === 'waiting');
      if (own && p?.state === 'open' && !waiting) {
        const v = say('packed', 'prompt', { state: p.state, code }, code, order.orderKeys[0]);
        const carrier = p.carrier || (await defaultCarrier(deps.db, order.warehouse));
        await printOwnLabel(deps, order, order.parcelId, carrier, await safeLabel(labelFor(deps, order, carrier), carrier));
        return v;
      }
      return say('packed', 'prompt', { state: p?.state ?? '', code }, code, order.orderKeys[0]);
    }
    const session = startPack(order.orderKeys[0]!, order.lines);
    usePackStation.setState({ order, session, startedAt: deps.ctx().now(), wrongScans: 0 });
    const v = say('opened', 'ok', { need: packProgress(session).need, code }, code, order.orderKeys[0]);
    // the own label is made (in the label worker) while the packer scans, so the order's
    // completion only has to send it
    usePackStation.setState({ labelReady: false });
    if (order.rows.every((r) => r.platform === OWN_CHANNEL)) {
      const mine = prepareLabel(deps, order);
      prepared = mine;
      mine.then((p) => { if (prepared === mine && p.ok) usePackStation.setState({ labelReady: true }); }, () => undefined);
    }
    return v;
  } catch (e) {
    return say('notFound', 'error', { message: (e as Error).message, code }, code);
  }
}

/** The order is verified: pack it, then its label (own channel: Wharf prints it; platform: the e-waybill). */
async function finish(deps: StationDeps): Promise<void> {
  const { order, session, startedAt, wrongScans } = usePackStation.getState();
  if (!order || !session) return;
  const ctx = deps.ctx();
  usePackStation.setState({ busy: true });
  try {
    const carrier = order.carrier || (await defaultCarrier(deps.db, order.warehouse));
    const own = order.rows.every((r) => r.platform === OWN_CHANNEL);
    // the label (usually made already while scanning) is checked while the parcel is recorded
    let parcelId: string;
    let made: Preparation | undefined;
    try {
      [parcelId, made] = await Promise.all([
        packParcel(deps.db, ctx, order, session, { startedAt: startedAt ?? ctx.now(), wrongScans, carrier }),
        own ? safeLabel(labelFor(deps, order, carrier), carrier) : undefined,
      ]);
    } catch (e) {
      // refunded or cancelled since it was opened (or the store refused): nothing was packed
      const message = (e as Error).message;
      abandonPack();
      const why = interceptOf((await deps.db.orders.bulkGet(order.orderKeys)).filter((r): r is NonNullable<typeof r> => !!r));
      if (why) say('intercepted', 'alarm', { why }, '', order.orderKeys[0]);
      else say('packFailed', 'error', { message }, '', order.orderKeys[0]);
      return;
    }
    usePackStation.setState({ order: undefined, session: undefined, lastParcel: { parcelId } });
    if (!own || !made) {
      await setAside(deps.db, ctx, order.orderKeys[0]!, 'waybill_needs_network', 'platform e-waybill not fetched yet');
      say('label.platform', 'prompt', {}, '', order.orderKeys[0]);
      return;
    }
    await printOwnLabel(deps, order, parcelId, carrier, made);
  } finally {
    usePackStation.setState({ busy: false });
  }
}

async function defaultCarrier(db: WharfDB, warehouse: string): Promise<string> {
  const wh: Warehouse | undefined = await db.warehouses.get(warehouse);
  return wh?.carriers[0]?.code ?? '';
}

export async function labelDoc(db: WharfDB, order: PackOrder, carrier: string, waybillNo: string, now: number): Promise<LabelDoc> {
  const row = order.rows[0]!;
  const [wh, shops, skus] = await Promise.all([db.warehouses.get(order.warehouse), listShopNames(db), db.skus.bulkGet(order.lines.map((l) => l.sku))]);
  const names = new Map(skus.filter((s): s is Sku => !!s).map((s) => [s.code, `${s.name}${s.spec ? ` ${s.spec}` : ''}`]));
  const r = row.addressEdit ? { ...row.receiver, province: row.addressEdit.province, city: row.addressEdit.city, district: row.addressEdit.district, addressMasked: row.addressEdit.detail } : row.receiver;
  return {
    carrierName: carrier, waybillNo, orderId: row.orderId, shopName: shops.find((s) => s.id === row.shopId)?.name ?? row.shopId,
    receiver: { name: r.nameMasked, phone: r.phoneMasked, address: `${r.province}${r.city}${r.district}${r.town} ${r.addressMasked}`.trim() },
    sender: { name: wh?.name ?? order.warehouse, phone: '', address: wh ? `${wh.province}${wh.city}${wh.district} ${wh.address}`.trim() : '' },
    items: order.lines.map((l) => ({ name: names.get(l.sku) ?? l.name, qty: l.need })),
    printedAt: formatShanghai(now).slice(0, 16),
    ...(order.orderKeys.length > 1 ? { note: `合单 ${order.orderKeys.length}` } : {}),
  };
}

interface PreparedLabel { orderKey: string; carrier: string; printer: LabelPrinter; waybillNo: string; data: string }
type Preparation = { ok: true; label: PreparedLabel } | { ok: false; reason: 'noPrinter' | 'noPool'; carrier: string } | { ok: false; reason: 'render'; carrier: string; error: string };

/** A label that could not be drawn (font, worker) is an answer, not an exception: the parcel is packed either way. */
const safeLabel = (p: Promise<Preparation>, carrier: string): Promise<Preparation> =>
  p.catch((e: unknown) => ({ ok: false as const, reason: 'render' as const, carrier, error: e instanceof Error ? e.message : String(e) }));

/** the label being made for the order on the bench (one at a time) */
let prepared: Promise<Preparation> | undefined;

/** The next number, the label drawn and encoded for this station's printer — nothing stored yet. */
async function prepareLabel(deps: StationDeps, order: PackOrder): Promise<Preparation> {
  const carrier = order.carrier || (await defaultCarrier(deps.db, order.warehouse));
  const printer = deps.printer();
  if (!printer) return { ok: false, reason: 'noPrinter', carrier };
  const queued = new Set((await deps.db.printJobs.where('state').anyOf(['queued', 'waiting']).toArray()).map((j) => j.waybillNo ?? ''));
  const next = await nextOwnWaybillNo(deps.db, carrier, queued);
  if (!next.ok) return { ok: false, reason: 'noPool', carrier };
  const doc = await labelDoc(deps.db, order, carrier, next.waybillNo, deps.ctx().now());
  const { data } = await renderLabelJob(doc, { size: printer.size, dpi: printer.dpi }, printer.language);
  return { ok: true, label: { orderKey: order.orderKeys[0]!, carrier, printer, waybillNo: next.waybillNo, data } };
}

/** The prepared label if it is still right (same order, printer and carrier), else a fresh one. */
async function labelFor(deps: StationDeps, order: PackOrder, carrier: string): Promise<Preparation> {
  const mine = prepared;
  prepared = undefined;
  const p = await mine?.catch(() => undefined);
  const printer = deps.printer();
  if (p?.ok && p.label.orderKey === order.orderKeys[0] && p.label.carrier === carrier && printer && JSON.stringify(printer) === JSON.stringify(p.label.printer)) {
    // a number taken by another label meanwhile (a reprint, a second tab) is not used twice
    if ((await deps.db.parcels.where('waybillNo').equals(p.label.waybillNo).count()) === 0) return p;
  }
  return prepareLabel(deps, { ...order, carrier });
}

async function printOwnLabel(deps: StationDeps, order: PackOrder, parcelId: string, carrier: string, made: Preparation): Promise<void> {
  const ctx = deps.ctx();
  const key = order.orderKeys[0]!;
  if (!made.ok && made.reason === 'noPrinter') {
    await setAside(deps.db, ctx, key, 'printer_failed', 'no label printer set for this station');
    say('label.noPrinter', 'error', {}, '', key);
    return;
  }
  if (!made.ok && made.reason === 'render') {
    await setAside(deps.db, ctx, key, 'printer_failed', `the label could not be drawn: ${made.error}`);
    say('label.failed', 'error', { error: made.error }, '', key);
    return;
  }
  if (!made.ok) {
    await setAside(deps.db, ctx, key, 'other', `no own waybill numbers for ${carrier}`);
    say('label.noPool', 'error', { carrier }, '', key);
    return;
  }
  const { printer, waybillNo, data } = made.label;
  const job = await enqueueLabel(deps.db, ctx, {
    parcel: parcelId, orderKey: key, waybillNo, carrier, printer: printer.name, target: printer.target, language: printer.language, data,
  });
  usePackStation.setState({ lastParcel: { parcelId, jobId: job.id, waybillNo } });
  const r = await pumpPrintQueue(deps.db, deps.host, ctx, job);
  if (r.printed.length) { say('label.printed', 'done', { carrier, waybill: waybillNo }, waybillNo, key); return; }
  await setAside(deps.db, ctx, key, 'printer_failed', r.failed[0]?.error ?? 'the printer did not answer');
  say('label.waiting', 'error', { error: r.failed[0]?.error ?? '' }, '', key);
}
