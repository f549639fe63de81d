// Youzan's wire names and codes, shared by the connector and the simulator so neither drifts
// (platforms.md §6, §13.6). UNCONFIRMED ones are best guesses kept here in one place.
export const YOUZAN_LIST_API = { name: 'youzan.trades.sold.get', version: '4.0.4' } as const;
export const YOUZAN_DETAIL_API = { name: 'youzan.trade.get', version: '4.0.2' } as const;
/** ship params tid/out_stype/out_sid/is_no_express/oids: UNCONFIRMED (§6.5) */
export const YOUZAN_SHIP_API = { name: 'youzan.logistics.online.confirm', version: '3.0.0' } as const;
export const YOUZAN_MEMO_API = { name: 'youzan.trade.memo.update', version: '3.0.0' } as const;
/** batch decrypt: version and the `sources` param / cipher→plain map answer are UNCONFIRMED */
export const YOUZAN_DECRYPT_API = { name: 'youzan.cloud.secret.decrypt.batch', version: '1.0.0' } as const;
/** stock (§13.6): item_id, sku_id (omitted for 无规格), quantity, type 0 FULL / 1 INCR — all Longs in the SDK */
export const YOUZAN_STOCK_API = { name: 'youzan.item.quantity.update', version: '3.0.0' } as const;
export const YOUZAN_STOCK_FULL = 0;
export const YOUZAN_STOCK_INCREMENTAL = 1;
export const YOUZAN_TOKEN_PATH = '/auth/token';
/** gateway codes (third-party probe notes, not platforms.md): 4201 no/illegal token, 4202 expired, 4203 unknown */
export const YOUZAN_GW = { badPath: 4001, badContent: 4004, badApi: 4005, badRequest: 4007, rateLimited: 4101, noToken: 4201, tokenExpired: 4202, tokenUnknown: 4203, system: 5001 } as const;
/** business codes: 5000 for bad list params; the 3-month window message, the token-API and the stock codes are UNCONFIRMED */
export const YOUZAN_BIZ = { badParams: 5000, endTooLate: 106000003, tradeNotFound: 5000, shipTradeNotFound: 105000016, badOids: 102599996, nothingToShip: 102570020, alreadyShipped: 102570007, badTrackingNo: 105000003, memoNotFound: 50000, tokenBadParams: 1004, refreshInvalid: 1105, itemNotFound: 141500101, skuNotFound: 141500102, stockNotEnough: 141500103 } as const;

