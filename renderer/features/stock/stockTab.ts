// Which stock tab to show when the stock page opens: a banner or a link elsewhere can ask for
// one (the replenishment alert opens 补货); the page takes the request once and clears it.
import { create } from 'zustand';

export type StockTabKey = 'levels' | 'receive' | 'count' | 'transfer' | 'expiry' | 'replenish' | 'channel' | 'check';

interface StockTabState {
  requested?: StockTabKey;
  open(tab: StockTabKey): void;
  take(): StockTabKey | undefined;
}

export const useStockTab = create<StockTabState>((set, get) => ({
  open: (tab) => set({ requested: tab }),
  take: () => { const r = get().requested; if (r) set({ requested: undefined }); return r; },
}));
