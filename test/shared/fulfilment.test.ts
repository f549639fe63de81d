import { describe, expect, it } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { canMove, fulfilmentAfterChannel, FULFILMENT_NEXT } from '../../shared/domain/fulfilment';
import { CHANNEL_STATUSES, FULFILMENTS } from '../../shared/domain/types';
import { can } from '../../shared/domain/permissions';

describe('fulfilment lifecycle', () => {
  it('terminal states have no way out and every target is a known state', () => {
    expect(FULFILMENT_NEXT.handed_over).toEqual([]);
    expect(FULFILMENT_NEXT.cancelled).toEqual([]);
    for (const f of FULFILMENTS) for (const t of FULFILMENT_NEXT[f]) expect(FULFILMENTS).toContain(t);
    expect(canMove('new', 'shipped')).toBe(false);
    expect(canMove('labelled', 'picked')).toBe(true); // print-then-pick
  });
  it('a platform close cancels before the floor and intercepts on it', () => {
    expect(fulfilmentAfterChannel('new', 'closed', false)).toEqual({ fulfilment: 'cancelled', reasons: ['channel.closed'] });
    expect(fulfilmentAfterChannel('labelled', 'closed', false).fulfilment).toBe('intercepted');
    expect(fulfilmentAfterChannel('picked', 'paid', true).fulfilment).toBe('intercepted');
    expect(fulfilmentAfterChannel('new', 'paid', true).fulfilment).toBe('new');
  });
  ftest.prop([fc.constantFrom(...FULFILMENTS), fc.constantFrom(...CHANNEL_STATUSES), fc.boolean()], { numRuns: 500, seed: 5 })(
    'every channel-driven change is an allowed move (or none), with a reason',
    (prev, channel, refunding) => {
      const d = fulfilmentAfterChannel(prev, channel, refunding);
      if (d.fulfilment !== prev) {
        expect(d.reasons.length).toBeGreaterThan(0);
        // a re-opened cancelled order starts over; everything else follows the lifecycle
        if (!(prev === 'cancelled' && d.fulfilment === 'new')) expect(canMove(prev, d.fulfilment)).toBe(true);
      }
    },
  );
  it('roles carry the permissions their desks need', () => {
    expect(can('packer', 'shops.manage')).toBe(false);
    expect(can('ops_lead', 'shops.manage')).toBe(true);
    expect(can('cs', 'receiver.reveal')).toBe(true);
    expect(can('reviewer', 'receiver.reveal')).toBe(false);
  });
});
