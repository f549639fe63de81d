// 快递交接: at pickup, scan every parcel onto the carrier's manifest. Each scan is judged at once
// (the driver is waiting): right → beep; another carrier's, unknown, not packed or scanned twice
// → error; an order refunded or cancelled after its label printed → alarm, take it back. The
// list of parcels still missing shrinks as they are scanned; closing the manifest records it.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HANDOVER_SOUND, judgeHandoverScan, type HandoverParcel, type HandoverScan, type ManifestCheck } from '../../../shared/floor';
import type { WharfDB } from '../../store/db';
import { closeHandover, handoverParcels } from '../../store/floor/ship';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';
import { playSound, useScans } from '../scan';

export function HandoverTab({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]) ?? [];
  const [warehouse, setWarehouse] = useState<string>();
  const [carrier, setCarrier] = useState<string>();
  const [scans, setScans] = useState<HandoverScan[]>([]);
  const [done, setDone] = useState<ManifestCheck & { handoverId: string }>();
  const wh = warehouses.find((w) => w.code === warehouse) ?? warehouses[0];
  const carriers = wh?.carriers.map((c) => c.code) ?? [];
  const car = carrier && carriers.includes(carrier) ? carrier : carriers[0];
  const parcels = useLiveQuery(() => (wh ? handoverParcels(db, wh.code, scans.map((s) => s.code)) : Promise.resolve([] as HandoverParcel[])), [db, wh?.code, scans.length]) ?? [];
  const byWaybill = useMemo(() => new Map(parcels.map((p) => [p.waybillNo, p])), [parcels]);
  const accepted = new Set(scans.filter((s) => s.verdict === 'ok').map((s) => s.code));
  const missing = parcels.filter((p) => p.carrier === car && p.ready && !p.intercept && !p.handedOver && !accepted.has(p.waybillNo));

  useScans((code) => {
    if (!car) return { kind: 'wrong', message: t('floor.handover.pickCarrier') };
    const j = judgeHandoverScan(car, code, byWaybill, new Set(scans.map((s) => s.code)));
    setScans((s) => [...s, j]);
    setDone(undefined);
    const tone = HANDOVER_SOUND[j.verdict];
    playSound(tone);
    globalThis.dispatchEvent(new CustomEvent('scan.verdict', { detail: { verdict: `handover.${j.verdict}`, sound: tone, code: j.code, at: performance.now(), played: true } }));
    return { kind: tone === 'ok' ? 'ok' : 'wrong', message: t(`floor.handover.verdict.${j.verdict}`, { code: j.code }), silent: true };
  });

  const close = async () => {
    if (!wh || !car) return;
    try {
      const r = await closeHandover(db, operatorContext(), car, wh.code, scans.map((s) => s.code));
      notifyJournal();
      setDone(r);
      setScans([]);
    } catch (e) { message.error(describeError(e, t).message); }
  };

  return (
    <div data-testid="handover-tab">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select value={wh?.code} onChange={(v) => { setWarehouse(v); setScans([]); }} style={{ width: 160 }} options={warehouses.map((w) => ({ value: w.code, label: w.name }))} data-testid="handover-warehouse" />
        <Select value={car} onChange={(v) => { setCarrier(v); setScans([]); }} style={{ width: 120 }} options={carriers.map((c) => ({ value: c, label: c }))} data-testid="handover-carrier" />
        <Button size="large" type="primary" onClick={() => void close()} disabled={!scans.length} data-testid="handover-close">{t('floor.handover.close', { n: accepted.size })}</Button>
      </Space>
      <Typography.Paragraph>{t('floor.handover.intro')}</Typography.Paragraph>
      {done && (
        <Alert
          type={done.missed.length || done.extra.length ? 'warning' : 'success'} showIcon style={{ marginBottom: 12 }} data-testid="handover-done"
          title={t('floor.handover.closed', { accepted: done.accepted.length, missed: done.missed.length, extra: done.extra.length })}
          description={[
            ...done.missed.map((p) => t('floor.handover.missedOne', { waybill: p.waybillNo })),
            ...done.extra.map((x) => t(`floor.handover.verdict.${x.verdict}`, { code: x.code })),
          ].join('\n')}
        />
      )}
      <Space align="start" size="large" wrap>
        <div>
          <Typography.Title level={5}>{t('floor.handover.scanned', { n: scans.length })}</Typography.Title>
          <Table
            size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={[...scans].reverse()} data-testid="handover-scans"
            columns={[
              { title: t('floor.handover.col.waybill'), dataIndex: 'code' },
              { title: t('floor.handover.col.verdict'), dataIndex: 'verdict', render: (v: HandoverScan['verdict'], s: HandoverScan) => <Tag color={v === 'ok' ? 'green' : v === 'intercept' ? 'red' : 'orange'} data-testid={`handover-verdict-${s.code}`}>{t(`floor.handover.verdict.${v}`, { code: s.code })}</Tag> },
            ]}
          />
        </div>
        <div>
          <Typography.Title level={5}>{t('floor.handover.missing', { n: missing.length })}</Typography.Title>
          <Table size="small" rowKey="waybillNo" pagination={false} dataSource={missing} data-testid="handover-missing"
            columns={[{ title: t('floor.handover.col.waybill'), dataIndex: 'waybillNo' }, { title: t('floor.handover.col.orders'), render: (_: unknown, p: HandoverParcel) => p.orderKeys.map((k) => k.split(':').slice(2).join(':')).join('、') }]} />
        </div>
      </Space>
    </div>
  );
}
