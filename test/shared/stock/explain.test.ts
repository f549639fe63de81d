// The drill-down ends at the stored figure, movement by movement; the near-expiry list puts the
// soonest batch first and says what to do with each.
import { describe, expect, it } from 'vitest';
import { explainStock, Movement, nearExpiry, rederive, rowKey, sellable } from '../../../shared/stock';

const T0 = Date.UTC(2026, 11, 1, 2);
const DAY = 86_400_000;
let n = 0;
const mv = (m: Partial<Movement> & Pick<Movement, 'kind' | 'qty'>): Movement =>
  Movement.parse({ id: `e${++n}`, sku: 'MILK', warehouse: 'yiwu', at: T0 + n * 60_000, actor: 'u', ...m });

const ledger = [
  mv({ kind: 'receive', batch: 'B1', qty: 20, expiresAt: T0 + 10 * DAY }),
  mv({ kind: 'receive', batch: 'B2', qty: 30, expiresAt: T0 + 60 * DAY }),
  mv({ kind: 'receive', sku: 'TEA', qty: 5 }),
  mv({ kind: 'reserve', batch: 'B1', qty: 4, lock: 'o1' }),
  mv({ kind: 'reserve', sku: 'TEA', qty: 1, lock: 'o1' }),
  mv({ kind: 'freeze', batch: 'B2', qty: 2, reason: '退货待检' }),
  mv({ kind: 'ship', batch: 'B1', qty: 4, lock: 'o1' }),
  mv({ kind: 'count', batch: 'B2', qty: 29, reason: '盘点' }),
];

describe('explain a stock figure', () => {
  it('lists the movements of one SKU × warehouse with the running figures, ending at its sellable', () => {
    const steps = explainStock(ledger, 'MILK', 'yiwu');
    expect(steps.map((s) => [s.movement.kind, s.change, s.sellable])).toEqual([
      ['receive', '在库 +20', 20],
      ['receive', '在库 +30', 50],
      ['reserve', '锁定 +4', 46],
      ['freeze', '冻结 +2', 44],
      ['ship', '在库 -4，锁定 -4', 44],
      ['count', '在库 -1', 43],
    ]);
    expect(steps.at(-1)!.sellable).toBe(sellable(rederive(ledger), 'MILK', 'yiwu'));
  });

  it('narrows to one batch', () => {
    const steps = explainStock(ledger, 'MILK', 'yiwu', 'B2');
    expect(steps.map((s) => s.movement.id)).toEqual([ledger[1]!.id, ledger[5]!.id, ledger[7]!.id]);
    expect(steps.at(-1)).toMatchObject({ onHand: 29, frozen: 2, sellable: 27 });
  });
});

describe('near expiry', () => {
  it('lists batches expiring soon or already, soonest first, with what to do', () => {
    const s = rederive([...ledger, mv({ kind: 'receive', batch: 'OLD', qty: 3, expiresAt: T0 - 2 * DAY })]);
    const list = nearExpiry(s.rows.values(), T0, 30);
    expect(list.map((x) => [x.key, x.daysLeft, x.sellable, x.expired])).toEqual([
      [rowKey('MILK', 'yiwu', 'OLD'), -2, 3, true],
      [rowKey('MILK', 'yiwu', 'B1'), 10, 16, false],
    ]);
    expect(list[0]!.reason).toBe('已过期 2 天：下架处理，不再出库');
    expect(list[1]!.reason).toBe('还剩 10 天到期，可售 16：优先销售（可做促销）');
  });
});
