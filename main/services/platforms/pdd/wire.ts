// Pinduoduo codes the connector and its simulator must agree on (platforms.md §3.9, §13.3). The
// stock API's own refusal codes are not published (UNCONFIRMED): these are what the simulator
// answers; the connector only needs to know which codes are about the call, not a listing.

/** UNCONFIRMED (§3.9 lists no code for a bad signature); what the simulator answers */
export const PDD_SIGN_ERROR_CODE = 10016;

/** §3.9: codes about the call — common params, signature, token, limits — never about one listing */
export const PDD_WHOLE_CALL_CODES: ReadonlySet<string> = new Set(['10001', String(PDD_SIGN_ERROR_CODE), '10019', '52101', '52102', '52103', '70031']);

/** pdd.goods.quantity.update refusals — UNCONFIRMED, the simulator's choice */
export const PDD_STOCK_CODES = { badParam: 10000, goodsNotFound: 51001, skuNotFound: 51002, belowZero: 51003 } as const;
