// The order fields an export's columns can be mapped to, and the header names each platform's
// export (and common ERP sheets) use for them — so the mapping step starts filled in and the
// operator only fixes what is different in their file.
export const IMPORT_FIELDS = [
  'orderId', 'lineId', 'status', 'createdAt', 'paidAt', 'paymentFen', 'postFeeFen', 'discountFen',
  'buyerNick', 'receiverName', 'receiverPhone', 'province', 'city', 'district', 'address',
  'title', 'skuText', 'outerSkuId', 'qty', 'priceFen', 'sellerMemo', 'buyerMessage', 'trackingNo', 'carrier',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these an order cannot be booked; the rest is optional. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['orderId', 'status', 'createdAt', 'paymentFen', 'title'];

/** field → column index in the file (absent = not in this file) */
export type ColumnMapping = Partial<Record<ImportField, number>>;

const GUESSES: Record<ImportField, string[]> = {
  orderId: ['订单编号', '订单号', '主订单编号', '订单ID', '订单id', '店铺单号', 'order_id', 'order_sn', 'tid'],
  lineId: ['子订单编号', '子订单号', '商品订单号', '子单号', 'oid'],
  status: ['订单状态', '状态', '交易状态', 'status'],
  createdAt: ['订单创建时间', '下单时间', '创建时间', '订单提交时间', '成交时间', 'created'],
  paidAt: ['订单付款时间', '付款时间', '支付时间', '支付完成时间', 'pay_time'],
  paymentFen: ['买家实际支付金额', '实付金额', '订单实付金额', '用户实付金额', '实收款', '买家实付', '实付款', '订单应付金额', 'payment'],
  postFeeFen: ['邮费', '运费', '买家支付邮费'],
  discountFen: ['优惠金额', '店铺优惠', '订单优惠'],
  buyerNick: ['买家会员名', '买家昵称', '用户昵称', '买家'],
  receiverName: ['收货人姓名', '收货人', '收件人', '收件人姓名'],
  receiverPhone: ['联系手机', '收货人手机号', '收件人手机', '手机号', '联系电话', '收货人电话'],
  province: ['省', '省份', '收货省份'],
  city: ['市', '城市', '收货城市'],
  district: ['区', '区县', '区/县', '收货区县'],
  address: ['收货地址', '详细地址', '收货人地址', '收件地址'],
  title: ['宝贝标题', '商品名称', '商品标题', '商品', '标题'],
  skuText: ['宝贝属性', '商品规格', '规格', '销售属性', 'SKU', '商品属性'],
  outerSkuId: ['商家编码', '商家SKU编码', 'SKU编码', '商品编码', '外部编码', '商家外部编码'],
  qty: ['购买数量', '数量', '商品数量', '宝贝总数量'],
  priceFen: ['单价', '商品单价', '价格', '商品价格'],
  sellerMemo: ['订单备注', '商家备注', '卖家备注'],
  buyerMessage: ['买家留言', '买家备注', '留言'],
  trackingNo: ['物流单号', '运单号', '快递单号'],
  carrier: ['物流公司', '快递公司'],
};

const norm = (h: string) => h.replace(/\s+/g, '').replace(/[（(].*?[)）]/g, '').toLowerCase();

/** A first mapping from the header row: exact names first, then a name contained in the header. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const out: ColumnMapping = {};
  const taken = new Set<number>();
  const cols = headers.map(norm);
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of IMPORT_FIELDS) {
      if (out[field] !== undefined) continue;
      for (const name of GUESSES[field]) {
        const n = norm(name);
        const i = cols.findIndex((c, idx) => !taken.has(idx) && (pass === 'exact' ? c === n : n.length >= 2 && c.includes(n)));
        if (i >= 0) { out[field] = i; taken.add(i); break; }
      }
    }
  }
  return out;
}
