// The figure a channel listing is given, and the reason codes the channel-stock list words.
import { describe, expect, it } from 'vitest';
import { channelQuantity } from '../../../shared/stock';

const inputs = (free: Record<string, number>, kits: Record<string, { code: string; qty: number }[]> = {}) => ({
  sellable: (sku: string) => free[sku] ?? 0, components: (sku: string) => kits[sku] ?? [], warehouses: ['yiwu'],
});

describe('channel quantity', () => {
  it('is the sellable units less the buffer (percent rounded up, then units), in the listing\'s units', () => {
    const r = channelQuantity({ sku: 'A', units: 2 }, { bufferUnits: 1, bufferPercent: 10 }, inputs({ A: 25 }));
    // 25 − ceil(2.5) − 1 = 21, ÷ 2 = 10
    expect(r.quantity).toBe(10);
    expect(r.reasons.map((x) => x.code)).toEqual(['sellable', 'bufferBoth', 'perItem', 'push']);
    expect(r.reasons[1]!.values).toEqual({ held: 4, units: 1, percent: 10 });
  });

  it('gives a kit as many as its scarcest component allows, and never less than zero', () => {
    const r = channelQuantity({ sku: 'K', units: 1 }, { bufferUnits: 0, bufferPercent: 0 }, inputs({ A: 9, B: 7 }, { K: [{ code: 'A', qty: 2 }, { code: 'B', qty: 1 }] }));
    expect(r.quantity).toBe(4);
    expect(r.reasons.find((x) => x.code === 'kitMax')!.values).toEqual({ kit: 'K', n: 4, sku: 'A' });
    expect(channelQuantity({ sku: 'A', units: 1 }, { bufferUnits: 5, bufferPercent: 0 }, inputs({ A: -3 })).quantity).toBe(0);
  });
});
