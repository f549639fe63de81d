// Every code the stock rules can give — reasons, decisions, count reasons, settings errors — has
// words in both languages with the same placeholders (the screens build these keys at run time,
// so the literal-key check in i18n.test.tsx cannot see them).
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-CN';
import { en } from '../../renderer/i18n/en';
import { COUNT_REASONS } from '../../shared/stock';

const KEYS = [
  ...COUNT_REASONS.map((c) => `count.reasons.${c}`),
  ...['empty', 'confirmUncounted', 'reasonMissing', 'otherNeedsText'].map((c) => `count.problem.${c}`),
  ...['expired', 'sell_first', 'no_shop', 'nothing_free'].map((c) => `expiry.decision.${c}`),
  ...['expired', 'expiredReserved', 'daysLeft', 'nothingFree', 'noShop', 'fefoFirst', 'fefoAfter', 'shopTooShort'].map((c) => `expiry.reason.${c}`),
  ...['rate', 'outDays', 'cover', 'belowAlert', 'belowOwnAlert', 'suggest', 'enough', 'noSales'].map((c) => `replenish.reason.${c}`),
  ...['sheet', 'sku', 'name', 'warehouseCode', 'warehouse', 'rate', 'sellable', 'inTransit', 'cover', 'alertDays', 'alert', 'suggest', 'reasons', 'yes'].map((c) => `replenish.xlsx.${c}`),
  ...['kitPart', 'kitMax', 'sellable', 'sellableAll', 'bufferUnits', 'bufferPercent', 'bufferBoth', 'perItem', 'push'].map((c) => `channel.reason.${c}`),
  ...['min', 'max', 'whole', 'number', 'other'].map((c) => `settings.error.${c}`),
  ...['nearExpiryDays', 'alertDays', 'targetDays'].flatMap((k) => [`settings.${k}`, `settings.${k}Hint`]),
];

const at = (tree: unknown, key: string) => key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], tree);
const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');

describe('stock texts built from codes', () => {
  it.each(KEYS)('stock.%s exists in zh-CN and English with the same placeholders', (key) => {
    const zh = at(zhCN.stock, key);
    const e = at(en.stock, key);
    expect(typeof zh).toBe('string');
    expect(typeof e).toBe('string');
    expect(holes(e as string)).toBe(holes(zh as string));
  });
});
