import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock';
import { BudgetBook, budgetOverrides, DEFAULT_BUDGETS, RequestBudget } from '../../../main/services/platforms/budget';

/** A sleep that moves the manual clock: what a real sleep does to the real clock. */
function clocked(start = 0) {
  const clock = new ManualClock(start);
  const slept: number[] = [];
  const sleep = async (ms: number) => { slept.push(ms); clock.advance(ms); };
  return { clock, sleep, slept };
}

describe('request budgets', () => {
  it('lets a burst through, then paces requests at the sustained rate', async () => {
    const { clock, sleep } = clocked();
    const b = new RequestBudget({ perSecond: 10, burst: 5 }, clock, sleep);
    const times: number[] = [];
    for (let i = 0; i < 25; i++) { await b.take(); times.push(clock.now()); }
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // then one every 100 ms: 20 more in 2 s
    expect(times.at(-1)).toBe(2000);
    // never more than burst + rate × t in any window
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(5 + 10);
    }
  });

  it('refills while idle, up to the burst', async () => {
    const { clock, sleep, slept } = clocked();
    const b = new RequestBudget({ perSecond: 2, burst: 3 }, clock, sleep);
    for (let i = 0; i < 3; i++) await b.take();
    clock.advance(60_000);
    for (let i = 0; i < 3; i++) await b.take();
    expect(slept).toEqual([]);
    await b.take();
    expect(slept).toEqual([500]);
  });

  it('queues concurrent callers in order, and a cancelled one does not block the rest', async () => {
    const { clock, sleep } = clocked();
    const b = new RequestBudget({ perSecond: 1, burst: 1 }, clock, sleep);
    const order: string[] = [];
    const ac = new AbortController();
    ac.abort(new Error('stopped'));
    const ps = [b.take().then(() => order.push('a')), b.take(ac.signal).then(() => order.push('x'), () => order.push('cancelled')), b.take().then(() => order.push('c'))];
    await Promise.all(ps);
    expect(order).toEqual(['a', 'cancelled', 'c']);
    expect(clock.now()).toBe(1000);
  });

  it('never spins when the clock does not move (tests with a no-op sleep)', async () => {
    const clock = new ManualClock(0);
    const b = new RequestBudget({ perSecond: 5, burst: 1 }, clock, async () => undefined);
    for (let i = 0; i < 50; i++) await b.take();
    expect(clock.now()).toBe(0);
  });

  it('shares one budget per platform app, with overrides from WHARF_RATE_<PLATFORM>', () => {
    const { clock, sleep } = clocked();
    const book = new BudgetBook(clock, sleep, budgetOverrides({ WHARF_RATE_JD: '2.5' }));
    expect(book.for('taobao', 'app1')).toBe(book.for('taobao', 'app1'));
    expect(book.for('taobao', 'app1')).not.toBe(book.for('taobao', 'app2'));
    expect(book.for('taobao', 'app1').spec).toEqual(DEFAULT_BUDGETS.taobao);
    expect(book.for('jd', 'k').spec).toEqual({ perSecond: 2.5, burst: 3 });
    expect(() => budgetOverrides({ WHARF_RATE_PDD: 'fast' })).toThrow(/WHARF_RATE_PDD=fast is not valid/);
    expect(() => budgetOverrides({ WHARF_RATE_PDD: '0' })).toThrow(/more than 0/);
  });
});
