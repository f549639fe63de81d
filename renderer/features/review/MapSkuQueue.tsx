// Tab 2, the map-SKU queue: each platform item waiting for a SKU once, however many orders carry
// it. ↑/↓ between items, 1–5 picks a suggestion, Enter confirms; a scanned product barcode picks
// that SKU. A confirmation is remembered (item key and text) and the store re-decides every
// waiting order, so the item leaves this list by itself.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Empty, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textKeyOf } from '../../../shared/decide';
import type { WharfDB } from '../../store/db';
import { confirmMapping } from '../../store/decisionMutators';
import { useCan } from '../operator';
import { MapItemCard, type ItemPick } from './MapItemCard';
import type { WaitingItem } from './mapItems';
import type { DeskData } from './useDeskData';
import { useDeskAction } from './useDeskAction';
import { useDeskKeys } from './useDeskKeys';

const KEYS = ['arrowdown', 'arrowup', 'j', 'k', '1', '2', '3', '4', '5', 'enter'];

export function MapSkuQueue({ db, data, active: tabActive }: { db: WharfDB; data: DeskData; active: boolean }) {
  const { t } = useTranslation();
  const allowed = useCan('orders.review');
  const { run, busy } = useDeskAction();
  const items = data.waiting;
  const [cursor, setCursor] = useState(0);
  const [picks, setPicks] = useState<ReadonlyMap<string, ItemPick>>(new Map());
  const listRef = useRef<HTMLDivElement>(null);
  const list = items ?? [];
  const current = list[cursor];

  useEffect(() => { setCursor((c) => Math.max(0, Math.min(c, list.length - 1))); }, [list.length]);
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-testid="map-item"][data-index="${cursor}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [cursor]);

  const pickOf = (key: string): ItemPick => picks.get(key) ?? { units: 1 };
  const setPick = useCallback((itemKey: string, pick: ItemPick) => setPicks((m) => new Map(m).set(itemKey, pick)), []);

  const confirm = async (item: WaitingItem) => {
    const pick = picks.get(item.itemKey);
    if (!allowed || !pick?.sku || busy) return;
    const sku = pick.sku;
    const err = await run(
      (ctx) => confirmMapping(db, ctx, { itemKey: item.itemKey, sku, units: pick.units, textKey: textKeyOf({ title: item.title, skuText: item.skuText }) }),
      { done: t('review.map.confirmed', { title: item.title, code: sku, n: item.orderKeys.length }) },
    );
    if (!err) setPicks((m) => { const next = new Map(m); next.delete(item.itemKey); return next; });
  };

  useDeskKeys(tabActive, KEYS, (k) => {
    if (k === 'arrowdown' || k === 'j') { setCursor((c) => Math.min(list.length - 1, c + 1)); return; }
    if (k === 'arrowup' || k === 'k') { setCursor((c) => Math.max(0, c - 1)); return; }
    if (!current) return;
    if (k === 'enter') { void confirm(current); return; }
    const s = current.suggestions[Number(k) - 1];
    if (s) setPick(current.itemKey, { ...pickOf(current.itemKey), sku: s.sku });
  }, (code) => {
    if (!current) return { kind: 'wrong', message: t('review.map.none') };
    const c = code.trim();
    const sku = [...data.skus.values()].find((s) => s.code.toLowerCase() === c.toLowerCase() || s.barcodes.includes(c));
    if (!sku) return { kind: 'wrong', message: t('review.map.scanUnknown', { code: c }) };
    setPick(current.itemKey, { ...pickOf(current.itemKey), sku: sku.code });
    return { kind: 'ok', message: t('review.map.scanned', { code: sku.code }) };
  });

  return (
    <div style={{ height: '100%', display: 'flex', flexDirection: 'column', minHeight: 0 }} data-testid="map-queue">
      {!allowed && <Alert type="info" showIcon title={t('review.noPermission')} style={{ marginBottom: 8 }} />}
      <Typography.Text type="secondary" style={{ marginBottom: 6 }}>{t('review.map.keys')}</Typography.Text>
      <div ref={listRef} style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        {!items ? <Spin /> : !list.length ? <Empty description={t('review.map.none')} style={{ padding: 48 }} /> : list.map((item, i) => (
          <MapItemCard key={item.itemKey} item={item} index={i} active={i === cursor} pick={pickOf(item.itemKey)} skus={data.skus} shops={data.shops}
            allowed={allowed} busy={busy} onActivate={setCursor} onPick={setPick} onConfirm={(it) => void confirm(it)} t={t} />
        ))}
      </div>
    </div>
  );
}
