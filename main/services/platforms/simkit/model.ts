// The simulators' platform-neutral order: one truth per simulated shop, which each platform's
// protocol renders into its own wire format (field names, yuan strings or fen, time formats,
// status codes, ciphertext). Lifecycle, arrivals and late edits work on this shape once for all.

/** What the simulator turns into ciphertext, masks and merge keys. Never served as such. */
export interface ReceiverPlain {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  town?: string;
  detail: string;
  zip?: string;
}

/** none → open → success | rejected | closed (buyer withdrew) */
export type SimRefund = 'none' | 'open' | 'success' | 'rejected' | 'closed';

export interface SimLine {
  lineId: string;
  itemId: string;
  skuId: string;
  outerItemId: string;
  outerSkuId: string;
  title: string;
  skuText: string;
  qty: number;
  priceFen: number;
  /** the line's share of what the buyer paid, post fee excluded */
  paymentFen: number;
  discountFen: number;
  refund: SimRefund;
  refundId?: string;
  /** the refund opened after the line shipped (a return), not before */
  refundAfterShip?: boolean;
  trackingNo?: string;
  carrierCode?: string;
  carrierName?: string;
  shippedAt?: number;
}

/**
 * unpaid → paid → (partial →) shipped → completed; closed from unpaid (timeout), from paid
 * (cancelled / fully refunded). `hold` is the platform's "paid but do not ship" (Taobao
 * PAID_FORBID_CONSIGN, PDD risk_control_status=1, Youzan WAIT_CONFIRM).
 */
export type SimState = 'unpaid' | 'paid' | 'partial' | 'shipped' | 'completed' | 'closed';

export interface SimOrder {
  orderId: string;
  state: SimState;
  hold: boolean;
  createdAt: number;
  paidAt?: number;
  shippedAt?: number;
  completedAt?: number;
  closedAt?: number;
  closedBy?: 'unpaid' | 'refund' | 'cancel';
  /** last change, epoch ms (whole seconds) */
  modifiedAt: number;
  goodsFen: number;
  postFeeFen: number;
  discountFen: number;
  paymentFen: number;
  buyerNick: string;
  /** the platform's opaque buyer id (open uid, doudian_open_id, openid…) */
  buyerOpenId: string;
  buyerMessage: string;
  sellerMemo: string;
  /** 0 none, 1 red, 2 yellow, 3 green, 4 blue, 5 purple (each protocol maps to its own codes) */
  sellerFlag: number;
  receiver: ReceiverPlain;
  /** orders with the same merge key get the same platform merge id (oaid, open_address_id…) */
  mergeKey?: string;
  lines: SimLine[];
  /**
   * Admin-only: fields laid over the rendered payload as they are (tests use it to serve
   * malformed or unknown values exactly as a platform might).
   */
  overrides?: Record<string, unknown>;
}
