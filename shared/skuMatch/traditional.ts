// Traditional → simplified characters for the words that appear in product titles (Hong Kong
// and Taiwan sellers, and listings copied from them). Not a full converter: only characters
// whose simplified form is a different code point and that home-goods titles use.
const TRADITIONAL =
  '盤盃鍋壺墊鋼鐵鋁銅錫鈦銹鏽鑄櫃櫥籃燈廚衛紙帶裝號條雙對個隻組幾飯湯麵鏟電熱溫層門簾單頭潔膠圓長寬輕環藍綠紅黃銀實質製純絲'
  + '絨滌綸編織網蓋壓縮掛鉤納屜書發飾擺蠟燭乾濕掃廁筆機樣顏廣東歐風體禮愛萬與專業兩嚴豐為麗樂買賣產親僅價優會傘傳兒關興養內寫'
  + '農淨涼減鳳劃則剛創別劑劍動勞勢區醫華協廠廳歷參變葉後聽啟團園圖國圍場壞塊壘夢奪奮婦媽孫學寶寵尋導屬嶺幣幫廢彈徑從復戀懷態'
  + '戶擁擇擊擋據擠擴攜數斷時曬棄桿棧棟構槍樓標樞橋檔檢櫻權歡歲殘氣漢滿漲潤澤濾濃灑灣爐營爺牆狀獨獎現瑪璽畫當療瘡盜盞盡監眾睏'
  + '硯碼磚礙禪種穩窩窯竄競節範築簡籤糧紀約紋細終結絕給絡統經綁維綿緊緞線練緻縫總繩繡繪繫續罈羅義習聖聯職膚腳臟臺舊艷莊藥蘭處'
  + '蝦螢蠶衝補裡複襪規視覺觸計記設試詳認語說調論諾護讓貝負貨購賽贈趕趨跡車軟載輔輪輸轉逕這連週進運過遠適遲選遺還邊鄉釘針釦鈴'
  + '鉛銷鋒鋪錶鍵鎖鏡鐘鑰鑽開閒間閃閱闆陰陽陳陸隊階隨險雜雞離難雲霧靈韓頁頂項順須預領頻題額顯飄飛餅館饋馬駐驗髮鬆鬥魚鮮鳥鴨鵝'
  + '鹽麥點黨齊齒龍龜瓊箏瓏軌鈕鍍鏈錦鋸銳鐲鑲閥韌纖壯廂嬰寢齡勻盪蕩牀鎂沖溼輻紗綢緹縐蓆墻礎櫈燙烏棗樺楓欖櫚檜橢鍾錐鎢鎳籐鋅麼'
  + '們極頸腦嚐嘗醬湧讚瀝濺灘澀潑滬漁滲滅燒煙煉燦爍猶獲琺瑯璣癢皺盧矯碩確祿稅穀糾紐紡紮絞綜緒緣縣縱繞纏罰聲膩臉艙蓮蔔蘋蘿蟲襯'
  + '覽訂訊託評詞誌誠課譜豬貓賬躍軸輛轎辭遞郵釀釣鈍鉗鋤錄鍊鍛鎮閉闊陣隱顆顧餵饅騎驅鬧鴿鶴鹼黴剷攪攤擰矽壽燉臥檯櫸樁欄籠簍篩簞'
  + '軋釐鑊缽鉢餃嬤匯柵傢';
const SIMPLIFIED =
  '盘杯锅壶垫钢铁铝铜锡钛锈锈铸柜橱篮灯厨卫纸带装号条双对个只组几饭汤面铲电热温层门帘单头洁胶圆长宽轻环蓝绿红黄银实质制纯丝'
  + '绒涤纶编织网盖压缩挂钩纳屉书发饰摆蜡烛干湿扫厕笔机样颜广东欧风体礼爱万与专业两严丰为丽乐买卖产亲仅价优会伞传儿关兴养内写'
  + '农净凉减凤划则刚创别剂剑动劳势区医华协厂厅历参变叶后听启团园图国围场坏块垒梦夺奋妇妈孙学宝宠寻导属岭币帮废弹径从复恋怀态'
  + '户拥择击挡据挤扩携数断时晒弃杆栈栋构枪楼标枢桥档检樱权欢岁残气汉满涨润泽滤浓洒湾炉营爷墙状独奖现玛玺画当疗疮盗盏尽监众困'
  + '砚码砖碍禅种稳窝窑窜竞节范筑简签粮纪约纹细终结绝给络统经绑维绵紧缎线练致缝总绳绣绘系续坛罗义习圣联职肤脚脏台旧艳庄药兰处'
  + '虾萤蚕冲补里复袜规视觉触计记设试详认语说调论诺护让贝负货购赛赠赶趋迹车软载辅轮输转迳这连周进运过远适迟选遗还边乡钉针扣铃'
  + '铅销锋铺表键锁镜钟钥钻开闲间闪阅板阴阳陈陆队阶随险杂鸡离难云雾灵韩页顶项顺须预领频题额显飘飞饼馆馈马驻验发松斗鱼鲜鸟鸭鹅'
  + '盐麦点党齐齿龙龟琼筝珑轨钮镀链锦锯锐镯镶阀韧纤壮厢婴寝龄匀荡荡床镁冲湿辐纱绸缇绉席墙础凳烫乌枣桦枫榄榈桧椭钟锥钨镍藤锌么'
  + '们极颈脑尝尝酱涌赞沥溅滩涩泼沪渔渗灭烧烟炼灿烁犹获珐琅玑痒皱卢矫硕确禄税谷纠纽纺扎绞综绪缘县纵绕缠罚声腻脸舱莲卜苹萝虫衬'
  + '览订讯托评词志诚课谱猪猫账跃轴辆轿辞递邮酿钓钝钳锄录链锻镇闭阔阵隐颗顾喂馒骑驱闹鸽鹤碱霉铲搅摊拧硅寿炖卧台榉桩栏笼篓筛箪'
  + '轧厘镬钵钵饺嬷汇栅家';

const MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const t = [...TRADITIONAL];
  const s = [...SIMPLIFIED];
  if (t.length !== s.length) throw new Error('skuMatch/traditional: the two character tables differ in length');
  t.forEach((c, i) => {
    if (c < '\u4e00' || c > '\u9fff') throw new Error(`skuMatch/traditional: ${c} is outside the CJK block toSimplified scans`);
    m.set(c, s[i]!);
  });
  return m;
})();

/** Any character with no simplified form in the table is kept; a text without one is returned as is. */
export function toSimplified(text: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) continue; // every table character is in the common CJK block
    const simple = MAP.get(text[i]!);
    if (simple === undefined) continue;
    out ??= text.split('');
    out[i] = simple;
  }
  return out ? out.join('') : text;
}

/** The table size, for a test that keeps the two strings aligned. */
export const TRADITIONAL_PAIRS = MAP.size;
