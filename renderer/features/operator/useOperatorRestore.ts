// Decides who is at the PC when the app starts and keeps that user's record fresh:
// - the operator last signed in on this device, if still a user;
// - in demo mode, the first ops lead, so a fresh profile lands on the pool with no modal;
// - otherwise the operator switch opens (once).
import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { WharfDB } from '../../store/db';
import { savedOperatorId, useOperatorStore } from './store';
import { recordEvent } from '../../store/mutators';
import { notifyJournal } from './journalNotify';

export function useOperatorRestore(db: WharfDB, demo: boolean | undefined): void {
  // users are mirrored from the host's company snapshot; ordered by id, so "first" is stable
  const users = useLiveQuery(() => db.users.toArray(), [db]);
  const askedOnce = useRef(false);

  useEffect(() => {
    if (!users) return;
    const st = useOperatorStore.getState();
    if (st.user) {
      const fresh = users.find((u) => u.id === st.user!.id);
      // a user removed by a new company setup must not keep acting
      if (!fresh) { if (users.length) { st.setUser(undefined); st.openSwitch(); } return; }
      if (fresh !== st.user && JSON.stringify(fresh) !== JSON.stringify(st.user)) st.setUser(fresh);
      return;
    }
    const saved = savedOperatorId();
    const known = saved ? users.find((u) => u.id === saved) : undefined;
    if (known) { st.setUser(known); return; }
    if (demo === true) {
      const lead = users.find((u) => u.role === 'ops_lead');
      if (lead) {
        st.setUser(lead);
        // the audit trail says who acted from the start, and that demo mode chose them
        void recordEvent(db, { userId: lead.id, device: st.device, now: Date.now }, 'operator.switched', { userId: lead.id, method: 'demo' }).then(notifyJournal);
        return;
      }
    }
    if (demo !== undefined && users.length && !askedOnce.current) {
      askedOnce.current = true;
      st.openSwitch();
    }
  }, [users, demo]);
}
