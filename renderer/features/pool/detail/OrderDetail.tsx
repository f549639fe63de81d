// Order detail drawer: opened by a click or Enter on a pool row, or a scan matching one order.
// Everything is read live, so a pull that changes the order updates the open drawer.
import { memo, useEffect, useMemo, useRef } from 'react';
import { Drawer, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { WharfDB } from '../../../store/db';
import { listShopNames } from '../../../store/shopNames';
import { orderTimeline } from '../../../store/pool';
import { RevealReceiver } from './RevealReceiver';
import { DetailHeader, HoldsSection, LinesTable, NotesSection, ParcelsSection, ReceiverSection } from './sections';
import { OrderTimeline } from './OrderTimeline';
import { WriteBacks } from './WriteBacks';
import { DecisionSection } from './DecisionSection';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section style={{ marginBottom: 20 }}>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 8 }}>{title}</Typography.Title>
      {children}
    </section>
  );
}

// memo: the pool page re-renders on every refresh; a closed drawer has nothing to redo
export const OrderDetail = memo(function OrderDetail({ db, orderKey, onClose }: { db: WharfDB; orderKey?: string; onClose(): void }) {
  const { t } = useTranslation();
  const order = useLiveQuery(() => (orderKey ? db.orders.get(orderKey) : undefined), [db, orderKey]);
  const parcels = useLiveQuery(() => (orderKey ? db.parcels.where('orderKeys').equals(orderKey).toArray() : []), [db, orderKey]) ?? [];
  const events = useLiveQuery(() => (orderKey ? orderTimeline(db, orderKey) : []), [db, orderKey]) ?? [];
  const usersList = useLiveQuery(() => db.users.toArray(), [db]);
  const shopsList = useLiveQuery(() => listShopNames(db), [db]);
  const users = useMemo(() => new Map((usersList ?? []).map((u) => [u.id, u])), [usersList]);
  const shops = useMemo(() => new Map((shopsList ?? []).map((s) => [s.id, s.name])), [shopsList]);
  const skuList = useLiveQuery(() => (orderKey ? db.skus.toArray() : []), [db, orderKey]);
  const warehouseList = useLiveQuery(() => db.warehouses.toArray(), [db]);
  const skuNames = useMemo(() => new Map((skuList ?? []).map((s) => [s.code, `${s.name} ${s.spec}`.trim()])), [skuList]);
  const warehouseNames = useMemo(() => new Map((warehouseList ?? []).map((w) => [w.code, w.name])), [warehouseList]);
  // Escape closes the detail wherever the focus is (the drawer's own handler needs focus inside
  // it); a dialog opened from the detail (mark shipped, memo) takes Escape for itself first
  const dialogOpen = useRef(false);
  useEffect(() => {
    if (!orderKey) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // an open dialog (mark shipped, memo) or dropdown closes first, not the detail behind it
      if (dialogOpen.current || (e.target as HTMLElement | null)?.closest?.('.ant-select-dropdown')) return;
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [orderKey, onClose]);

  return (
    <Drawer
      open={!!orderKey}
      onClose={onClose}
      size={960}
      title={order ? t('detail.title', { id: order.orderId }) : t('detail.titleLoading')}
      destroyOnHidden
    >
      <div data-testid="order-detail">
        {!order ? (
          <Empty description={orderKey ? t('detail.loading') : ''} />
        ) : (
          <>
            <Section title={t('detail.overview')}><DetailHeader order={order} shopName={shops.get(order.shopId) ?? order.shopId} /></Section>
            <Section title={t('decisions.title')}><DecisionSection order={order} users={users} skuNames={skuNames} warehouseNames={warehouseNames} /></Section>
            <Section title={t('detail.notes')}><NotesSection order={order} /></Section>
            <Section title={t('detail.writeBacks')}><WriteBacks order={order} dialogOpen={dialogOpen} /></Section>
            <Section title={t('detail.receiver')}><ReceiverSection order={order} /><div style={{ marginTop: 8 }}><RevealReceiver order={order} /></div></Section>
            <Section title={t('detail.lines')}><LinesTable lines={order.lines} /></Section>
            <Section title={t('detail.parcels')}><ParcelsSection parcels={parcels} orderKey={order.key} /></Section>
            <Section title={t('detail.holds')}><HoldsSection holds={order.holds} users={users} /></Section>
            <Section title={t('detail.timeline')}><OrderTimeline events={events} users={users} shops={shops} /></Section>
          </>
        )}
      </div>
    </Drawer>
  );
});
