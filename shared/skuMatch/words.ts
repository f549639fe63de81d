// Default word lists for reading platform titles. They are deliberately generic (home goods,
// kitchen, textiles, storage) and every list can be replaced through TextOptions: a shop that
// sells something else, or has its own brand names, passes its own lists.

/** Marketing words: a bracketed segment holding one is dropped, and the word itself is dropped anywhere. */
export const DEFAULT_MARKETING_WORDS: readonly string[] = [
  '包邮', '热卖', '热销', '新品', '新款', '爆款', '特价', '限时', '秒杀', '正品', '官方', '旗舰店', '旗舰',
  '直播专享', '直播间', '直播', '专享', '多人团', '拼团', '百亿补贴', '补贴', '现货', '速发', '秒发', '顺丰',
  '清仓', '促销', '优惠', '网红', '抖音同款', '同款', '福利', '限量', '厂家直销', '直销', '批发', '预售',
  '包退', '无忧', '店长推荐', '推荐', '好评', '精选', '大促', '领券', '立减', '买一送一', '年货', '双十一',
  '双11', '双12', '618', '赠品', '活动价', '到手价', '工厂店', '品牌', '授权', '自营', '京东', '天猫', '淘宝',
  '拼多多', '快手', '抖音', '小店', '一件代发', '当天发', '现货速发', '闪电发货', '发货', '运费险', '假一赔十',
];

/** Promotion phrases with numbers ("买2送1", "第2件半价", "2件8折"): their numbers are not counts. */
export const DEFAULT_MARKETING_PATTERNS: readonly RegExp[] = [
  /买\d+送\d+/g, /第\d+件(?:半价|\d+(?:\.\d+)?折|\d+元|免单)?/g, /满\d+(?:元|件)?减\d+(?:元)?/g,
  /\d+件\d+(?:\.\d+)?折/g, /\d+(?:\.\d+)?折(?!叠)/g, /\d+小时(?:内)?(?:发货|发出|发)?/g, /前\d+(?:名|件|分钟)/g,
  /任选\d+件?/g,
];

/** Extra words that only mark a bracketed segment as marketing (too short to strip elsewhere). */
export const DEFAULT_BRACKET_MARKERS: readonly string[] = ['送', '赠', '券', '团', '惠', '抢', '荐', '爆'];

/** Brand names removed from titles (JD puts the brand first). Empty: the SKU rows' brand fields are added. */
export const DEFAULT_BRANDS: readonly string[] = [];

/**
 * Colour words → colour family. Bare one-character roots ("白") are not listed because they
 * start material words (白橡, 黑胡桃, 红木, 紫铜); "白色" and the compounds below are safe.
 */
export const DEFAULT_COLOUR_WORDS: Readonly<Record<string, string>> = {
  ...family('白', ['白色', '纯白', '奶白', '乳白', '雪白', '象牙白', '珍珠白', '亮白', '月光白']),
  ...family('黑', ['黑色', '曜石黑', '磨砂黑', '哑光黑', '亮黑', '纯黑', '石墨黑', '炭黑']),
  ...family('灰', ['灰色', '深灰', '浅灰', '烟灰', '高级灰', '雾灰', '银灰', '深灰色', '浅灰色', '烟灰色']),
  ...family('米', ['米色', '米白', '米白色', '米黄', '米黄色', '杏色', '燕麦色', '奶油色', '奶茶色']),
  ...family('红', ['红色', '酒红', '酒红色', '大红', '中国红', '玫红', '玫红色', '砖红']),
  ...family('粉', ['粉色', '粉红', '粉红色', '樱花粉', '藕粉', '藕粉色', '豆沙色']),
  ...family('蓝', ['蓝色', '天蓝', '天蓝色', '深蓝', '深蓝色', '浅蓝', '浅蓝色', '藏青', '藏青色', '藏蓝', '藏蓝色', '雾霾蓝', '宝蓝', '克莱因蓝']),
  ...family('绿', ['绿色', '墨绿', '墨绿色', '薄荷绿', '牛油果绿', '草绿', '草绿色', '抹茶绿']),
  ...family('黄', ['黄色', '姜黄', '姜黄色', '柠檬黄', '鹅黄', '鹅黄色']),
  ...family('紫', ['紫色', '香芋紫', '浅紫', '浅紫色']),
  ...family('橙', ['橙色', '橘色', '桔色']),
  ...family('棕', ['棕色', '咖啡色', '咖色', '褐色', '卡其色', '驼色', '焦糖色', '胡桃色', '深木色']),
  ...family('金', ['金色', '香槟金', '玫瑰金']),
  ...family('银', ['银色']),
  ...family('透明', ['透明', '透明色']),
  ...family('原木', ['原木色', '木色', '本色', '原色', '橡木色', '浅木色']),
};

/** Roots read as a colour only as the value of a colour property ("颜色分类:白"). */
export const DEFAULT_COLOUR_ROOTS: Readonly<Record<string, string>> = {
  白: '白', 黑: '黑', 灰: '灰', 米: '米', 红: '红', 粉: '粉', 蓝: '蓝', 绿: '绿', 黄: '黄', 紫: '紫', 橙: '橙',
  棕: '棕', 咖: '棕', 金: '金', 银: '银',
};

/** Size words → size class. */
export const DEFAULT_SIZE_WORDS: Readonly<Record<string, string>> = {
  ...family('特大', ['特大号', '超大号', '加大号', '特大', '超大', '加大', '加大款']),
  ...family('大', ['大号', '大码', '大款', '大尺寸', '大size']),
  ...family('中', ['中号', '中码', '中款', '中尺寸']),
  ...family('小', ['小号', '小码', '小款', '小尺寸', '迷你', 'mini']),
};

/** Classifiers of a count: "2只装", "3条", "10双装" all say how many items the line is. */
export const DEFAULT_UNIT_WORDS: readonly string[] = [
  '个', '只', '件', '条', '双', '支', '片', '块', '张', '包', '盒', '瓶', '袋', '卷', '根', '把', '枚', '本',
  '罐', '粒', '颗', '副', '对', '台', '套', '组', '入',
];

/** Numbered variant attributes that are neither a size nor a count: 2层 ≠ 3层. */
export const DEFAULT_ATTRIBUTE_UNITS: readonly string[] = ['层', '格', '抽', '门', '人', '档', '挡'];

export interface MaterialDef {
  /** Canonical name, shown in reasons. */
  name: string;
  /** Materials in one group can be generic and specific (实木 ⊃ 橡木). */
  group: string;
  /** A generic material (实木, 金属) agrees with any specific one of its group. */
  generic?: boolean;
  words: readonly string[];
}

/** Material words. Longest match wins, so 橡胶木 is not 橡胶 and 竹纤维 is not 竹. */
export const DEFAULT_MATERIALS: readonly MaterialDef[] = [
  { name: '木', group: 'wood', generic: true, words: ['实木', '原木', '木质', '木制', '木头', '纯木', '木'] },
  { name: '橡木', group: 'wood', words: ['橡木', '白橡', '红橡', '橡树木', '柞木'] },
  { name: '胡桃木', group: 'wood', words: ['胡桃木', '黑胡桃', '胡桃'] },
  { name: '榉木', group: 'wood', words: ['榉木'] },
  { name: '樱桃木', group: 'wood', words: ['樱桃木'] },
  { name: '松木', group: 'wood', words: ['松木', '樟子松'] },
  { name: '柚木', group: 'wood', words: ['柚木'] },
  { name: '相思木', group: 'wood', words: ['相思木'] },
  { name: '橄榄木', group: 'wood', words: ['橄榄木'] },
  { name: '檀木', group: 'wood', words: ['檀木', '紫檀', '檀香木'] },
  { name: '樟木', group: 'wood', words: ['樟木'] },
  { name: '枣木', group: 'wood', words: ['枣木'] },
  { name: '红木', group: 'wood', words: ['红木', '花梨木'] },
  { name: '桦木', group: 'wood', words: ['桦木'] },
  { name: '杉木', group: 'wood', words: ['杉木'] },
  { name: '水曲柳', group: 'wood', words: ['水曲柳'] },
  { name: '乌金木', group: 'wood', words: ['乌金木'] },
  { name: '鸡翅木', group: 'wood', words: ['鸡翅木'] },
  { name: '橡胶木', group: 'wood', words: ['橡胶木'] },
  { name: '竹', group: 'bamboo', words: ['竹制', '竹子', '楠竹', '毛竹', '竹木', '竹'] },
  { name: '竹纤维', group: 'fibre', words: ['竹纤维'] },
  { name: '陶瓷', group: 'ceramic', words: ['陶瓷', '骨瓷', '白瓷', '细瓷', '釉下彩', '瓷', '陶土', '粗陶', '陶'] },
  { name: '玻璃', group: 'glass', words: ['高硼硅玻璃', '高硼硅', '钢化玻璃', '水晶玻璃', '玻璃'] },
  { name: '金属', group: 'metal', generic: true, words: ['金属'] },
  { name: '不锈钢', group: 'metal', words: ['不锈钢'] },
  { name: '碳钢', group: 'metal', words: ['碳钢'] },
  { name: '铁', group: 'metal', words: ['铁艺', '熟铁', '铁'] },
  { name: '铸铁', group: 'metal', words: ['铸铁', '生铁'] },
  { name: '铝', group: 'metal', words: ['铝合金', '太空铝', '铝'] },
  { name: '铜', group: 'metal', words: ['纯铜', '黄铜', '紫铜', '铜'] },
  { name: '钛', group: 'metal', words: ['纯钛', '钛'] },
  { name: '合金', group: 'alloy', words: ['合金'] },
  { name: '珐琅', group: 'enamel', words: ['珐琅', '搪瓷'] },
  { name: '硅胶', group: 'silicone', words: ['硅胶', '硅藻泥'] },
  { name: '塑料', group: 'plastic', words: ['塑料', '树脂', '塑胶'] },
  { name: '亚克力', group: 'plastic', words: ['亚克力', '有机玻璃'] },
  { name: '密胺', group: 'plastic', words: ['密胺'] },
  { name: '棉', group: 'cotton', words: ['纯棉', '全棉', '精梳棉', '长绒棉', '新疆棉', '棉质', '棉'] },
  { name: '棉麻', group: 'linen', words: ['棉麻'] },
  { name: '亚麻', group: 'linen', words: ['亚麻', '苎麻'] },
  { name: '记忆棉', group: 'foam', words: ['记忆棉', '慢回弹'] },
  { name: '乳胶', group: 'latex', words: ['乳胶', '天然乳胶'] },
  { name: '珊瑚绒', group: 'fleece', words: ['珊瑚绒'] },
  { name: '法兰绒', group: 'fleece', words: ['法兰绒'] },
  { name: '牛奶绒', group: 'fleece', words: ['牛奶绒'] },
  { name: '羊羔绒', group: 'fleece', words: ['羊羔绒'] },
  { name: '水晶绒', group: 'fleece', words: ['水晶绒'] },
  { name: '植绒', group: 'flock', words: ['植绒'] },
  { name: '羊毛', group: 'wool', words: ['羊毛', '羊绒'] },
  { name: '蚕丝', group: 'silk', words: ['桑蚕丝', '蚕丝', '真丝'] },
  { name: '天丝', group: 'tencel', words: ['天丝', '莱赛尔'] },
  { name: '超细纤维', group: 'microfibre', words: ['超细纤维'] },
  { name: '涤纶', group: 'polyester', words: ['涤纶', '聚酯纤维'] },
  { name: '羽绒', group: 'down', words: ['羽绒', '鹅绒', '鸭绒'] },
  { name: '藤', group: 'rattan', words: ['藤编', '藤制', '藤'] },
  { name: '草编', group: 'straw', words: ['草编', '麦秸'] },
  { name: '皮革', group: 'leather', words: ['真皮', '牛皮', '皮革'] },
  { name: '大理石', group: 'stone', words: ['大理石', '岩板'] },
  { name: '纸', group: 'paper', words: ['纸质', '纸'] },
];

/**
 * Category words in SKU names ("四件套床品", "铲勺套装", "橡木餐具礼盒") that titles often leave
 * out: they count when a title has them and are not missed when it does not.
 */
export const DEFAULT_GENERIC_WORDS: readonly string[] = [
  '床品', '用品', '套装', '用具', '餐具', '厨具', '器具', '工具', '神器', '家居', '家用', '系列', '产品', '商品', '组合', '装饰',
];

/** Property names of a platform SKU text ("颜色分类:…"): noise in the product noun. */
export const DEFAULT_PROPERTY_KEYS: readonly string[] = [
  '颜色分类', '颜色', '色彩', '尺寸', '尺码', '规格', '型号', '款式', '材质', '材料', '容量', '数量', '套餐类型',
  '套餐', '适用床尺寸', '适用床', '床尺寸', '直径', '口径', '长度', '宽度', '高度', '重量', '净含量', '图案',
  '风格', '品名', '商品名称', '分类', '类别', '组合', '层数', '版本', '产品名称', '尺寸规格', '件数',
];

/**
 * Spelling variants of one product word, applied to both sides so a title and a SKU name meet.
 * Kept short on purpose: each entry is a synonym almost everywhere in home goods.
 */
export const DEFAULT_SYNONYMS: Readonly<Record<string, string>> = {
  切菜板: '砧板', 菜板: '砧板', 案板: '砧板', 切板: '砧板', 菜墩: '砧板',
  盘子: '餐盘', 碟子: '碟', 碗子: '碗', 杯子: '杯', 毯子: '毛毯', 枕头: '枕', 勺子: '勺', 筷子: '筷',
  瓶子: '瓶', 箱子: '箱', 篮子: '篮', 筐子: '筐', 架子: '架', 垫子: '垫', 锅子: '锅', 盒子: '盒', 袋子: '袋',
  夹子: '夹', 铲子: '铲', 床上用品: '床品', 保温瓶: '保温壶', 暖水壶: '保温壶',
};

/**
 * Words that, right after a product noun, name an accessory of it: "毛巾架" is not a 毛巾,
 * "保温杯套" is not a 保温杯. Packaging words ("套装", "盒装") are exceptions.
 */
export const DEFAULT_ACCESSORY_WORDS: readonly string[] = [
  '收纳架', '收纳盒', '收纳袋', '收纳篮', '置物架', '沥水架', '支架', '挂架', '清洁刷', '架', '盒', '套', '垫',
  '盖', '刷', '罩', '袋', '夹', '托', '座', '钩', '柜', '篮', '筐', '贴', '扣', '绳', '链',
];
/**
 * Words that make a line a spare part or refill ("拖把 超细纤维 替换布", "滤芯"): such a line is
 * not the product itself unless the SKU is the part.
 */
export const DEFAULT_PART_WORDS: readonly string[] = ['替换', '更换', '配件', '备用', '补充装', '替芯', '滤芯', '刷头', '内胆', '零件'];
export const DEFAULT_ACCESSORY_EXCEPTIONS: readonly string[] = ['套装', '套餐', '盒装', '袋装', '套件', '套组', '装'];

function family(name: string, words: readonly string[]): Record<string, string> {
  return Object.fromEntries(words.map((w) => [w, name]));
}
