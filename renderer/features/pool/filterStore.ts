// The pool's filter (UI state): kept while the user visits other screens and comes back.
import { create } from 'zustand';
import type { PoolFilter } from '../../store/pool';

interface PoolFilterState {
  filter: PoolFilter;
  /** what is typed in the search box; becomes filter.search after a short pause or Enter */
  searchText: string;
  /** order shown in the detail drawer */
  openKey?: string;
  setFilter(patch: Partial<PoolFilter>): void;
  setSearchText(text: string): void;
  applySearch(text?: string): void;
  reset(): void;
  open(key: string | undefined): void;
}

export const usePoolFilter = create<PoolFilterState>((set, get) => ({
  filter: {},
  searchText: '',
  openKey: undefined,
  setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
  setSearchText: (searchText) => set({ searchText }),
  applySearch(text) {
    const search = (text ?? get().searchText).trim();
    set({ searchText: text ?? get().searchText, filter: { ...get().filter, search: search || undefined } });
  },
  reset: () => set({ filter: {}, searchText: '' }),
  open: (openKey) => set({ openKey }),
}));
