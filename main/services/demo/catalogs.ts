// What each demo shop lists: the same company SKUs, named the way each channel names them, so
// the demo shows what the SKU mapping is for. The flagship keeps the merchant codes; Douyin,
// Kuaishou and WeChat listings carry none (titles only); PDD has codes on half its listings;
// the C店 writes them as "ty001". Two listings per shop are not in the SKU master at all (a
// gift bag, a size nobody stocks): they wait in the map-SKU queue.
import type { CompanySetup } from '../../../shared/domain/company';
import type { Platform } from '../../../shared/domain/types';
import type { CatalogItem } from '../platforms/simkit/catalog';
import { hash32 } from '../platforms/simkit/prng';

type Listing = (s: CompanySetup['skus'][number], i: number) => Omit<CatalogItem, 'priceFen'>;

const compact = (code: string) => code.replace(/-/g, '').toLowerCase();

const LISTINGS: Record<Platform, Listing> = {
  taobao: (s) => ({ outerId: s.code, title: `${s.name} ${s.category}`.trim(), skuText: s.spec ? `规格:${s.spec}` : '' }),
  douyin: (s) => ({ outerId: '', outerSkuId: '', title: `【直播专享】${s.name}${s.spec ? ` ${s.spec}` : ''} 家用`, skuText: s.spec ? `规格:${s.spec}` : '' }),
  pdd: (s, i) => (i % 2 === 0
    ? { outerId: s.code, title: `【多人团】${s.name} ${s.spec} 包邮`, skuText: s.spec }
    : { outerId: '', outerSkuId: '', title: `【多人团】${s.name} ${s.category}家用 正品包邮`, skuText: s.spec ? `规格：${s.spec}` : '默认' }),
  jd: (s) => ({ outerId: s.code, title: `拾光家居 ${s.name} ${s.spec}`.trim(), skuText: s.spec }),
  kuaishou: (s) => ({ outerId: '', outerSkuId: '', title: `${s.name} ${s.spec}【老铁专享】`, skuText: s.spec ? `款式:${s.spec}` : '' }),
  youzan: (s) => ({ outerId: s.code, title: `${s.name}·${s.spec}`, skuText: s.spec }),
  wechat: (s) => ({ outerId: '', outerSkuId: '', title: `拾光 ${s.name}`, skuText: s.spec }),
};

/** Listings no SKU of the demo company matches: the map-SKU queue fills with these. */
const UNMAPPED: Array<Omit<CatalogItem, 'priceFen'> & { priceFen: number }> = [
  { outerId: '', outerSkuId: '', title: '环保帆布购物袋 赠品', skuText: '颜色:米白', priceFen: 990 },
  { outerId: '', outerSkuId: '', title: '橡木餐盘 22cm 特惠款', skuText: '', priceFen: 3500 },
];

export function demoCatalogFor(setup: CompanySetup, platform: Platform, shopIndex: number): CatalogItem[] {
  const listing = LISTINGS[platform];
  const items: CatalogItem[] = setup.skus.filter((s) => s.components.length === 0 || platform === 'taobao').map((s, i) => {
    const l = listing(s, i);
    // the C店 (second Taobao shop) types its codes by hand
    const outerId = platform === 'taobao' && shopIndex > 0 ? compact(s.code) : l.outerId;
    // the SKU-level merchant code is the SKU code itself (or none where the listing has none)
    return { ...l, outerId, outerSkuId: outerId, priceFen: s.priceFen || 1000 };
  });
  // the flagship's listings all carry codes: its orders map cleanly, as a well-kept shop's do
  const all = shopIndex === 0 ? items : [...items, ...UNMAPPED];
  // every listing has its own item and SKU id on its platform (derived from its text, so a
  // restart lists the same ids); without codes the simulator would give them all one id
  return all.map((c) => ({ ...c, numIid: `6${String(hash32(`item:${platform}:${c.title}`)).padStart(11, '0')}`, skuId: `5${String(hash32(`sku:${platform}:${c.title}|${c.skuText}`)).padStart(12, '0')}` }));
}
