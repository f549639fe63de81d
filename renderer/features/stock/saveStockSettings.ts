// Stock settings are part of the decision settings: saved through the same mutator as the rules
// (settings.manage, one rules.saved event), over the settings as stored right now — so an edit
// made on the rules or warehouses page meanwhile is not undone. Decided orders keep their locks.
import type { DecisionSettings } from '../../../shared/decide/settings';
import type { WharfDB } from '../../store/db';
import { readSettings } from '../../store/decide/config';
import { saveRules } from '../../store/decisionMutators';
import { notifyJournal, operatorContext } from '../operator';

export type StockSettings = DecisionSettings['stock'];

export async function saveStockSettings(db: WharfDB, change: (s: StockSettings) => StockSettings): Promise<void> {
  const fresh = await readSettings(db);
  await saveRules(db, operatorContext(), { ...fresh, stock: change(fresh.stock) }, { redecide: false });
  notifyJournal();
}
