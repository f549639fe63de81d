// One print job in this PC's queue: the exact bytes for one printer, kept until the printer
// took them. The queue is local work like the outbox (a job belongs to the station that made
// it); what was printed enters the journal as the parcel's `parcel.labelled` event.
import type { PrinterLanguage, PrinterTarget } from '../../../shared/domain/printing';

export type PrintJobState = 'queued' | 'waiting' | 'done' | 'cancelled';

export interface PrintJobRow {
  /** the host prints a job id once: a retry after a lost answer never prints twice */
  id: string;
  at: number;
  kind: 'label' | 'pickList';
  parcel?: string;
  orderKey?: string;
  /** what the label says, for the parcel's event once it printed */
  waybillNo?: string;
  carrier?: string;
  /** the station's name for the printer, and where it is */
  printer: string;
  target: PrinterTarget;
  language: PrinterLanguage;
  /** base64 of exactly what the printer gets */
  data: string;
  state: PrintJobState;
  attempts: number;
  nextAt: number;
  error?: string;
  reprintOf?: string;
  reason?: string;
  by: string;
  device: string;
  doneAt?: number;
}
