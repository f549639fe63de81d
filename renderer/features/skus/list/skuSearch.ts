// One search box over the SKU master: code, name, spec or barcode, in any case and width
// (a scanner or a Chinese IME may type full-width letters).
import type { Sku } from '../../../../shared/domain/types';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

export function skuMatches(s: Sku, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  return fold(s.code).includes(q) || fold(s.name).includes(q) || fold(s.spec ?? '').includes(q) || (s.barcodes ?? []).some((b) => fold(b).includes(q));
}

export function filterSkus(skus: readonly Sku[], query: string, category?: string): Sku[] {
  return skus.filter((s) => (!category || s.category === category) && skuMatches(s, query));
}

/** The one SKU a scanned code names exactly (its code or a barcode), if there is exactly one. */
export function exactSku(skus: readonly Sku[], code: string): Sku | undefined {
  const q = fold(code);
  const hits = skus.filter((s) => fold(s.code) === q || (s.barcodes ?? []).some((b) => fold(b) === q));
  return hits.length === 1 ? hits[0] : undefined;
}
