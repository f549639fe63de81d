// Orders the demo plants so a newcomer sees every queue fill on the first pull: one buyer who
// ordered the same plate on Douyin and again on PDD (a possible duplicate), a 6,000-yuan pot
// order, a parcel-point address, an address whose city is not in its province, three orders to
// one receiver within hours (scalping), a blacklisted receiver, an order the nearest warehouse
// cannot fill alone. Each is a plain paid order in a platform simulator; the pipeline finds them.
import type { Platform } from '../../../shared/domain/types';
import type { RunningSimulator } from '../platforms/simulators';
import type { SimOrderInput } from '../platforms/simkit/store';
import type { ReceiverPlain } from '../platforms/simkit/model';

const HOUR = 3600_000;

interface Plant { platform: Platform; hoursAgo: number; receiver: ReceiverPlain; lines: Array<{ title: string; skuText: string; outer: string; qty: number; priceFen: number }>; buyerMessage?: string }

const plate = { title: '【直播专享】橡木餐盘 直径24cm 家用', skuText: '规格:直径24cm', outer: '', qty: 1, priceFen: 3900 };

const R = {
  dup: { name: '沈晓东', phone: '13857162468', province: '浙江省', city: '杭州市', district: '西湖区', town: '文新街道', detail: '文一西路588号锦绣家园3幢2单元1201室' },
  vague: { name: '周芳', phone: '13957165555', province: '浙江省', city: '杭州市', district: '余杭区', town: '五常街道', detail: '菜鸟驿站旁边' },
  mismatch: { name: '郑强', phone: '18657167777', province: '浙江省', city: '广州市', district: '天河区', town: '', detail: '石牌街道华师路18号' },
  scalp: { name: '许静', phone: '15915898080', province: '广东省', city: '广州市', district: '天河区', town: '石牌街道', detail: '天河路99号万科城5幢' },
  black: { name: '蒋勇', phone: '13800006789', province: '江苏省', city: '南京市', district: '鼓楼区', town: '湖南路街道', detail: '中山路12号' },
  rich: { name: '钱明', phone: '13701013333', province: '北京', city: '北京市', district: '朝阳区', town: '望京街道', detail: '望京西路50号院3号楼1001' },
} satisfies Record<string, ReceiverPlain>;

const PLANTS: Plant[] = [
  { platform: 'douyin', hoursAgo: 30, receiver: R.dup, lines: [plate] },
  { platform: 'pdd', hoursAgo: 20, receiver: R.dup, lines: [{ ...plate, title: '【多人团】橡木餐盘 直径24cm 包邮', outer: 'TY-001' }] },
  { platform: 'jd', hoursAgo: 6, receiver: R.rich, lines: [{ title: '拾光家居 珐琅汤锅 22cm', skuText: '22cm', outer: 'TY-014', qty: 24, priceFen: 25900 }] },
  { platform: 'kuaishou', hoursAgo: 5, receiver: R.vague, lines: [{ title: '竹制砧板 40×28cm【老铁专享】', skuText: '款式:40×28cm', outer: '', qty: 1, priceFen: 5900 }] },
  { platform: 'youzan', hoursAgo: 4, receiver: R.mismatch, lines: [{ title: '不锈钢保温杯·500ml 白色', skuText: '500ml 白色', outer: 'TY-009', qty: 1, priceFen: 8900 }] },
  { platform: 'wechat', hoursAgo: 9, receiver: R.scalp, lines: [{ title: '拾光 马克杯', skuText: '陶瓷 350ml', outer: '', qty: 1, priceFen: 2900 }] },
  { platform: 'douyin', hoursAgo: 7, receiver: R.scalp, lines: [{ title: '【直播专享】毛巾 纯棉 3条装 家用', skuText: '规格:纯棉 3条装', outer: '', qty: 1, priceFen: 2990 }] },
  { platform: 'kuaishou', hoursAgo: 3, receiver: R.scalp, lines: [{ title: '香薰蜡烛 无火 200ml【老铁专享】', skuText: '款式:无火 200ml', outer: '', qty: 1, priceFen: 3900 }] },
  { platform: 'pdd', hoursAgo: 2, receiver: R.black, lines: [{ title: '【多人团】铸铁煎锅 26cm 包邮', skuText: '26cm', outer: 'TY-012', qty: 1, priceFen: 15900 }] },
  { platform: 'jd', hoursAgo: 1, receiver: R.dup, lines: [{ title: '拾光家居 铸铁煎锅 26cm', skuText: '26cm', outer: 'TY-012', qty: 1, priceFen: 15900 }, { title: '拾光家居 乳胶枕 标准款', skuText: '标准款', outer: 'TY-026', qty: 1, priceFen: 19900 }] },
];

/** Plants the tricky orders in the demo simulators (kit platforms; the Taobao flagship keeps its own backlog). */
export function plantTrickyOrders(sims: readonly RunningSimulator[], now: number): number {
  let n = 0;
  for (const p of PLANTS) {
    const sim = sims.find((s) => s.platform === p.platform && s.kit);
    if (!sim?.kit) continue;
    const at = Math.floor((now - p.hoursAgo * HOUR) / 1000) * 1000;
    const order: SimOrderInput = {
      state: 'paid', hold: false, createdAt: at - 60_000, paidAt: at, modifiedAt: at, receiver: p.receiver, buyerMessage: p.buyerMessage ?? '', sellerMemo: '', sellerFlag: 0, postFeeFen: 0, discountFen: 0,
      lines: p.lines.map((l) => ({ title: l.title, skuText: l.skuText, outerItemId: l.outer, outerSkuId: l.outer, qty: l.qty, priceFen: l.priceFen, paymentFen: l.priceFen * l.qty, discountFen: 0, refund: 'none' as const })),
    };
    sim.kit.upsert([order]);
    n++;
  }
  return n;
}
