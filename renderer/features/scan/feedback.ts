// The last scan's answer, shown as large text in an aria-live region (ScanFeedback) and
// played as a tone. Kept in a store so the service (outside React) can announce.
import { create } from 'zustand';
import type { ScanMeta, ScanOutcome } from './service';
import { playSound, toneOf } from './sound';

export interface ScanAnnouncement extends ScanOutcome { code: string; source: ScanMeta['source']; seq: number }

interface FeedbackState { last?: ScanAnnouncement; clear(): void }

export const useScanFeedback = create<FeedbackState>((set) => ({
  last: undefined,
  clear: () => set({ last: undefined }),
}));

let seq = 0;

export function announceScan(outcome: ScanOutcome, code: string, meta: ScanMeta): void {
  if (!outcome.shown) useScanFeedback.setState({ last: { ...outcome, code, source: meta.source, seq: ++seq } });
  if (!outcome.silent) playSound(outcome.tone ?? toneOf(outcome.kind));
}
