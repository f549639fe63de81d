// The committed scenario set (test/fixtures/decide/scenarios.json): tricky orders decided in
// order against one company's master data, each with the decision it must get — the holds, the
// duplicate pair, the merge, the warehouse(s) and the SKU of every line.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemoryContext, defaultDecisionSettings, type DecideOutput } from '../../../shared/decide';
import { BlacklistEntry, Sku, Warehouse, orderKey } from '../../../shared/domain/types';
import { SkuMapping } from '../../../shared/decide/types';
import { makeOrder } from '../../support/orders';

interface Case {
  id: string;
  why: string;
  order: Record<string, unknown>;
  expect: { outcome: string; holds: string[]; warehouses?: string[]; skus?: (string | null)[]; duplicateOf?: string; mergeWith?: string[]; components?: Record<string, number> };
}
const doc = JSON.parse(fs.readFileSync('test/fixtures/decide/scenarios.json', 'utf8')) as { company: { skus: unknown[]; warehouses: unknown[]; stock: { sku: string; warehouse: string; qty: number }[]; blacklist: unknown[]; mappings: unknown[] }; cases: Case[] };

function run() {
  const ctx = createMemoryContext({
    settings: defaultDecisionSettings(),
    skus: doc.company.skus.map((s) => Sku.parse(s)),
    warehouses: doc.company.warehouses.map((w) => Warehouse.parse(w)),
    stock: doc.company.stock,
    blacklist: doc.company.blacklist.map((b) => BlacklistEntry.parse(b)),
    mappings: doc.company.mappings.map((m) => SkuMapping.parse(m)),
    now: Date.UTC(2026, 10, 20),
  });
  const out = new Map<string, DecideOutput>();
  for (const c of doc.cases) {
    const o = { ...c.order } as Record<string, unknown>;
    if (o.paidAt === null) delete o.paidAt;
    const order = makeOrder(o as Parameters<typeof makeOrder>[0]);
    const key = orderKey(order.platform, order.shopId, order.orderId);
    out.set(c.id, ctx.decide({ order: { ...order, key }, fulfilment: 'new', holds: [], trigger: 'arrival' }));
  }
  return out;
}

describe('decision scenarios', () => {
  const decided = run();
  for (const c of doc.cases) {
    it(`${c.id}: ${c.why}`, () => {
      const d = decided.get(c.id)!;
      const open = d.holds.filter((h) => h.source === 'rule' && !h.clearedBy).map((h) => h.code).sort();
      const why = JSON.stringify({ hits: d.decision.hits.map((h) => `${h.rule}: ${h.message}`), lines: d.decision.lines.map((l) => `${l.sku ?? '-'} ${l.method} ${l.reason}`), allocation: d.decision.allocation?.parts.map((p) => `${p.warehouse} ${p.reasons.join(', ')}`) }, null, 1);
      expect({ outcome: d.decision.outcome, holds: open }, why).toEqual({ outcome: c.expect.outcome, holds: [...c.expect.holds].sort() });
      if (c.expect.warehouses) expect(d.decision.allocation?.parts.map((p) => p.warehouse).sort(), why).toEqual([...c.expect.warehouses].sort());
      if (c.expect.skus) expect(d.decision.lines.map((l) => l.sku ?? null), why).toEqual(c.expect.skus);
      if (c.expect.duplicateOf !== undefined) expect(d.decision.duplicate?.of).toBe(c.expect.duplicateOf);
      else expect(d.decision.duplicate, why).toBeUndefined();
      if (c.expect.mergeWith) expect(d.decision.mergeWith).toEqual(c.expect.mergeWith);
      if (c.expect.components) expect(Object.fromEntries(d.decision.lines.flatMap((l) => l.components.map((x) => [x.sku, x.qty])))).toEqual(c.expect.components);
      // every decision answers "why": each hit, line and allocation part carries its reason
      for (const h of d.decision.hits) expect(h.message.length).toBeGreaterThan(4);
      for (const l of d.decision.lines) expect(l.reason.length).toBeGreaterThan(2);
      expect(d.decision.reasons.length).toBeGreaterThan(0);
    });
  }
});
