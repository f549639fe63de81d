// The contract's names without its schemas: what the desktop preload allowlists (it is bundled
// into a sandboxed script and carries no zod). A test keeps these equal to the contract's keys.
export const REQUEST_NAMES = [
  'app.info', 'app.diagnostics', 'updates.get', 'updates.save', 'company.snapshot', 'company.load', 'shops.list', 'shops.save', 'shops.remove', 'shops.test',
  'orders.revealReceiver', 'platform.call', 'printers.send', 'printers.pickList', 'quarantine.remap', 'statusTables.list', 'statusTables.save', 'sync.status', 'sync.pullNow', 'inbox.ack', 'inbox.redeliver',
  'journal.append', 'journal.info', 'journal.read',
] as const;
export const EVENT_NAMES = ['sync.status', 'inbox.batch', 'shops.changed', 'company.changed', 'updates.changed'] as const;

/** IPC channels: one per request (invoke/handle); events on one channel as frame text. */
export const IPC_REQUEST_PREFIX = 'wharf:req:';
export const IPC_EVENT_CHANNEL = 'wharf:evt';
