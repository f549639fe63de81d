import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clearBlock, packComplete, readGs1, startPack, verifyScan, type PackSession } from '../../../shared/floor';

const barcodes: Record<string, string> = { '6901234567892': 'MILK', '6901234567809': 'TEA', '06901234567892': 'MILK', MILK: 'MILK', TEA: 'TEA', GUM: 'GUM', '6900000000001': 'GUM' };
const lookup = (code: string) => barcodes[code];
const order = () => startPack('taobao:s1:1', [
  { sku: 'MILK', name: '牛奶', need: 2, batches: [], requireBatch: false },
  { sku: 'TEA', name: '茶', need: 1, batches: [], requireBatch: false },
]);

function run(s: PackSession, codes: string[]) {
  const out: string[] = [];
  for (const c of codes) { const v = verifyScan(s, c, lookup); s = v.session; out.push(`${v.verdict}/${v.sound}`); }
  return { s, out };
}

describe('verifyScan', () => {
  it('counts right items, ends with the done sound', () => {
    const { s, out } = run(order(), ['6901234567892', '6901234567809', '6901234567892']);
    expect(out).toEqual(['ok/ok', 'ok/ok', 'complete/done']);
    expect(packComplete(s)).toBe(true);
  });

  it('a wrong item blocks completion until the packer confirms it is out', () => {
    let { s, out } = run(order(), ['6901234567892', '6900000000001', '6901234567809']);
    expect(out).toEqual(['ok/ok', 'wrong_item/error', 'blocked/error']);
    expect(packComplete(s)).toBe(false);
    s = clearBlock(s);
    ({ s, out } = run(s, ['6901234567809', '6901234567892']));
    expect(out).toEqual(['ok/ok', 'complete/done']);
  });

  it('one too many is an error, the count stays', () => {
    const { s, out } = run(order(), ['TEA', 'TEA']);
    expect(out).toEqual(['ok/ok', 'too_many/error']);
    expect(s.lines.find((l) => l.sku === 'TEA')!.scanned).toBe(1);
  });

  it('unknown codes are refused without counting or blocking', () => {
    const { s, out } = run(order(), ['NOPE123']);
    expect(out).toEqual(['unknown_code/error']);
    expect(s.blocked).toBeUndefined();
  });

  it('a refunded order sounds the alarm on every scan', () => {
    const s = startPack('k', [{ sku: 'MILK', name: '牛奶', need: 1, batches: [], requireBatch: false }], 'refunding');
    const v = verifyScan(s, 'MILK', lookup);
    expect([v.verdict, v.sound]).toEqual(['intercepted', 'alarm']);
  });

  it('batches: GS1 with the lock batch passes, another batch is refused, a required batch label is asked for', () => {
    const s = startPack('k', [{ sku: 'MILK', name: '牛奶', need: 2, batches: ['B2407'], requireBatch: true }]);
    expect(readGs1('(01)06901234567892(10)B2407', (g) => !!lookup(g))).toEqual({ gtin: '06901234567892', batch: 'B2407' });
    const ok = verifyScan(s, '(01)06901234567892(10)B2407', lookup);
    expect(ok.verdict).toBe('ok');
    const bad = verifyScan(ok.session, '0106901234567892' + '10B2312', lookup);
    expect([bad.verdict, bad.values.want]).toEqual(['wrong_batch', 'B2407']);
    const ask = verifyScan(ok.session, 'MILK', lookup);
    expect([ask.verdict, ask.sound]).toEqual(['batch_needed', 'prompt']);
    const done = verifyScan(ask.session, 'B2407', lookup);
    expect(done.verdict).toBe('complete');
  });

  it('never counts past the order, and completes only when every line is exact', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('MILK', 'TEA', 'GUM', 'X1'), { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (codes, clears) => {
      let s = order();
      codes.forEach((c, i) => {
        const v = verifyScan(s, c, lookup);
        s = clears[i] ? clearBlock(v.session) : v.session;
        for (const l of s.lines) expect(l.scanned).toBeLessThanOrEqual(l.need);
        if (v.verdict === 'complete') expect(s.lines.every((l) => l.scanned === l.need)).toBe(true);
      });
      expect(packComplete(s)).toBe(!s.blocked && s.lines.every((l) => l.scanned === l.need));
    }), { seed: 709, numRuns: 500 });
  });
});
