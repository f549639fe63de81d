// 渠道库存: every platform listing Wharf has learnt from orders, the figure the next push gives it
// and how that figure came about, what the platform last confirmed, what is on its way, and the
// platform's words where it refused one. "Push all now" re-sends every figure (after someone
// changed stock in a platform's back-end); otherwise pushes follow the ledger by themselves.
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { CONFIG_VERSION_KEY, readSettings } from '../../store/decide/config';
import { channelRows, type ChannelRow } from '../../store/stock/channelRows';
import { schedulePush } from '../../store/stock/pushSchedule';
import { outboxNotifier } from '../../store/hostSync';
import { host } from '../../transport/client';
import { formatShanghai } from '../../../shared/time';
import { getActor, useCan } from '../operator';
import { describeError } from '../../i18n';
import { reasonText } from './reasonText';

export function ChannelTab({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const canPush = useCan('stock.move');
  const [shopId, setShopId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  const shops = useLiveQuery(() => db.shops.toArray(), [db]);
  const settings = useLiveQuery(() => readSettings(db), [db]);
  // what the figures depend on, watched live; the figures themselves are computed in their own
  // read transaction (a ledger view inside a live query commits early)
  const stamp = useLiveQuery(async () => JSON.stringify([
    await db.listings.toArray(), await db.movements.orderBy(':id').lastKey(), (await db.cursors.get(CONFIG_VERSION_KEY))?.value, await db.settings.toArray(),
  ]), [db]);
  const [rows, setRows] = useState<ChannelRow[]>();
  useEffect(() => {
    if (stamp === undefined) return;
    let live = true;
    channelRows(db, Date.now(), shopId || undefined).then((r) => { if (live) setRows(r); }, (e: unknown) => console.error('[wharf] channel stock', e));
    return () => { live = false; };
  }, [db, shopId, stamp]);
  const shopName = useMemo(() => new Map((shops ?? []).map((s) => [s.id, s.name])), [shops]);
  const pushing = settings?.stock.push;
  const offShops = (shops ?? []).filter((s) => pushing?.shops[s.id]?.off).map((s) => s.name);
  // a shop switched off takes no push, not even "push all": the button says so by being off
  const chosenOff = !!shopId && !!pushing?.shops[shopId]?.off;

  const pushAll = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      const actor = getActor();
      const r = await schedulePush(db, { userId: actor.userId, device: actor.device }, Date.now(), { all: true, ...(shopId ? { shopId } : {}) });
      outboxNotifier(db, host)();
      setResult({ type: 'success', text: t('stock.channel.queued', { n: r.listings }) });
    } catch (e) {
      const d = describeError(e, t);
      setResult({ type: 'error', text: [d.title, d.message].filter(Boolean).join(': ') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="stock-channel">
      <Typography.Paragraph type="secondary">{t('stock.channel.intro', { seconds: pushing?.batchSeconds ?? 60 })}</Typography.Paragraph>
      {pushing && !pushing.enabled && <Alert type="warning" showIcon title={t('stock.channel.allOff')} style={{ marginBottom: 8 }} data-testid="stock-channel-off" />}
      {pushing?.enabled && offShops.length > 0 && <Alert type="info" showIcon title={t('stock.channel.shopsOff', { shops: offShops.join('、') })} style={{ marginBottom: 8 }} data-testid="stock-channel-shops-off" />}
      <Space wrap style={{ marginBottom: 8 }}>
        <Select size="large" value={shopId} onChange={setShopId} style={{ width: 220 }} aria-label={t('stock.channel.shop')} data-testid="stock-channel-shop"
          options={[{ value: '', label: t('stock.channel.allShops') }, ...(shops ?? []).map((s) => ({ value: s.id, label: s.name }))]} />
        {canPush && (
          <Button size="large" type="primary" loading={busy} disabled={!pushing?.enabled || chosenOff || !rows?.length} onClick={() => void pushAll()} data-testid="stock-channel-push-all">
            {t('stock.channel.pushAll')}
          </Button>
        )}
      </Space>
      {result && <Alert type={result.type} showIcon title={result.text} closable={{ onClose: () => setResult(undefined) }} style={{ marginBottom: 8 }} data-testid="stock-channel-result" />}
      <Table<ChannelRow>
        rowKey={(r) => r.listing.key} size="small" loading={!rows} dataSource={rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('stock.channel.none') }}
        onRow={(r) => ({ 'data-testid': 'stock-channel-row', 'data-key': r.listing.key } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'shop', title: t('stock.channel.shop'), render: (_, r) => shopName.get(r.listing.shopId) ?? r.listing.shopId },
          {
            key: 'item', title: t('stock.channel.listing'), render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{r.listing.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.listing.skuText}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="stock-channel-ids">{r.listing.itemId}{r.listing.skuId ? ` / ${r.listing.skuId}` : ''}</Typography.Text>
              </Space>
            ),
          },
          { key: 'sku', title: t('stock.col.sku'), render: (_, r) => <span data-testid="stock-channel-sku">{r.listing.sku}{r.listing.units > 1 ? ` ×${r.listing.units}` : ''}</span> },
          { key: 'figure', title: t('stock.channel.figure'), align: 'right', render: (_, r) => <Typography.Text strong data-testid="stock-channel-figure">{r.quantity}</Typography.Text> },
          {
            key: 'why', title: t('stock.channel.why'), render: (_, r) => (
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="stock-channel-reasons">{r.reasons.map((x, i) => <li key={i}>{reasonText(t, 'stock.channel.reason', x)}</li>)}</ul>
            ),
          },
          {
            key: 'pushed', title: t('stock.channel.pushed'), render: (_, r) => (
              <Space orientation="vertical" size={0} data-testid="stock-channel-pushed">
                {r.listing.pushed === undefined ? <Typography.Text type="secondary">{t('stock.channel.never')}</Typography.Text> : (
                  <span>{r.listing.pushed}{r.listing.pushedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>　{formatShanghai(r.listing.pushedAt).slice(5, 16)}</Typography.Text> : null}</span>
                )}
                {r.listing.queued !== undefined && <Tag color="blue" data-testid="stock-channel-queued">{t('stock.channel.queuedTag', { n: r.listing.queued })}</Tag>}
                {r.listing.queued === undefined && r.listing.pushed !== undefined && r.listing.pushed !== r.quantity && !r.listing.pushError && <Tag color="gold">{t('stock.channel.next')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'error', title: t('stock.channel.error'), render: (_, r) => (r.listing.pushError
              ? <Typography.Text type="danger" data-testid="stock-channel-error">{r.listing.pushError}</Typography.Text>
              : null),
          },
        ]}
      />
    </div>
  );
}
