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

/** A pick list as the receipt printer prints it: the wave's stops in walking order. */
export const PickListDoc = z.strictObject({
  wave: z.string().min(1).max(40).regex(/^[A-Za-z0-9-]+$/, 'the wave number (letters, digits, -): it is printed as a barcode'),
  warehouse: z.string().max(40),
  carrier: z.string().max(20),
  kind: z.enum(['single', 'multi']),
  printedAt: z.number().int(),
  picker: z.string().max(40),
  stops: z.array(z.strictObject({
    location: z.string().max(40),
    sku: z.string().min(1).max(64),
    name: z.string().max(120),
    batch: z.string().max(40),
    expiresAt: z.number().int().optional(),
    qty: z.number().int().positive(),
    /** slot:qty of the orders the units go to, e.g. "1:2 3:1" */
    slots: z.string().max(400),
  })).min(1).max(2000),
});
export type PickListDoc = z.infer<typeof PickListDoc>;
