import { describe, expect, it } from 'vitest';
import { statusDrift } from '../../shared/domain/drift';
import { CHANNEL_STATUSES, FULFILMENTS } from '../../shared/domain/types';

describe('status drift', () => {
  it.each([
    ['paid', true, 'picked', 'refund_on_floor', 'intercept'],
    ['closed', false, 'labelled', 'closed_after_floor', 'intercept'],
    ['shipped', false, 'packed', 'shipped_on_platform_while_working', 'intercept'],
    ['paid', false, 'shipped', 'tracking_not_on_platform', 'upload_tracking'],
    ['closed', false, 'handed_over', 'closed_after_floor', 'check'],
    ['awaiting_payment', false, 'reserved', 'unpaid_in_progress', 'check'],
  ] as const)('platform %s (refunding %s) while Wharf is %s → %s', (channelStatus, refunding, fulfilment, code, action) => {
    expect(statusDrift({ channelStatus, refunding, fulfilment })).toMatchObject({ code, action, reasons: [expect.stringContaining(fulfilment), expect.any(String)] });
  });

  it('agreeing states are not drift, and nothing before the floor is', () => {
    expect(statusDrift({ channelStatus: 'shipped', refunding: false, fulfilment: 'shipped' })).toBeUndefined();
    expect(statusDrift({ channelStatus: 'paid', refunding: false, fulfilment: 'picked' })).toBeUndefined();
    for (const c of CHANNEL_STATUSES) for (const f of ['new', 'reviewing', 'ready', 'cancelled', 'intercepted'] as const) {
      expect(statusDrift({ channelStatus: c, refunding: true, fulfilment: f })).toBeUndefined();
    }
    expect(FULFILMENTS.length).toBeGreaterThan(0);
  });
});
