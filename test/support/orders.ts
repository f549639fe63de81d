// Builders for normalized orders in tests (the connector tests use real platform payloads).
import type { NormalizedOrder } from '../../shared/domain/types';

export function makeOrder(over: Partial<NormalizedOrder> & { orderId: string }): NormalizedOrder {
  const created = over.createdAt ?? Date.UTC(2026, 10, 24, 2, 0, 0);
  return {
    platform: 'taobao',
    shopId: 'shop-a',
    platformStatus: 'WAIT_SELLER_SEND_GOODS',
    channelStatus: 'paid',
    refunding: false,
    createdAt: created,
    paidAt: created + 60_000,
    modifiedAt: created + 120_000,
    buyerNick: '买**',
    receiver: { nameMasked: '张**', phoneMasked: '138****1234', phoneTail: '1234', province: '浙江省', city: '杭州市', district: '西湖区', town: '', addressMasked: '文三路**号', cipher: {}, mergeKey: 'oaid-1' },
    lines: [{ lineId: `${over.orderId}1`, title: '橡木餐盘', skuText: '直径24cm', qty: 1, priceFen: 3900, paymentFen: 3900 }],
    totalFen: 3900,
    paymentFen: 3900,
    postFeeFen: 0,
    discountFen: 0,
    buyerMessage: '',
    sellerMemo: '',
    sellerFlag: 0,
    channelHolds: [],
    ...over,
  };
}
