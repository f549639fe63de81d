// Texts of the stock screen: zh-CN first (the default and fallback), English beside it with the
// same keys (the compiler checks the shape through Messages in zh-CN.ts).
export const stockZhCN = {
  title: '库存',
  tab: { levels: '库存明细', receive: '入库', check: '自检' },
  readOnly: '当前操作员只能查看库存；入库、盘点和调拨需要仓库人员或运营主管。',
  search: '搜索 SKU 编码、名称或扫码',
  allWarehouses: '全部仓库',
  col: { sku: 'SKU', name: '名称', warehouse: '仓库', onHand: '在库', reserved: '锁定', frozen: '冻结', sellable: '可售', batch: '批次', expires: '到期日', locations: '库位' },
  noBatch: '（无批次）',
  empty: '还没有库存：在“入库”登记到货，或在商品资料里填写在库数量',
  drill: {
    title: '{{sku}} @ {{warehouse}}{{batch}} 的库存流水',
    hint: '每一笔流水之后的数字；最后一行就是现在显示的数字。',
    at: '时间', kind: '类型', qty: '数量', change: '变化', after: '之后：在库 / 锁定 / 冻结 / 可售', who: '操作人', why: '原因 / 来源',
    none: '没有流水',
  },
  kind: {
    receive: '入库', reserve: '锁定', release: '释放', firm: '转正式锁定', freeze: '冻结', unfreeze: '解冻', pick: '拣货', ship: '发货',
    return: '退货入库', adjust: '调整', transfer_out: '调出', transfer_in: '调入', count: '盘点',
  },
  receive: {
    intro: '扫商品条码（或输入编码后回车）添加一行；同一 SKU 同一批次再扫一次数量加 1。填写批次、生产日期和保质期（或到期日）、库位后入库。',
    warehouse: '入库仓库', source: '到货单号（可选）', scan: '扫码或输入 SKU 编码',
    add: '添加', submit: '确认入库（{{n}} 行）', clear: '清空',
    qty: '数量', batch: '批次号', produced: '生产日期', expires: '到期日', shelfLife: '保质期 {{days}} 天', location: '库位', remove: '删除',
    unknown: '找不到条码或编码 {{code}}：先在商品资料里添加它', added: '{{sku}}：第 {{n}} 件', done: '已入库 {{n}} 行', pickWarehouse: '先选择入库仓库',
    badDate: '第 {{n}} 行：日期格式应为 年-月-日，例如 2026-12-01',
  },
  check: {
    intro: '自检按流水重新计算每一行库存、每一个订单锁定和在途数量，并与当前记录对比。应当没有任何差异。',
    run: '运行自检', ok: '未发现差异：{{movements}} 笔流水，{{rows}} 个库存行，{{locks}} 个锁定（{{ms}} 毫秒）',
    drift: '发现 {{n}} 处差异（{{movements}} 笔流水）：', never: '还没有运行过',
  },
};

export const stockEn: typeof stockZhCN = {
  title: 'Stock',
  tab: { levels: 'Stock levels', receive: 'Receive', check: 'Self-check' },
  readOnly: 'This operator can only look at stock; receiving, counts and transfers need warehouse staff or an ops lead.',
  search: 'Search SKU code, name, or scan',
  allWarehouses: 'All warehouses',
  col: { sku: 'SKU', name: 'Name', warehouse: 'Warehouse', onHand: 'On hand', reserved: 'Reserved', frozen: 'Frozen', sellable: 'Sellable', batch: 'Batch', expires: 'Expires', locations: 'Locations' },
  noBatch: '(no batch)',
  empty: 'No stock yet: record an arrival under "Receive", or type on-hand figures in the SKU master',
  drill: {
    title: 'Movements of {{sku}} @ {{warehouse}}{{batch}}',
    hint: 'The figures after each movement; the last line is the figure shown now.',
    at: 'Time', kind: 'Kind', qty: 'Qty', change: 'Change', after: 'After: on hand / reserved / frozen / sellable', who: 'By', why: 'Reason / source',
    none: 'No movements',
  },
  kind: {
    receive: 'Received', reserve: 'Reserved', release: 'Released', firm: 'Made firm', freeze: 'Frozen', unfreeze: 'Unfrozen', pick: 'Picked', ship: 'Shipped',
    return: 'Returned', adjust: 'Adjusted', transfer_out: 'Transferred out', transfer_in: 'Transferred in', count: 'Counted',
  },
  receive: {
    intro: 'Scan a barcode (or type a code and press Enter) to add a line; scanning the same SKU and batch again adds one. Fill in batch, production date and shelf life (or expiry), and location, then receive.',
    warehouse: 'Receiving warehouse', source: 'Arrival no. (optional)', scan: 'Scan or type a SKU code',
    add: 'Add', submit: 'Receive ({{n}} lines)', clear: 'Clear',
    qty: 'Qty', batch: 'Batch', produced: 'Produced', expires: 'Expires', shelfLife: 'Shelf life {{days}} days', location: 'Location', remove: 'Remove',
    unknown: 'No SKU has barcode or code {{code}}: add it to the SKU master first', added: '{{sku}}: unit {{n}}', done: 'Received {{n}} lines', pickWarehouse: 'Choose the receiving warehouse first',
    badDate: 'Line {{n}}: write dates as year-month-day, e.g. 2026-12-01',
  },
  check: {
    intro: 'The self-check re-derives every stock row, order lock and transit figure from the movements and compares them with what is stored. It must find nothing.',
    run: 'Run the self-check', ok: 'No differences: {{movements}} movements, {{rows}} stock rows, {{locks}} locks ({{ms}} ms)',
    drift: '{{n}} differences found ({{movements}} movements):', never: 'Not run yet',
  },
};
