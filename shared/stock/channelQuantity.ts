// What a channel listing should show as its stock (issue 6, "sellable stock back to the
// channels"): the sellable units of the SKU it sells — a kit as many as its scarcest component
// allows — in the warehouses that ship for the shop, less the shop's buffer, in the listing's own
// units ("2只装" sold as one item takes two). Pure: the store feeds it sellable figures, and the
// reasons say how the number came about, for the channel-stock list (codes with values: the
// screen words them in the operator's language).
import type { StockReason } from './stockReason';

export interface ChannelListing {
  sku: string;
  /** SKU units per platform unit (≥ 1) */
  units: number;
}

export interface ChannelBuffer {
  /** units held back from the channel */
  bufferUnits: number;
  /** percentage of sellable held back (rounded up to whole units) */
  bufferPercent: number;
}

export interface ChannelQuantity { quantity: number; reasons: StockReason[] }

export interface ChannelInputs {
  /** eligible sellable units of one SKU over the shop's warehouses */
  sellable: (sku: string) => number;
  /** a kit's components (empty for a plain SKU) */
  components: (sku: string) => ReadonlyArray<{ code: string; qty: number }>;
  /** the shop's warehouses, for the reasons only */
  warehouses: readonly string[];
}

export function channelQuantity(listing: ChannelListing, buffer: ChannelBuffer, inputs: ChannelInputs): ChannelQuantity {
  const reasons: StockReason[] = [];
  const parts = inputs.components(listing.sku).filter((c) => c.qty > 0);
  let base: number;
  if (parts.length) {
    const each = parts.map((c) => ({ code: c.code, qty: c.qty, free: Math.max(0, inputs.sellable(c.code)) }));
    base = Math.min(...each.map((c) => Math.floor(c.free / c.qty)));
    const scarce = each.find((c) => Math.floor(c.free / c.qty) === base)!;
    for (const c of each) reasons.push({ code: 'kitPart', values: { kit: listing.sku, sku: c.code, free: c.free, qty: c.qty } });
    reasons.push({ code: 'kitMax', values: { kit: listing.sku, n: base, sku: scarce.code } });
  } else {
    base = Math.max(0, inputs.sellable(listing.sku));
    reasons.push(inputs.warehouses.length
      ? { code: 'sellable', values: { sku: listing.sku, n: base, warehouses: inputs.warehouses.join(', ') } }
      : { code: 'sellableAll', values: { sku: listing.sku, n: base } });
  }
  const byPercent = Math.ceil((base * Math.min(100, Math.max(0, buffer.bufferPercent))) / 100);
  const held = Math.min(base, Math.max(0, buffer.bufferUnits) + byPercent);
  if (held > 0) {
    const code = buffer.bufferUnits && buffer.bufferPercent ? 'bufferBoth' : buffer.bufferUnits ? 'bufferUnits' : 'bufferPercent';
    reasons.push({ code, values: { held, units: buffer.bufferUnits, percent: buffer.bufferPercent } });
  }
  const units = Math.max(1, Math.floor(listing.units));
  const quantity = Math.floor((base - held) / units);
  if (units > 1) reasons.push({ code: 'perItem', values: { units, sku: listing.sku, free: base - held, n: quantity } });
  reasons.push({ code: 'push', values: { n: quantity } });
  return { quantity, reasons };
}
