// The SKU master, stock and warehouses as every tab reads them (live: a save here, an import or
// an allocation in the ingest worker shows up on its own). Rows written before a field existed
// get its default, so the screens never test for undefined.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Sku, Warehouse } from '../../../shared/domain/types';
import type { StockRow, WharfDB } from '../../store/db';
import { totalsBySku, type StockFigures } from './stock/stockMath';

export function withSkuDefaults(s: Sku): Sku {
  return {
    ...s,
    spec: s.spec ?? '', category: s.category ?? '', barcodes: s.barcodes ?? [], weightG: s.weightG ?? 0, volumeCm3: s.volumeCm3 ?? 0,
    batchTracked: s.batchTracked ?? false, shelfLifeDays: s.shelfLifeDays ?? 0, costFen: s.costFen ?? 0, minPriceFen: s.minPriceFen ?? 0,
    priceFen: s.priceFen ?? 0, components: s.components ?? [], aliases: s.aliases ?? [],
  };
}

export interface SkuData {
  loaded: boolean;
  skus: Sku[];
  byCode: Map<string, Sku>;
  stock: StockRow[];
  stockByKey: Map<string, StockRow>;
  totals: Map<string, StockFigures>;
  warehouses: Warehouse[];
  categories: string[];
}

export function useSkuData(db: WharfDB): SkuData {
  const skuRows = useLiveQuery(() => db.skus.orderBy('code').toArray(), [db]);
  const stock = useLiveQuery(() => db.stock.toArray(), [db]);
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  return useMemo(() => {
    const skus = (skuRows ?? []).map(withSkuDefaults);
    const rows = stock ?? [];
    return {
      loaded: !!skuRows && !!stock && !!warehouses,
      skus,
      byCode: new Map(skus.map((s) => [s.code, s])),
      stock: rows,
      stockByKey: new Map(rows.map((r) => [r.key, r])),
      totals: totalsBySku(rows),
      warehouses: (warehouses ?? []).map((w) => ({ ...w, carriers: w.carriers ?? [], active: w.active ?? true, district: w.district ?? '', address: w.address ?? '' })),
      categories: [...new Set(skus.map((s) => s.category).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    };
  }, [skuRows, stock, warehouses]);
}
