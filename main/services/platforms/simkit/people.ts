// Made-up buyers, addresses and notes for the demo shop. Place names follow Taobao's own split:
// municipalities repeat in state and city, and a province-administered county city (济源) sits in
// receiver_district with no city, as the platform's field notes describe (platforms.md §1.6).

export interface Place { province: string; city: string; district: string; towns: string[]; zip: string }

export const PLACES: readonly Place[] = [
  { province: '浙江省', city: '杭州市', district: '西湖区', towns: ['西溪街道', '文新街道'], zip: '310012' },
  { province: '浙江省', city: '杭州市', district: '余杭区', towns: ['五常街道', '仓前街道'], zip: '311121' },
  { province: '浙江省', city: '宁波市', district: '鄞州区', towns: ['首南街道'], zip: '315100' },
  { province: '江苏省', city: '南京市', district: '鼓楼区', towns: ['湖南路街道'], zip: '210009' },
  { province: '江苏省', city: '苏州市', district: '姑苏区', towns: ['平江街道'], zip: '215000' },
  { province: '上海', city: '上海市', district: '浦东新区', towns: ['张江镇', '花木街道'], zip: '201203' },
  { province: '上海', city: '上海市', district: '闵行区', towns: ['莘庄镇'], zip: '201100' },
  { province: '北京', city: '北京市', district: '朝阳区', towns: ['望京街道', '三里屯街道'], zip: '100102' },
  { province: '北京', city: '北京市', district: '海淀区', towns: ['中关村街道'], zip: '100080' },
  { province: '广东省', city: '广州市', district: '天河区', towns: ['石牌街道'], zip: '510630' },
  { province: '广东省', city: '深圳市', district: '南山区', towns: ['粤海街道', '蛇口街道'], zip: '518057' },
  { province: '四川省', city: '成都市', district: '武侯区', towns: ['桂溪街道'], zip: '610041' },
  { province: '湖北省', city: '武汉市', district: '洪山区', towns: ['关山街道'], zip: '430074' },
  { province: '山东省', city: '青岛市', district: '崂山区', towns: ['中韩街道'], zip: '266061' },
  { province: '山东省', city: '济南市', district: '历下区', towns: ['泉城路街道'], zip: '250011' },
  { province: '福建省', city: '厦门市', district: '思明区', towns: ['鹭江街道'], zip: '361001' },
  { province: '湖南省', city: '长沙市', district: '岳麓区', towns: ['橘子洲街道'], zip: '410006' },
  { province: '陕西省', city: '西安市', district: '雁塔区', towns: ['小寨路街道'], zip: '710061' },
  { province: '重庆', city: '重庆市', district: '渝北区', towns: ['龙溪街道'], zip: '401147' },
  { province: '天津', city: '天津市', district: '南开区', towns: ['学府街道'], zip: '300071' },
  { province: '安徽省', city: '合肥市', district: '蜀山区', towns: ['稻香村街道'], zip: '230031' },
  { province: '辽宁省', city: '沈阳市', district: '和平区', towns: ['太原街街道'], zip: '110001' },
  { province: '云南省', city: '昆明市', district: '五华区', towns: ['华山街道'], zip: '650032' },
  { province: '广西壮族自治区', city: '南宁市', district: '青秀区', towns: ['新竹街道'], zip: '530022' },
  { province: '新疆维吾尔自治区', city: '乌鲁木齐市', district: '天山区', towns: ['燕儿窝街道'], zip: '830002' },
  { province: '内蒙古自治区', city: '呼和浩特市', district: '赛罕区', towns: ['大学西路街道'], zip: '010020' },
  { province: '河南省', city: '', district: '济源市', towns: ['沁园街道'], zip: '459000' },
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '欧阳'] as const;
export const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '桂英', '晓东', '子涵', '欣怡', '浩然', '雨桐'] as const;
export const MOBILE_PREFIXES = ['130', '131', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '177', '182', '183', '186', '187', '188', '189', '199'] as const;
export const STREETS = ['文一西路', '学院路', '人民路', '解放路', '建设大道', '中山路', '长江路', '科技园路', '天府大道', '滨江大道', '东风路', '和平里'] as const;
export const ESTATES = ['阳光花园', '锦绣家园', '翠苑小区', '万科城', '金色海岸', '绿城桂花园', '华润二十四城', '梧桐苑'] as const;
export const NICKS = ['小鹿乱撞2020', 'tb_8865123', '我是一只猫', '晴天娃娃', 'momo酱', '阿杰家居控', '夏天的风', 'lucky星', '木子李', '快乐小熊', '一杯清茶', '喵喵不吃鱼'] as const;

export const BUYER_MESSAGES = [
  '请尽快发货，谢谢！', '麻烦发顺丰，运费可以补', '不要放快递柜，送货上门', '周末在家，工作日请放门卫',
  '送人的，不要放发票和价格单', '颜色要和图片一样哦', '能否今天发出？着急用', '帮忙多包几层泡沫，怕碎',
] as const;
export const SELLER_MEMOS = [
  '老客户，送小样', '已电话确认地址', '赠品：毛巾一条', '换成1.8m床尺寸', '合并发货', '客户要求改发韵达', '缺货，等补货后发',
] as const;

export interface Carrier { name: string; code: string; prefix: string; digits: number }
export const CARRIERS: readonly Carrier[] = [
  { name: '中通快递', code: 'ZTO', prefix: '7', digits: 13 },
  { name: '圆通速递', code: 'YTO', prefix: 'YT', digits: 13 },
  { name: '韵达快递', code: 'YUNDA', prefix: '43', digits: 13 },
  { name: '申通快递', code: 'STO', prefix: '77', digits: 13 },
  { name: '顺丰速运', code: 'SF', prefix: 'SF', digits: 13 },
  { name: '极兔速递', code: 'JTSD', prefix: 'JT', digits: 13 },
];
