// Handover: parcels scanned into a carrier's manifest at pickup. Every scan is judged on the
// spot (the driver is waiting), and the manifest lists what is missing — packed for this
// carrier but not scanned — and what is extra: scanned but not packed, another carrier's,
// scanned twice, or an order refunded or cancelled after its label printed (intercept: take
// it back off the truck). Pure.

export interface HandoverParcel {
  waybillNo: string;
  orderKeys: readonly string[];
  carrier: string;
  /** labelled and packed, waiting for pickup */
  ready: boolean;
  /** the order was refunded or cancelled after its label printed */
  intercept?: 'refunding' | 'cancelled' | 'closed' | 'intercepted';
  /** already handed over in an earlier manifest */
  handedOver?: string;
}

export type HandoverVerdict = 'ok' | 'duplicate' | 'not_packed' | 'unknown' | 'other_carrier' | 'intercept' | 'already_handed_over';
export const HANDOVER_SOUND: Record<HandoverVerdict, 'ok' | 'error' | 'alarm'> = {
  ok: 'ok', duplicate: 'error', not_packed: 'error', unknown: 'error', other_carrier: 'error', already_handed_over: 'error', intercept: 'alarm',
};

export interface HandoverScan { code: string; verdict: HandoverVerdict; parcel?: HandoverParcel }

export function judgeHandoverScan(carrier: string, code: string, byWaybill: ReadonlyMap<string, HandoverParcel>, scannedBefore: ReadonlySet<string>): HandoverScan {
  const c = code.trim();
  const p = byWaybill.get(c);
  if (scannedBefore.has(c)) return { code: c, verdict: 'duplicate', ...(p ? { parcel: p } : {}) };
  if (!p) return { code: c, verdict: 'unknown' };
  if (p.intercept) return { code: c, verdict: 'intercept', parcel: p };
  if (p.handedOver) return { code: c, verdict: 'already_handed_over', parcel: p };
  if (p.carrier !== carrier) return { code: c, verdict: 'other_carrier', parcel: p };
  if (!p.ready) return { code: c, verdict: 'not_packed', parcel: p };
  return { code: c, verdict: 'ok', parcel: p };
}

export interface ManifestCheck {
  accepted: HandoverParcel[];
  /** packed for this carrier, not scanned */
  missed: HandoverParcel[];
  /** scanned and not accepted, each with why */
  extra: HandoverScan[];
  /** packed parcels that must not leave (intercepts), scanned or not */
  intercepts: HandoverParcel[];
}

export function checkManifest(carrier: string, parcels: readonly HandoverParcel[], scans: readonly string[]): ManifestCheck {
  const byWaybill = new Map(parcels.map((p) => [p.waybillNo, p]));
  const seen = new Set<string>();
  const accepted: HandoverParcel[] = [];
  const extra: HandoverScan[] = [];
  for (const code of scans) {
    const j = judgeHandoverScan(carrier, code, byWaybill, seen);
    seen.add(j.code);
    if (j.verdict === 'ok') accepted.push(j.parcel!);
    else if (j.verdict !== 'duplicate') extra.push(j);
  }
  const took = new Set(accepted.map((p) => p.waybillNo));
  const missed = parcels.filter((p) => p.carrier === carrier && p.ready && !p.intercept && !p.handedOver && !took.has(p.waybillNo));
  const intercepts = parcels.filter((p) => p.carrier === carrier && p.intercept && !p.handedOver);
  return { accepted, missed, extra, intercepts };
}
