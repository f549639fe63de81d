// The review desk's UI state, kept while the user visits the pool and comes back: which tab is
// open and how the queue is filtered. (Selections live with the list: they follow the data.)
import { create } from 'zustand';
import type { QueueFilter } from './queueFilter';

export const REVIEW_TABS = ['queue', 'map', 'dups', 'merge'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

interface ReviewState {
  tab: ReviewTab;
  filter: QueueFilter;
  setTab(tab: ReviewTab): void;
  setFilter(patch: Partial<QueueFilter>): void;
  toggleReason(reason: string): void;
  resetFilter(): void;
}

const EMPTY: QueueFilter = { reasons: [], search: '' };

export const useReviewStore = create<ReviewState>((set, get) => ({
  tab: 'queue',
  filter: EMPTY,
  setTab: (tab) => set({ tab }),
  setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
  toggleReason(reason) {
    const have = get().filter.reasons;
    set({ filter: { ...get().filter, reasons: have.includes(reason) ? have.filter((r) => r !== reason) : [...have, reason] } });
  },
  resetFilter: () => set({ filter: EMPTY }),
}));
