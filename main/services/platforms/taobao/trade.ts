// The Taobao trade as the platform stores it (taobao.trade.fullinfo.get field names, platforms.md
// §1.6), shared by the generator and the simulator. Ids are digit strings here; the simulator
// writes tid/oid/num_iid as JSON numbers on the wire, as TOP does, next to the *_str twins.

/** One sub-order (Order) of a trade: one line. */
export interface TbOrder {
  oid: string;
  oid_str: string;
  num_iid: string;
  sku_id?: string;
  outer_iid?: string;
  outer_sku_id?: string;
  title: string;
  sku_properties_name?: string;
  pic_path?: string;
  num: number;
  /** yuan strings with 2 decimals, like every TOP amount */
  price: string;
  total_fee: string;
  payment: string;
  discount_fee: string;
  adjust_fee: string;
  /** 分摊后实付: the line's share of what the buyer paid, post fee excluded */
  divide_order_fee: string;
  status: string;
  /** NO_REFUND when none (that literal is UNCONFIRMED, §1.5) */
  refund_status: string;
  refund_id?: string;
  shipping_type: string;
  logistics_company?: string;
  invoice_no?: string;
  consign_time?: string;
}

/** What the simulator turns into ciphertext, masks and an oaid (the kit's one shape). */
import type { ReceiverPlain } from '../simkit/model';
export type { ReceiverPlain };

export interface TbTrade {
  tid: string;
  tid_str: string;
  status: string;
  type: string;
  created: string;
  modified: string;
  pay_time?: string;
  consign_time?: string;
  end_time?: string;
  payment: string;
  total_fee: string;
  post_fee: string;
  discount_fee: string;
  adjust_fee: string;
  received_payment: string;
  num: number;
  buyer_nick: string;
  buyer_open_uid: string;
  seller_nick: string;
  buyer_message?: string;
  has_buyer_message?: boolean;
  seller_memo?: string;
  seller_flag: number;
  shipping_type: string;
  receiver_name?: string;
  receiver_mobile?: string;
  receiver_phone?: string;
  receiver_address?: string;
  receiver_state?: string;
  receiver_city?: string;
  receiver_district?: string;
  receiver_town?: string;
  receiver_zip?: string;
  receiver_country?: string;
  /** masked display twins of the encrypted fields (field names are Wharf's guess, UNCONFIRMED) */
  receiver_name_mask?: string;
  receiver_mobile_mask?: string;
  receiver_phone_mask?: string;
  receiver_address_mask?: string;
  oaid?: string;
  orders: TbOrder[];
  /** input only: plain receiver for the simulator to encrypt; removed before serving */
  receiver_plain?: ReceiverPlain;
  /** input only: forces the oaid (two orders with the same merge_key share an oaid) */
  merge_key?: string;
}
