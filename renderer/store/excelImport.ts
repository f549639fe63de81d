// Imports the orders read from a platform export into the pool: one Dexie transaction for the
// whole file (all or nothing), through the same ingest as a pull (source "excel"), so an order
// later pulled through the API enriches the imported one instead of becoming a second order.
import { WharfError } from '../../shared/contract';
import { requirePermission } from '../../shared/domain/permissions';
import type { Platform } from '../../shared/domain/types';
import type { ImportResult } from '../../shared/import/rowsToOrders';
import type { ColumnMapping, ImportField } from '../../shared/import/fields';
import type { WharfDB } from './db';
import { ingestBatch } from './ingest';
import { recordEvent, type OperatorContext } from './mutators';

export interface ImportRequest { fileName: string; platform: Platform; shopId: string; result: ImportResult; validOnly: boolean }

export async function importOrders(db: WharfDB, ctx: OperatorContext, req: ImportRequest): Promise<{ imported: number; skipped: number }> {
  requirePermission(ctx.user.role, 'orders.pull');
  const { result } = req;
  if (result.unmapped.length) throw new WharfError('invalid_input', `map the columns for ${result.unmapped.join(', ')} first`);
  if (result.errors.length && !req.validOnly) {
    throw new WharfError('invalid_input', `${result.errors.length} row error(s) in ${result.invalidOrders} order(s): nothing was imported. Fix the file, or tick "import the valid rows" to skip those orders`);
  }
  if (result.orders.length === 0) throw new WharfError('invalid_input', 'no valid orders in this file: nothing to import');
  await ingestBatch(db, { orders: result.orders.map((o) => ({ order: o.order, payloadHash: o.payloadHash })), quarantine: [] }, 'excel');
  await recordEvent(db, { userId: ctx.user.id, device: ctx.device, now: ctx.now }, 'import.completed', {
    fileName: req.fileName, platform: req.platform, shopId: req.shopId, orders: result.orders.length, skippedOrders: result.invalidOrders, rowErrors: result.errors.length,
  });
  return { imported: result.orders.length, skipped: result.invalidOrders };
}

/** The mapping is remembered per platform by header text, so a file with reordered columns still fits. */
const mappingKey = (p: Platform) => `import.mapping.${p}`;

export async function rememberMapping(db: WharfDB, platform: Platform, headers: readonly string[], mapping: ColumnMapping): Promise<void> {
  const byName = Object.fromEntries(Object.entries(mapping).filter(([, i]) => i !== undefined).map(([f, i]) => [f, headers[i!]]));
  await db.cursors.put({ key: mappingKey(platform), value: byName });
}

export async function recalledMapping(db: WharfDB, platform: Platform, headers: readonly string[]): Promise<ColumnMapping> {
  const byName = ((await db.cursors.get(mappingKey(platform)))?.value ?? {}) as Partial<Record<ImportField, string>>;
  const out: ColumnMapping = {};
  for (const [f, name] of Object.entries(byName)) {
    const i = headers.indexOf(name!);
    if (i >= 0) out[f as ImportField] = i;
  }
  return out;
}
