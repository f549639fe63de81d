// What a channel listing should show as its stock (issue 6, "sellable stock back to the
// channels"): the sellable units of the SKU it sells — a kit as many as its scarcest component
// allows — in the warehouses that ship for the shop, less the shop's buffer, in the listing's own
// units ("2只装" sold as one item takes two). Pure: the store feeds it sellable figures, and the
// reasons say how the number came about, for the channel-stock list.

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

export interface ChannelQuantity { quantity: number; reasons: string[] }

export interface ChannelInputs {
  /** eligible sellable units of one SKU over the shop's warehouses */
  sellable: (sku: string) => number;
  /** a kit's components (empty for a plain SKU) */
  components: (sku: string) => ReadonlyArray<{ code: string; qty: number }>;
  /** the shop's warehouses, for the reasons only */
  warehouses: readonly string[];
}

export function channelQuantity(listing: ChannelListing, buffer: ChannelBuffer, inputs: ChannelInputs): ChannelQuantity {
  const reasons: string[] = [];
  const parts = inputs.components(listing.sku).filter((c) => c.qty > 0);
  let base: number;
  if (parts.length) {
    const each = parts.map((c) => ({ code: c.code, qty: c.qty, free: Math.max(0, inputs.sellable(c.code)) }));
    base = Math.min(...each.map((c) => Math.floor(c.free / c.qty)));
    const scarce = each.find((c) => Math.floor(c.free / c.qty) === base)!;
    reasons.push(`套装 ${listing.sku}：${each.map((c) => `${c.code} 可售 ${c.free}（每套 ${c.qty}）`).join('，')}；最多 ${base} 套，受 ${scarce.code} 限制`);
  } else {
    base = Math.max(0, inputs.sellable(listing.sku));
    reasons.push(`${listing.sku} 在 ${inputs.warehouses.join('、') || '所有仓库'} 可售 ${base}`);
  }
  const byPercent = Math.ceil((base * Math.min(100, Math.max(0, buffer.bufferPercent))) / 100);
  const held = Math.min(base, Math.max(0, buffer.bufferUnits) + byPercent);
  if (held > 0) {
    reasons.push(`预留 ${held}${buffer.bufferUnits ? `（${buffer.bufferUnits} 件` : '（'}${buffer.bufferUnits && buffer.bufferPercent ? ' + ' : ''}${buffer.bufferPercent ? `${buffer.bufferPercent}%` : ''}）不给渠道`);
  }
  const units = Math.max(1, Math.floor(listing.units));
  const quantity = Math.floor((base - held) / units);
  if (units > 1) reasons.push(`每件商品含 ${units} 个 ${listing.sku}：${base - held} ÷ ${units} = ${quantity}`);
  reasons.push(`推送库存 ${quantity}`);
  return { quantity, reasons };
}
