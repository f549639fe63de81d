// A wave's pick list for an 80 mm (48 columns) or 58 mm (32 columns) ESC/POS receipt printer,
// built with node-thermal-printer. Chinese names go out as GB2312/GBK in Chinese mode (FS &),
// which the Chinese receipt printers (Xprinter, Gprinter, HPRT…) print with their own fonts.
// The wave number is a Code 128 barcode, so scanning the slip opens the wave at the station.
import thermal from 'node-thermal-printer';
import type { PickListDoc } from '../../../shared/domain/printing';
import { formatShanghai } from '../../../shared/time';

const { printer: ThermalPrinter, types, CharacterSet } = thermal;

/** Display columns of a string (a Chinese character takes two). */
function cols(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
/** Cut to `w` columns without splitting a wide character. */
function fit(s: string, w: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) { const c = cols(ch); if (n + c > w) break; out += ch; n += c; }
  return out + ' '.repeat(Math.max(0, w - n));
}

export function pickListEscpos(doc: PickListDoc, widthChars: 32 | 48 = 48): Buffer {
  // the interface is never opened: the host sends the bytes itself (one job ledger for all printers)
  const p = new ThermalPrinter({ type: types.EPSON, interface: 'tcp://127.0.0.1:9100', width: widthChars, characterSet: CharacterSet.CHINA, removeSpecialCharacters: false });
  p.add(Buffer.from([0x1c, 0x26]));
  p.alignCenter();
  // size first: ESC ! (the size command) also resets bold on a real printer
  p.setTextDoubleHeight();
  p.bold(true);
  p.println(`拣货单 ${doc.wave}`);
  p.setTextNormal();
  p.bold(false);
  p.println(`${doc.warehouse} · ${doc.carrier} · ${doc.kind === 'single' ? '单件' : '多件'} · ${doc.stops.length} 个货位`);
  p.code128(doc.wave, { width: 'MEDIUM', height: 60, text: 2 } as never);
  p.alignLeft();
  p.println(`打印 ${formatShanghai(doc.printedAt).slice(0, 16)}${doc.picker ? `  拣货 ${doc.picker}` : ''}`);
  p.drawLine();
  let units = 0;
  for (const s of doc.stops) {
    units += s.qty;
    p.bold(true);
    p.println(`${fit(s.location || '(未定位)', 12)}${fit(s.sku, widthChars - 12 - 6)}×${String(s.qty).padStart(4)}`);
    p.bold(false);
    p.println(`  ${fit(s.name, widthChars - 2).trimEnd()}`);
    if (s.batch) p.println(`  批次 ${s.batch}${s.expiresAt !== undefined ? `  到期 ${formatShanghai(s.expiresAt).slice(0, 10)}` : ''}`);
    if (s.slots) p.println(`  分拣 ${s.slots}`);
  }
  p.drawLine();
  p.println(`合计 ${units} 件`);
  p.cut();
  return p.getBuffer();
}
