import { describe, expect, it } from 'vitest';
import { MapError } from '../../../main/services/platforms/types';
import { mapTaobaoTrade } from '../../../main/services/platforms/taobao/map';
import { parseJsonKeepingBigInts } from '../../../main/services/platforms/json';
import { generateTrades } from '../../../main/services/platforms/taobao/generate';
import { encryptLegacy } from '../../../main/services/platforms/privacy';
import { parseShanghai } from '../../../shared/time';
import { parseYuan } from '../../../shared/money';

const NAME_CIPHER = encryptLegacy('text', '张三丰', 'shop-a');
const MOBILE_CIPHER = encryptLegacy('phone', '13812341234', 'shop-a');
const ADDRESS_CIPHER = encryptLegacy('text', '文一西路969号3幢201室', 'shop-a');

/** A two-line trade as taobao.trade.fullinfo.get (simplify=true) gives it from the simulator. */
function trade(): Record<string, unknown> {
  return {
    tid: '3812345678901234567',
    tid_str: '3812345678901234567',
    status: 'WAIT_SELLER_SEND_GOODS',
    type: 'fixed',
    created: '2026-11-25 10:00:00',
    modified: '2026-11-25 10:05:30',
    pay_time: '2026-11-25 10:01:02',
    payment: '318.00',
    total_fee: '328.00',
    post_fee: '0.00',
    discount_fee: '10.00',
    buyer_nick: '小**',
    buyer_open_uid: 'AAabc',
    buyer_message: '请尽快发货，谢谢！',
    seller_memo: '老客户',
    seller_flag: 1,
    receiver_name: NAME_CIPHER,
    receiver_mobile: MOBILE_CIPHER,
    receiver_phone: '',
    receiver_address: ADDRESS_CIPHER,
    receiver_name_mask: '张**',
    receiver_mobile_mask: '138****1234',
    receiver_address_mask: '文一西路******',
    receiver_state: '浙江省',
    receiver_city: '杭州市',
    receiver_district: '西湖区',
    receiver_town: '文新街道',
    oaid: '1AbCdEf',
    orders: [
      {
        oid: '3812345678901234568', oid_str: '3812345678901234568', num_iid: 601234567890, sku_id: '5001', outer_iid: 'TY-001', outer_sku_id: 'TY-001-01',
        title: '全棉磨毛四件套', sku_properties_name: '颜色分类:奶白;适用床尺寸:1.5m', num: 1, price: '239.00', total_fee: '239.00', payment: '231.71',
        divide_order_fee: '231.71', status: 'WAIT_SELLER_SEND_GOODS', refund_status: 'NO_REFUND',
      },
      {
        oid: '3812345678901234569', oid_str: '3812345678901234569', num_iid: '601234567891', sku_id: '5002', outer_iid: 'TY-002', outer_sku_id: 'TY-002-02',
        title: '泰国天然乳胶枕头', sku_properties_name: '规格:面包款 60x40cm', num: 1, price: '89.00', total_fee: '89.00', payment: '86.29',
        divide_order_fee: '86.29', status: 'WAIT_SELLER_SEND_GOODS', refund_status: 'WAIT_SELLER_AGREE', invoice_no: 'YT1234567890123', logistics_company: '圆通速递',
      },
    ],
  };
}

function mapError(payload: unknown): MapError {
  try {
    mapTaobaoTrade(payload, 'shop-a');
  } catch (e) {
    if (e instanceof MapError) return e;
    throw e;
  }
  throw new Error('expected a MapError');
}

describe('mapTaobaoTrade', () => {
  it('maps ids as text, money as fen and times as epoch ms', () => {
    const o = mapTaobaoTrade(trade(), 'shop-a');
    expect(o).toMatchObject({
      platform: 'taobao', shopId: 'shop-a', orderId: '3812345678901234567', platformStatus: 'WAIT_SELLER_SEND_GOODS',
      channelStatus: 'paid', refunding: true, totalFen: 32800, paymentFen: 31800, postFeeFen: 0, discountFen: 1000,
      createdAt: Date.UTC(2026, 10, 25, 2, 0, 0), paidAt: Date.UTC(2026, 10, 25, 2, 1, 2), modifiedAt: Date.UTC(2026, 10, 25, 2, 5, 30),
      buyerNick: '小**', buyerOpenId: 'AAabc', buyerMessage: '请尽快发货，谢谢！', sellerMemo: '老客户', sellerFlag: 1, channelHolds: [],
    });
    expect(o.lines).toEqual([
      {
        lineId: '3812345678901234568', itemId: '601234567890', platformSkuId: '5001', outerItemId: 'TY-001', outerSkuId: 'TY-001-01',
        title: '全棉磨毛四件套', skuText: '颜色分类:奶白;适用床尺寸:1.5m', qty: 1, priceFen: 23900, paymentFen: 23171,
        platformStatus: 'WAIT_SELLER_SEND_GOODS', refundStatus: 'NO_REFUND',
      },
      {
        lineId: '3812345678901234569', itemId: '601234567891', platformSkuId: '5002', outerItemId: 'TY-002', outerSkuId: 'TY-002-02',
        title: '泰国天然乳胶枕头', skuText: '规格:面包款 60x40cm', qty: 1, priceFen: 8900, paymentFen: 8629,
        platformStatus: 'WAIT_SELLER_SEND_GOODS', refundStatus: 'WAIT_SELLER_AGREE', trackingNo: 'YT1234567890123', carrier: '圆通速递',
      },
    ]);
  });

  it('keeps receiver ciphertext as given and shows only masked text', () => {
    const r = mapTaobaoTrade(trade(), 'shop-a').receiver;
    expect(r).toEqual({
      nameMasked: '张**', phoneMasked: '138****1234', phoneTail: '1234', province: '浙江省', city: '杭州市', district: '西湖区', town: '文新街道',
      addressMasked: '文一西路******', cipher: { name: NAME_CIPHER, mobile: MOBILE_CIPHER, address: ADDRESS_CIPHER }, mergeKey: '1AbCdEf',
    });
    expect(NAME_CIPHER).toMatch(/^~[A-Za-z0-9+/=]+~[0-9a-f]+~1~~$/);
    expect(MOBILE_CIPHER).toMatch(/^\$[0-9a-f]+\$[A-Za-z0-9+/=]+\$1\$\$$/);
    expect(JSON.stringify(r)).not.toContain('13812341234');
  });

  it('reads receivers that arrive masked instead of encrypted, and masks any that arrive plain', () => {
    const masked = { ...trade(), receiver_name: '李**', receiver_mobile: '139****8888', receiver_address: '人民路****' };
    for (const k of ['receiver_name_mask', 'receiver_mobile_mask', 'receiver_address_mask']) delete (masked as Record<string, unknown>)[k];
    expect(mapTaobaoTrade(masked, 's').receiver).toMatchObject({ nameMasked: '李**', phoneMasked: '139****8888', phoneTail: '8888', addressMasked: '人民路****', cipher: {} });

    const plain = { ...masked, receiver_name: '李四', receiver_mobile: '13988888888', receiver_address: '人民路100号' };
    const r = mapTaobaoTrade(plain, 's').receiver;
    expect(r).toMatchObject({ nameMasked: '李**', phoneMasked: '139****8888', phoneTail: '8888' });
    expect(JSON.stringify(r)).not.toMatch(/13988888888|李四|100号/);
  });

  it('accepts the non-simplified orders: {order: [...]} wrapping', () => {
    const t = trade();
    const wrapped = { ...t, orders: { order: t.orders } };
    expect(mapTaobaoTrade(wrapped, 'shop-a').lines.map((l) => l.lineId)).toEqual(['3812345678901234568', '3812345678901234569']);
  });

  it('flags PAID_FORBID_CONSIGN as a channel hold', () => {
    const o = mapTaobaoTrade({ ...trade(), status: 'PAID_FORBID_CONSIGN' }, 's');
    expect(o.channelStatus).toBe('paid');
    expect(o.channelHolds).toEqual(['platform_forbid_consign']);
  });

  it('uses a text tid when tid_str is absent, and a wire body parsed losslessly keeps every digit', () => {
    const { tid_str: _, ...noStr } = trade();
    expect(mapTaobaoTrade(noStr, 's').orderId).toBe('3812345678901234567');
    const wire = '{"trade":{"tid":3812345678901234567,"status":"TRADE_FINISHED","created":"2026-11-25 10:00:00","modified":"2026-11-25 10:00:00","payment":"1.00",'
      + '"orders":[{"oid":3812345678901234567,"num_iid":601234567890,"title":"t","num":1,"price":"1.00","payment":"1.00"}]}}';
    expect(String(JSON.parse(wire).trade.tid)).not.toBe('3812345678901234567'); // plain JSON.parse rounds it…
    const parsed = parseJsonKeepingBigInts(wire) as { trade: unknown };
    const o = mapTaobaoTrade(parsed.trade, 's'); // …the lossless parse does not
    expect(o.orderId).toBe('3812345678901234567');
    expect(o.lines[0]!.lineId).toBe('3812345678901234567');
    expect(o.lines[0]!.itemId).toBe('601234567890');
  });

  it('maps every generated trade and agrees with the generator on ids, money and times', () => {
    const trades = generateTrades({ seed: 7, count: 300, now: Date.UTC(2026, 10, 25, 4), spanMs: 7 * 86_400_000 });
    const statuses = new Set<string>();
    for (const t of trades) {
      const o = mapTaobaoTrade(t, 'shop-g');
      statuses.add(o.platformStatus);
      expect(o.orderId).toBe(t.tid_str);
      expect(o.orderId).toMatch(/^38\d{16,17}$/);
      expect(o.paymentFen).toBe(parseYuan(t.payment));
      expect(o.totalFen - o.discountFen + o.postFeeFen).toBe(o.paymentFen);
      // the lines' shares add up to what was paid for goods (post fee excluded)
      expect(o.lines.reduce((s, l) => s + l.paymentFen, 0)).toBe(o.paymentFen - o.postFeeFen);
      expect(o.modifiedAt).toBe(parseShanghai(t.modified));
      expect(o.modifiedAt).toBeGreaterThanOrEqual(o.createdAt);
      for (const l of o.lines) expect(typeof l.lineId).toBe('string');
    }
    expect(statuses.size).toBeGreaterThanOrEqual(5);
  });
});

describe('mapTaobaoTrade rejects malformed payloads with a MapError naming the field', () => {
  it.each([
    ['no tid at all', (t: Record<string, unknown>) => { delete t.tid; delete t.tid_str; }, 'tid_str', /request fields=tid_str/],
    ['a numeric tid (digits already lost)', (t: Record<string, unknown>) => { delete t.tid_str; t.tid = 3812345678901234567; }, 'tid', /too large/],
    ['payment that is not money', (t: Record<string, unknown>) => { t.payment = 'abc'; }, 'payment', /not a yuan amount/],
    ['payment missing', (t: Record<string, unknown>) => { delete t.payment; }, 'payment', /missing/],
    ['three-decimal money', (t: Record<string, unknown>) => { t.total_fee = '1.005'; }, 'total_fee', /yuan/],
    ['a line price that is not money', (t: Record<string, unknown>) => { (t.orders as Record<string, unknown>[])[1]!.price = '八十九'; }, 'orders[1].price', /八十九/],
    ['a numeric oid', (t: Record<string, unknown>) => { const l = (t.orders as Record<string, unknown>[])[0]!; delete l.oid_str; l.oid = 3812345678901234568; }, 'orders[0].oid', /too large/],
    ['no orders', (t: Record<string, unknown>) => { delete t.orders; }, 'orders', /fields=orders/],
    ['empty orders', (t: Record<string, unknown>) => { t.orders = []; }, 'orders', /at least one/],
    ['no created time', (t: Record<string, unknown>) => { delete t.created; }, 'created', /missing/],
    ['a bad modified time', (t: Record<string, unknown>) => { t.modified = '2026/11/25 10:00'; }, 'modified', /yyyy-MM-dd HH:mm:ss/],
    ['no status', (t: Record<string, unknown>) => { delete t.status; }, 'status', /missing/],
    ['an unknown status', (t: Record<string, unknown>) => { t.status = 'TRADE_TELEPORTED'; }, 'status', /status table/],
    ['a seller flag out of range', (t: Record<string, unknown>) => { t.seller_flag = 9; }, 'seller_flag', /0–5/],
  ])('%s', (_name, breakIt, where, message) => {
    const t = trade();
    breakIt(t);
    const e = mapError(t);
    expect(e.where).toBe(where);
    expect(e.message).toMatch(message);
  });

  it('a payload that is not an object', () => {
    expect(mapError(null).where).toBe('trade');
    expect(mapError('{"tid":1}').where).toBe('trade');
  });
});
