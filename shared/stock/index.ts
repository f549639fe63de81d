// The stock ledger (issue 6): movements, the pure reducer and its projections, first-expiry-
// first-out, order locks and their lapse, and the self-check. Node-only code never lives here:
// the renderer's store, the host and the benchmarks all fold through these functions.
export * from './movement';
export * from './projection';
export * from './fefo';
export * from './locks';
export * from './selfCheck';
export * from './replenish';
export * from './explain';
export * from './channelQuantity';
export * from './stockReason';
export * from './countSheet';
export * from './nearExpiry';
export * from './replenishList';
