// The demo shop's goods: a home-goods store (家居) with 20 items × 2 SKUs. Platform ids (num_iid,
// sku_id) are derived from the merchant codes, so the same catalog always gives the same ids.
import { hash32 } from './prng';

export interface CatalogItem {
  /** item merchant code (outer_iid), e.g. "TY-001" */
  outerId: string;
  title: string;
  /** sku_properties_name, "颜色分类:奶白;适用床尺寸:1.5m" */
  skuText: string;
  priceFen: number;
  /** SKU merchant code (outer_sku_id); defaults to outerId + "-" + variant number */
  outerSkuId?: string;
  numIid?: string;
  skuId?: string;
}

export interface ResolvedCatalogItem extends Required<CatalogItem> {}

const ITEMS: Array<[string, string, Array<[string, number]>]> = [
  ['TY-001', '全棉磨毛四件套 纯棉被套床单 北欧简约床上用品', [['颜色分类:奶白;适用床尺寸:1.5m', 23900], ['颜色分类:雾霾蓝;适用床尺寸:1.8m', 26900]]],
  ['TY-002', '泰国天然乳胶枕头 护颈椎单人枕芯', [['规格:波浪款 60x40cm', 8900], ['规格:面包款 60x40cm', 7900]]],
  ['TY-003', '加厚珊瑚绒毛毯 冬季午睡毯沙发盖毯', [['尺寸:150x200cm', 6900], ['尺寸:200x230cm', 9900]]],
  ['TY-004', '日式陶瓷餐具套装 家用碗碟盘组合', [['套装:4人食16件', 12800], ['套装:6人食28件', 19800]]],
  ['TY-005', '316不锈钢保温杯 大容量便携水杯500ml', [['颜色分类:珍珠白', 5900], ['颜色分类:墨绿', 5900]]],
  ['TY-006', '硅藻泥吸水地垫 卫生间速干防滑脚垫', [['尺寸:40x60cm', 2990], ['尺寸:50x80cm', 3990]]],
  ['TY-007', '加厚真空压缩收纳袋 衣物被子整理袋', [['套装:8件套(4大4中)', 4990], ['套装:12件套送电泵', 7990]]],
  ['TY-008', '竹纤维毛巾 柔软吸水洗脸面巾', [['颜色分类:浅粉 3条装', 3990], ['颜色分类:浅灰 3条装', 3990]]],
  ['TY-009', '落地折叠晾衣架 室内阳台晒被架', [['款式:双杆加粗', 11900], ['款式:翼型折叠', 8900]]],
  ['TY-010', '厨房置物架 落地多层微波炉收纳架', [['规格:三层 黑色', 6900], ['规格:四层 白色', 8900]]],
  ['TY-011', '全遮光窗帘成品 卧室客厅隔热布', [['规格:宽2m×高2.7m 1片', 13900], ['规格:宽3m×高2.7m 1片', 18900]]],
  ['TY-012', '记忆棉坐垫 办公室久坐椅垫', [['颜色分类:深灰', 4500], ['颜色分类:卡其', 4500]]],
  ['TY-013', '玻璃密封罐 厨房五谷杂粮储物罐', [['容量:1L 3只装', 3680], ['容量:1.5L 3只装', 4680]]],
  ['TY-014', '北欧陶瓷花瓶 客厅插花摆件', [['款式:高款 白色', 5800], ['款式:矮款 莫兰迪绿', 4800]]],
  ['TY-015', '香薰蜡烛礼盒 卧室助眠无烟', [['香型:白茶', 6800], ['香型:无花果', 6800]]],
  ['TY-016', '大容量脏衣篮 折叠收纳筐', [['颜色分类:米色 折叠款', 3590], ['颜色分类:灰色 带盖', 4290]]],
  ['TY-017', '整块实木砧板 家用切菜板', [['尺寸:38x26cm', 7900], ['尺寸:45x30cm', 9900]]],
  ['TY-018', '电热水壶 家用304不锈钢烧水壶1.7L', [['颜色分类:白色', 9900], ['颜色分类:复古绿', 10900]]],
  ['TY-019', '懒人沙发豆袋 单人卧室小沙发', [['颜色分类:燕麦色', 29900], ['颜色分类:焦糖色', 29900]]],
  ['TY-020', '桌面收纳盒 抽屉式文具化妆品整理', [['规格:三层 透明', 3290], ['规格:五层 白色', 4590]]],
];

export const DEFAULT_CATALOG: readonly CatalogItem[] = ITEMS.flatMap(([outerId, title, skus]) =>
  skus.map(([skuText, priceFen], i) => ({ outerId, title, skuText, priceFen, outerSkuId: `${outerId}-${String(i + 1).padStart(2, '0')}` })),
);

/** Fills the platform ids a catalog entry leaves out, deterministically from its codes. */
export function resolveCatalogItem(item: CatalogItem, index: number): ResolvedCatalogItem {
  const outerSkuId = item.outerSkuId ?? `${item.outerId}-${String(index + 1).padStart(2, '0')}`;
  return {
    ...item,
    outerSkuId,
    numIid: item.numIid ?? `6${String(hash32(`item:${item.outerId}`)).padStart(11, '0')}`,
    skuId: item.skuId ?? `5${String(hash32(`sku:${outerSkuId}`)).padStart(12, '0')}`,
  };
}
