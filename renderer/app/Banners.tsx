// Slim banners under the header: connection to the host, storage persistence, demo data,
// the journal replay offer, and on the desktop the secret store and a downloaded update. Each
// says what it means and what to do.
import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useJournalReplay } from '../features/settings';
import { useAppState } from './appState';
import { host, onHostEvent } from '../transport/client';

/** one slim line each: the pool needs the height */
const BANNER_STYLES = { root: { paddingBlock: 2, fontSize: 13 } } as const;

/** A first connect on loopback takes milliseconds: only say "connecting" if it lasts. */
const CONNECTING_GRACE_MS = 800;

export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useAppState((s) => s.connection);
  const everOpen = useAppState((s) => s.everOpen);
  const [graceOver, setGraceOver] = useState(false);
  useEffect(() => {
    const h = setTimeout(() => setGraceOver(true), CONNECTING_GRACE_MS);
    return () => clearTimeout(h);
  }, []);
  if (connection === 'open' || (!everOpen && !graceOver)) return null;
  return (
    <Alert
      banner
      data-testid="connection-banner"
      type={everOpen ? 'error' : 'warning'}
      title={everOpen ? <span><strong>{t('banner.reconnecting')}</strong>　{t('banner.offlineHint')}</span> : t('banner.connecting')}
      styles={BANNER_STYLES}
    />
  );
}

export function StorageBanner() {
  const { t } = useTranslation();
  const storage = useAppState((s) => s.storage);
  const dismissed = useAppState((s) => s.storageDismissed);
  const dismiss = useAppState((s) => s.dismissStorage);
  if (dismissed || (storage !== 'refused' && storage !== 'unavailable')) return null;
  return (
    <Alert
      banner
      data-testid="storage-banner"
      type="warning"
      title={<span><strong>{storage === 'refused' ? t('banner.storageRefused') : t('banner.storageUnavailable')}</strong>　{t('banner.storageHint')}</span>}
      closable={{ onClose: dismiss, 'aria-label': t('common.dismiss') }}
      styles={BANNER_STYLES}
    />
  );
}

export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useAppState((s) => s.info?.demo);
  const go = useAppState((s) => s.go);
  if (!demo?.on) return null;
  return (
    <Alert
      banner
      data-testid="demo-banner"
      type="info"
      title={<span><strong>{t('banner.demoTitle')}</strong>　{t('banner.demoHow')}</span>}
      action={<Button size="small" onClick={() => go('shops')}>{t('banner.demoGoShops')}</Button>}
      styles={BANNER_STYLES}
    />
  );
}

/** Desktop only: the OS secret store was unavailable, so shop secrets rely on the key file. */
export function SecretStoreBanner() {
  const { t } = useTranslation();
  const info = useAppState((s) => s.info);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || info?.shell !== 'desktop' || info.secretStore.kind !== 'keyfile') return null;
  return (
    <Alert
      banner
      data-testid="secret-store-banner"
      type="warning"
      title={<span><strong>{t('banner.secretStoreTitle')}</strong>　{info.secretStore.warning ?? t('banner.secretStoreHint')}</span>}
      closable={{ onClose: () => setDismissed(true), 'aria-label': t('common.dismiss') }}
      styles={BANNER_STYLES}
    />
  );
}

/** An update has downloaded: it installs when Wharf quits (from the tray). */
export function UpdateReadyBanner() {
  const { t } = useTranslation();
  const [version, setVersion] = useState<string>();
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    let live = true;
    const show = (v: { status: { state: string; version?: string } }) => { if (live) setVersion(v.status.state === 'ready' ? v.status.version : undefined); };
    host['updates.get']({}).then(show, () => undefined);
    const off = onHostEvent('updates.changed', show);
    return () => { live = false; off(); };
  }, []);
  if (!version || dismissed) return null;
  return (
    <Alert
      banner
      data-testid="update-ready-banner"
      type="success"
      title={<span><strong>{t('banner.updateReady', { version })}</strong>　{t('banner.updateHow')}</span>}
      closable={{ onClose: () => setDismissed(true), 'aria-label': t('common.dismiss') }}
      styles={BANNER_STYLES}
    />
  );
}

export function JournalOfferBanner() {
  const { t } = useTranslation();
  const state = useJournalReplay((s) => s.state);
  const dismissed = useJournalReplay((s) => s.dismissed);
  const dismiss = useJournalReplay((s) => s.dismiss);
  const route = useAppState((s) => s.route);
  const go = useAppState((s) => s.go);
  if (state.phase !== 'offer' || dismissed || route === 'settings') return null;
  return (
    <Alert
      banner
      data-testid="journal-banner"
      type="warning"
      title={t('settings.journal.offer', { total: state.total })}
      action={<Button size="small" onClick={() => go('settings')}>{t('banner.journalGo')}</Button>}
      closable={{ onClose: dismiss, 'aria-label': t('common.dismiss') }}
      styles={BANNER_STYLES}
    />
  );
}
