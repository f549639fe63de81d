// This station's printers, kept on this PC only (each pack bench has its own label printer):
// where the label printer is, what it speaks, its label size and resolution.
import { create } from 'zustand';
import { z } from 'zod';
import { TcpPrinterTarget } from '../../../shared/domain/printing';

const KEY = 'wharf.station';

export const LabelPrinter = z.object({
  name: z.string().trim().min(1).max(40),
  target: TcpPrinterTarget,
  language: z.enum(['tspl', 'zpl']),
  size: z.enum(['100x180', '76x130']),
  dpi: z.union([z.literal(203), z.literal(300)]),
});
export type LabelPrinter = z.infer<typeof LabelPrinter>;

/** the receipt printer pick lists go to (ESC/POS, 80 mm = 48 columns, 58 mm = 32) */
export const ReceiptPrinter = z.object({
  name: z.string().trim().min(1).max(40),
  target: TcpPrinterTarget,
  widthChars: z.union([z.literal(48), z.literal(32)]),
});
export type ReceiptPrinter = z.infer<typeof ReceiptPrinter>;

/**
 * The label printer this station prints to: its own, or — in demo mode, until one is set — the
 * demo's printer on the host (a socket that takes every job; the print queue previews them).
 */
export function stationLabelPrinter(demo: { host: string; port: number } | undefined): LabelPrinter | undefined {
  const own = useStation.getState().label;
  if (own || !demo) return own;
  return { name: '演示打印机', target: { kind: 'tcp', host: demo.host, port: demo.port }, language: 'tspl', size: '100x180', dpi: 203 };
}

const StationSettings = z.object({ label: LabelPrinter.optional(), receipt: ReceiptPrinter.optional() });
type StationSettings = z.infer<typeof StationSettings>;

function load(): StationSettings {
  try {
    const r = StationSettings.safeParse(JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}'));
    return r.success ? r.data : {};
  } catch { return {}; }
}

interface StationState extends StationSettings { setLabel(p: LabelPrinter): void; setReceipt(p: ReceiptPrinter): void }

const persist = (s: StationSettings) => globalThis.localStorage?.setItem(KEY, JSON.stringify(s));

export const useStation = create<StationState>((set, get) => ({
  ...load(),
  setLabel(p) {
    const label = LabelPrinter.parse(p);
    persist({ label, receipt: get().receipt });
    set({ label });
  },
  setReceipt(p) {
    const receipt = ReceiptPrinter.parse(p);
    persist({ label: get().label, receipt });
    set({ receipt });
  },
}));
