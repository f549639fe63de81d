// A scan or a typed code → the SKU: a barcode first (what a carton carries), then the code as
// typed, then upper-cased (codes are upper case; a person types them in lower case).
import type { Sku } from '../../../shared/domain/types';

export function findSku(skus: readonly Sku[], byCode: ReadonlyMap<string, Sku>, text: string): Sku | undefined {
  const c = text.trim();
  if (!c) return undefined;
  return skus.find((s) => s.barcodes.includes(c)) ?? byCode.get(c) ?? byCode.get(c.toUpperCase());
}
