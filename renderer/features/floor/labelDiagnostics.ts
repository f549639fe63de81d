// window.wharfDiagnostics.renderSampleLabel: a support check that this PC renders labels (the
// font loads, text and barcodes land on the bitmap, the printer bytes come out) — and what the
// label benchmark times (in the label worker, as the station renders). Renders only; nothing is
// stored or printed.
import type { WharfDiagnostics } from '../../store/diagnostics';
import type { LabelDoc } from './label/layout';
import { renderLabelJob } from './label/labelClient';

const SAMPLE: Omit<LabelDoc, 'waybillNo'> = {
  carrierName: 'ZTO', orderId: 'M20261204103631532', shopName: '自有渠道（手工单）',
  receiver: { name: '韩梅梅', phone: '13912345678', address: '浙江省杭州市西湖区 文三路100号华星大厦5楼502室' },
  sender: { name: '义乌仓', phone: '0579-85550000', address: '浙江省金华市义乌市 稠城街道工人北路1号' },
  items: [{ name: '橡木餐盘 直径24cm', qty: 2 }, { name: '竹制砧板 40×28cm', qty: 1 }, { name: '铸铁煎锅 26cm', qty: 1 }],
  printedAt: '2026-12-04 10:36',
};

export function installLabelDiagnostics(): void {
  const diag = (globalThis as { wharfDiagnostics?: WharfDiagnostics }).wharfDiagnostics;
  if (!diag || diag.renderSampleLabel) return;
  diag.renderSampleLabel = async (spec, waybillNo, opts = {}) => {
    const r = await renderLabelJob({ ...SAMPLE, waybillNo }, { size: spec.size, dpi: spec.dpi }, spec.language, { countDots: opts.countDots !== false });
    return { width: r.width, height: r.height, bytes: Math.floor((r.data.length * 3) / 4) - (r.data.endsWith('==') ? 2 : r.data.endsWith('=') ? 1 : 0), ...(r.black !== undefined ? { black: r.black } : {}) };
  };
}
