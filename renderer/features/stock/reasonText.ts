// A rule's reasons (codes with values) worded in the operator's language: `prefix.code`.
import type { TFunction } from 'i18next';
import type { StockReason } from '../../../shared/stock';

export const reasonText = (t: TFunction, prefix: string, r: StockReason) => t(`${prefix}.${r.code}`, r.values ?? {});
