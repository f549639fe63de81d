// One way in for every decision-desk event: mutators record the event and apply it in one
// transaction; journal replay applies the same events in journal order.
import { parseEventPayload, type TypedEvent, type WharfEvent } from '../../../shared/events/envelope';
import type { StoredEvent, WharfDB } from '../db';
import { decideTables } from '../decide/batch';
import { applyAddressEdited, applyApproved, applyCancelled, applyHeld } from './review';
import { applyBlacklistAdded, applyBlacklistRemoved, applyMappingConfirmed, applyMappingRemoved, applySetup, applySkuRemoved, applySkuSaved, applySkusImported, applyStockSet, applyWarehouseRemoved, applyWarehouseSaved } from './master';
import { applyMergeAccepted, applyPhoneHashed, applyRulesSaved } from './rules';
import { applyStockMoved } from './stock';
import {
  applyFloorSettingsSaved, applyHandoverClosed, applyParcelLabelled, applyParcelPacked, applyParcelSetAside, applyParcelShipped, applyPickConfirmed, applyWaveReleased,
} from './floor';

type Applier = (db: WharfDB, ev: TypedEvent<never>) => Promise<void>;

const APPLIERS: Record<string, Applier> = {
  'review.approved': applyApproved as Applier,
  'review.held': applyHeld as Applier,
  'review.cancelled': applyCancelled as Applier,
  'order.addressEdited': applyAddressEdited as Applier,
  'mapping.confirmed': applyMappingConfirmed as Applier,
  'mapping.removed': applyMappingRemoved as Applier,
  'sku.saved': applySkuSaved as Applier,
  'sku.removed': applySkuRemoved as Applier,
  'skus.imported': applySkusImported as Applier,
  'stock.set': applyStockSet as Applier,
  'stock.moved': applyStockMoved as Applier,
  'warehouse.saved': applyWarehouseSaved as Applier,
  'warehouse.removed': applyWarehouseRemoved as Applier,
  'blacklist.added': applyBlacklistAdded as Applier,
  'blacklist.removed': applyBlacklistRemoved as Applier,
  'rules.saved': applyRulesSaved as Applier,
  'merge.accepted': applyMergeAccepted as Applier,
  'setup.applied': applySetup as Applier,
  'receiver.phoneHashed': applyPhoneHashed as Applier,
  'wave.released': applyWaveReleased as Applier,
  'pick.confirmed': applyPickConfirmed as Applier,
  'parcel.packed': applyParcelPacked as Applier,
  'parcel.labelled': applyParcelLabelled as Applier,
  'parcel.shipped': applyParcelShipped as Applier,
  'parcel.setAside': applyParcelSetAside as Applier,
  'handover.closed': applyHandoverClosed as Applier,
  'floor.settingsSaved': applyFloorSettingsSaved as Applier,
};

export const isAppliedEvent = (type: string) => type in APPLIERS;

/** Every table an applier may touch. */
export const applyTables = (db: WharfDB) => [db.events, db.parcels, db.waves, db.handovers, ...decideTables(db)];

/** Inside a transaction over applyTables(db): applies one event (already validated). */
export async function applyEvent(db: WharfDB, ev: WharfEvent): Promise<void> {
  const apply = APPLIERS[ev.type];
  if (apply) await apply(db, parseEventPayload(ev) as TypedEvent<never>);
}

/** Records new events and applies them, in one transaction. Returns the stored events. */
export async function commitEvents(db: WharfDB, events: WharfEvent[]): Promise<WharfEvent[]> {
  return db.transaction('rw', applyTables(db), async () => {
    const out: WharfEvent[] = [];
    for (const ev of events) {
      // an event with a deterministic id (a setup revision) applies once, whichever tab is first
      if (await db.events.where('id').equals(ev.id).first()) continue;
      const parsed = parseEventPayload(ev);
      out.push(parsed);
      await db.events.add(parsed as StoredEvent);
      await applyEvent(db, parsed);
    }
    return out;
  });
}
