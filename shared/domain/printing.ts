// Where a print job goes and what it is. Printers are mapped per station in the renderer's
// settings; the host only moves bytes (it has the sockets), so a job crosses the contract as
// base64 of exactly what the printer gets.
import { z } from 'zod';

export const PRINTER_LANGUAGES = ['tspl', 'zpl', 'escpos'] as const;
export const PrinterLanguage = z.enum(PRINTER_LANGUAGES);
export type PrinterLanguage = z.infer<typeof PrinterLanguage>;

export const TcpPrinterTarget = z.strictObject({
  kind: z.literal('tcp'),
  /** the printer's IP address (or a host name the network resolves) */
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:_-]+$/, 'an IP address like 192.168.1.50 or a host name'),
  /** 9100 on almost every network label printer (RAW) */
  port: z.number().int().min(1).max(65535),
});
export const PrinterTarget = z.discriminatedUnion('kind', [TcpPrinterTarget]);
export type PrinterTarget = z.infer<typeof PrinterTarget>;

export const describeTarget = (t: PrinterTarget) => `${t.host}:${t.port}`;

/** 4 MB of base64 ≈ 3 MB of job: a 300 dpi 100×180 TSPL bitmap is ~330 kB. */
export const MAX_JOB_BASE64 = 4_000_000;
