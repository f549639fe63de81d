// The replenishment alert from the app shell: a check shortly after start and then every hour
// (on the injectable clock), announced once a day per SKU as a desktop notification; where the
// runtime has no notifications or the user refused them, this slim banner says the same and
// leads to the replenishment list.
import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { systemClock, type Clock } from '../../../shared/clock';
import type { WharfDB } from '../../store/db';
import { runReplenishCheck, type AlertOutcome, type NotifyDeps } from './replenishNotify';
import { useStockTab } from './stockTab';

/** after start-up: the pool and the first pull get the CPU first */
export const REPLENISH_FIRST_CHECK_MS = 30_000;
export const REPLENISH_CHECK_EVERY_MS = 60 * 60_000;

export function useReplenishCheck(db: WharfDB, clock: Clock = systemClock, deps: Omit<NotifyDeps, 'now'> = {}): [AlertOutcome | undefined, () => void] {
  const [outcome, setOutcome] = useState<AlertOutcome>();
  useEffect(() => {
    let live = true;
    let cancel = () => {};
    const run = (wait: number) => {
      cancel = clock.after(wait, () => {
        runReplenishCheck(db, { ...deps, now: clock.now() })
          .then((o) => { if (live && o.kind === 'banner') setOutcome(o); })
          .catch((e: unknown) => console.error('[wharf] replenishment check', e))
          .finally(() => { if (live) run(REPLENISH_CHECK_EVERY_MS); });
      });
    };
    run(REPLENISH_FIRST_CHECK_MS);
    return () => { live = false; cancel(); };
    // deps are fixed for the shell's lifetime
  }, [db, clock]);
  return [outcome, () => setOutcome(undefined)];
}

export function ReplenishBanner({ db, clock, deps, go }: { db: WharfDB; clock?: Clock; deps?: Omit<NotifyDeps, 'now'>; go: () => void }) {
  const { t } = useTranslation();
  const [outcome, dismiss] = useReplenishCheck(db, clock, deps);
  const open = useStockTab((s) => s.open);
  if (!outcome) return null;
  return (
    <Alert
      banner
      data-testid="replenish-banner"
      type="warning"
      title={<span><strong>{outcome.title}</strong>　{outcome.body}</span>}
      action={<Button size="small" data-testid="replenish-banner-go" onClick={() => { open('replenish'); go(); dismiss(); }}>{t('stock.replenish.bannerGo')}</Button>}
      closable={{ onClose: dismiss, 'aria-label': t('common.dismiss') }}
      styles={{ root: { paddingBlock: 2, fontSize: 13 } }}
    />
  );
}
