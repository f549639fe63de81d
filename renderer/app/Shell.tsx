// The app frame on every screen: header (brand, navigation, sound state, operator), banners,
// the current screen, the operator switch and the scan feedback region.
import { lazy, Suspense } from 'react';
import { Layout, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../store/db';
import { PoolPage } from '../features/pool';
import { SyncPanel } from '../features/sync';
import { ShopsPage } from '../features/shops';
import { SettingsPage } from '../features/settings';
import { ImportPage } from '../features/import';
import { ReviewPage } from '../features/review';
import { SkusPage } from '../features/skus';
import { RulesPage } from '../features/rules';
import { WarehousesPage } from '../features/warehouses';
import { ReplenishBanner, StockPage } from '../features/stock';
import { useExportRoute } from '../features/export';
import { OperatorButton, OperatorModal, useOperatorRestore } from '../features/operator';
import { ScanFeedback, useSound } from '../features/scan';
import { useAppState } from './appState';
import { ConnectionBanner, DemoBanner, JournalOfferBanner, SecretStoreBanner, StorageBanner, UpdateReadyBanner } from './Banners';
import { Nav } from './Nav';
import { useGlobalHotkeys } from './hotkeys';

// the floor (barcode and label code, the CJK label font) loads when a station first opens it
const FloorPage = lazy(() => import('../features/floor').then((m) => ({ default: m.FloorPage })));

function Screen({ db }: { db: WharfDB }) {
  const route = useAppState((s) => s.route);
  const info = useAppState((s) => s.info);
  switch (route) {
    case 'pool': return <PoolPage db={db} />;
    case 'sync': return <SyncPanel db={db} />;
    case 'shops': return <ShopsPage db={db} />;
    case 'settings': return <SettingsPage db={db} info={info} />;
    case 'import': return <ImportPage db={db} />;
    case 'review': return <ReviewPage db={db} />;
    case 'skus': return <SkusPage db={db} />;
    case 'rules': return <RulesPage db={db} />;
    case 'warehouses': return <WarehousesPage db={db} />;
    case 'stock': return <StockPage db={db} />;
    case 'floor': return <Suspense fallback={null}><FloorPage db={db} /></Suspense>;
  }
}

export function Shell({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const demo = useAppState((s) => s.info?.demo.on);
  const route = useAppState((s) => s.route);
  const soundOn = useSound((s) => s.on && s.playable);
  const go = useAppState((s) => s.go);
  useOperatorRestore(db, demo);
  useGlobalHotkeys();
  // /#/export?preset=standard&format=csv downloads the pool (bookmarks, scripts)
  useExportRoute(db);

  return (
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, height: 56, lineHeight: '56px' }}>
        <div style={{ color: '#fff', fontSize: 20, fontWeight: 700, letterSpacing: 1, whiteSpace: 'nowrap' }}>Wharf</div>
        <Nav />
        {!soundOn && <Tag color="orange" data-testid="sound-off">{t('scan.soundOff')}</Tag>}
        <OperatorButton />
      </Layout.Header>
      <ConnectionBanner />
      <StorageBanner />
      <DemoBanner />
      <JournalOfferBanner />
      <SecretStoreBanner />
      <UpdateReadyBanner />
      <ReplenishBanner db={db} go={() => go('stock')} />
      <Layout.Content style={{ padding: 12, flex: 1, minHeight: 0, overflow: route === 'pool' || route === 'review' ? 'hidden' : 'auto', background: '#f5f5f5' }}>
        <Screen db={db} />
      </Layout.Content>
      <OperatorModal db={db} />
      <ScanFeedback />
    </Layout>
  );
}
