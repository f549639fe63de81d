// Manual (own-channel) orders: reships, gifts, phone and offline sales.
export { ManualOrderButton } from './ManualOrderButton';
export { ManualOrderDrawer } from './ManualOrderDrawer';
export { buildManualOrder, manualOrderId, MANUAL_KINDS, type ManualDraft } from './manualOrder';
