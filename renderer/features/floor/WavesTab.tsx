// 波次拣货: plan waves from the allocated orders (each left-out order says why), release them,
// print a wave's pick list (the receipt printer, or A4 from the browser), and confirm picking by
// scanning each stop's item — the stop the scan matches, in walking order. A stop can be
// confirmed short; its orders are then set aside when the wave completes.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickStop, WaveRow } from '../../../shared/floor';
import { newEventId } from '../../../shared/events/envelope';
import { formatShanghai } from '../../../shared/time';
import type { WharfDB } from '../../store/db';
import { confirmPick, proposeWaves, releaseWaves, type WaveProposal } from '../../store/floor/waves';
import { host } from '../../transport/client';
import { describeError } from '../../i18n';
import { getActor, notifyJournal, operatorContext, useCan } from '../operator';
import { useScans } from '../scan';
import { skuLookup } from './packStation';
import { useStation } from './station';
import './print.css';

const slotsText = (s: PickStop) => s.orders.map((o) => `${o.slot}:${o.qty}`).join(' ');

function PickView({ db, wave, onBack }: { db: WharfDB; wave: WaveRow; onBack(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const skus = useLiveQuery(() => db.skus.bulkGet([...new Set(wave.stops.map((s) => s.sku))]), [db, wave.id]);
  const names = useMemo(() => new Map((skus ?? []).filter((s) => !!s).map((s) => [s!.code, `${s!.name} ${s!.spec}`.trim()])), [skus]);
  const lookup = useMemo(() => skuLookup((skus ?? []).filter((s): s is NonNullable<typeof s> => !!s)), [skus]);
  const [short, setShort] = useState<Record<number, number>>({});
  const receipt = useStation((s) => s.receipt);

  const confirm = async (i: number, qty: number, code: string) => {
    await confirmPick(db, operatorContext(), wave.id, i, qty, code);
    notifyJournal();
  };
  // a scan confirms the first open stop of that SKU (walking order), or the stop at that location
  useScans(async (code) => {
    const sku = lookup(code);
    const i = wave.stops.findIndex((s, j) => wave.picked[j] === undefined && (s.sku === sku || s.location === code.trim()));
    if (i < 0) return { kind: 'wrong', message: t('floor.waves.noStop', { code }) };
    try {
      await confirm(i, wave.stops[i]!.qty, code);
      const left = wave.stops.filter((_, j) => j !== i && wave.picked[j] === undefined).length;
      return left ? { kind: 'ok', message: t('floor.waves.picked', { location: wave.stops[i]!.location, sku: wave.stops[i]!.sku, qty: wave.stops[i]!.qty }) } : { kind: 'done', message: t('floor.waves.allPicked', { no: wave.no }) };
    } catch (e) { return { kind: 'wrong', message: describeError(e, t).message }; }
  });

  const printList = async () => {
    if (!receipt) { message.warning(t('floor.waves.noReceipt')); return; }
    try {
      await host['printers.pickList']({
        actor: getActor(), jobId: newEventId(), target: receipt.target, widthChars: receipt.widthChars,
        doc: {
          wave: wave.no, warehouse: wave.warehouse, carrier: wave.carrier, kind: wave.kind, printedAt: Date.now(), picker: operatorContext().user.name,
          stops: wave.stops.map((s) => ({ location: s.location, sku: s.sku, name: (names.get(s.sku) ?? s.sku).slice(0, 120), batch: s.batch, ...(s.expiresAt !== undefined ? { expiresAt: s.expiresAt } : {}), qty: s.qty, slots: slotsText(s).slice(0, 400) })),
        },
      });
      message.success(t('floor.waves.listPrinted', { printer: receipt.name }));
    } catch (e) { message.error(describeError(e, t).message); }
  };

  return (
    <div data-testid="pick-view" className="wharf-printable">
      <Space style={{ marginBottom: 12 }} wrap className="wharf-no-print">
        <Button size="large" onClick={onBack}>{t('floor.waves.back')}</Button>
        <Button size="large" onClick={() => void printList()} data-testid="pick-print-receipt">{t('floor.waves.printReceipt')}</Button>
        <Button size="large" onClick={() => window.print()} data-testid="pick-print-a4">{t('floor.waves.printA4')}</Button>
      </Space>
      <Typography.Title level={4} data-testid="pick-wave-no">{t('floor.waves.pickTitle', { no: wave.no, warehouse: wave.warehouse, carrier: wave.carrier, kind: t(`floor.waves.kind.${wave.kind}`) })}</Typography.Title>
      <Table<PickStop & { i: number }>
        size="large" rowKey="i" pagination={false} dataSource={wave.stops.map((s, i) => ({ ...s, i }))}
        columns={[
          { title: t('floor.waves.col.location'), dataIndex: 'location', render: (l: string) => <b style={{ fontSize: 20 }}>{l || '—'}</b> },
          { title: t('floor.waves.col.sku'), dataIndex: 'sku', render: (s: string) => <span style={{ fontSize: 18 }}>{s} {names.get(s)}</span> },
          { title: t('floor.waves.col.batch'), render: (_: unknown, s: PickStop) => `${s.batch}${s.expiresAt ? ` (${formatShanghai(s.expiresAt).slice(0, 10)})` : ''}` },
          { title: t('floor.waves.col.qty'), dataIndex: 'qty', render: (q: number, s: PickStop) => <b style={{ fontSize: 22 }}>{q}{s.shortOnShelf ? ' ⚠' : ''}</b> },
          { title: t('floor.waves.col.slots'), render: (_: unknown, s: PickStop) => slotsText(s) },
          {
            title: t('floor.waves.col.picked'), render: (_: unknown, s: PickStop & { i: number }) => wave.picked[s.i] !== undefined
              ? <Tag color={wave.picked[s.i]! < s.qty ? 'orange' : 'green'} data-testid={`stop-picked-${s.i}`} style={{ fontSize: 16 }}>✓ {wave.picked[s.i]}</Tag>
              : (
                <Space className="wharf-no-print">
                  <InputNumber min={0} max={s.qty} value={short[s.i] ?? s.qty} onChange={(v) => setShort((m) => ({ ...m, [s.i]: Number(v ?? 0) }))} aria-label={t('floor.waves.qtyFound')} />
                  <Button onClick={() => void confirm(s.i, short[s.i] ?? s.qty, 'manual').catch((e: unknown) => message.error(describeError(e, t).message))} data-testid={`stop-confirm-${s.i}`}>{t('floor.waves.confirm')}</Button>
                </Space>
              ),
          },
        ]}
      />
    </div>
  );
}

export function WavesTab({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canPick = useCan('floor.pick');
  const [plan, setPlan] = useState<WaveProposal>();
  const [open, setOpen] = useState<string>();
  const waves = useLiveQuery(() => db.waves.orderBy('releasedAt').reverse().limit(50).toArray(), [db]) ?? [];
  const current = waves.find((w) => w.id === open);

  if (current) return <PickView db={db} wave={current} onBack={() => setOpen(undefined)} />;

  const doPlan = async () => {
    try { setPlan(await proposeWaves(db)); } catch (e) { message.error(describeError(e, t).message); }
  };
  const doRelease = async () => {
    if (!plan) return;
    try {
      const out = await releaseWaves(db, operatorContext(), plan.waves);
      notifyJournal();
      setPlan(undefined);
      message.success(t('floor.waves.released', { n: out.length, nos: out.map((w) => w.no).join('、') }));
    } catch (e) { message.error(describeError(e, t).message); }
  };
  const skippedBy = new Map<string, number>();
  for (const s of plan?.skipped ?? []) skippedBy.set(s.code, (skippedBy.get(s.code) ?? 0) + 1);

  return (
    <div data-testid="waves-tab">
      <Space style={{ marginBottom: 12 }}>
        <Button size="large" type="primary" onClick={() => void doPlan()} disabled={!canPick} data-testid="waves-plan">{t('floor.waves.plan')}</Button>
        {plan && plan.waves.length > 0 && <Button size="large" onClick={() => void doRelease()} data-testid="waves-release">{t('floor.waves.release', { n: plan.waves.length })}</Button>}
      </Space>
      {plan && (
        <>
          {!plan.waves.length && <Alert type="info" showIcon title={t('floor.waves.nothing')} style={{ marginBottom: 8 }} />}
          {skippedBy.size > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="waves-skipped"
              title={[...skippedBy].map(([code, n]) => t(`floor.waves.skip.${code.slice(5)}`, { n })).join('；')} />
          )}
          {plan.waves.length > 0 && (
            <Table
              size="middle" rowKey={(w) => `${w.warehouse}|${w.carrier}|${w.kind}|${w.orders[0]}`} pagination={false} dataSource={plan.waves} data-testid="waves-plan-table"
              columns={[
                { title: t('floor.waves.col.warehouse'), dataIndex: 'warehouse' },
                { title: t('floor.waves.col.carrier'), dataIndex: 'carrier' },
                { title: t('floor.waves.col.kind'), dataIndex: 'kind', render: (k: string) => t(`floor.waves.kind.${k}`) },
                { title: t('floor.waves.col.orders'), render: (_: unknown, w) => w.orders.length },
                { title: t('floor.waves.col.units'), dataIndex: 'units' },
                { title: t('floor.waves.col.stops'), render: (_: unknown, w) => w.stops.length },
              ]}
            />
          )}
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('floor.waves.list')}</Typography.Title>
      <Table
        size="middle" rowKey="id" dataSource={waves} pagination={{ pageSize: 20 }} data-testid="waves-list"
        onRow={(w) => ({ onClick: () => setOpen(w.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('floor.waves.col.no'), dataIndex: 'no', render: (n: string) => <b data-testid={`wave-${n}`}>{n}</b> },
          { title: t('floor.waves.col.warehouse'), dataIndex: 'warehouse' },
          { title: t('floor.waves.col.carrier'), dataIndex: 'carrier' },
          { title: t('floor.waves.col.kind'), dataIndex: 'kind', render: (k: string) => t(`floor.waves.kind.${k}`) },
          { title: t('floor.waves.col.orders'), render: (_: unknown, w: WaveRow) => w.orders.length },
          { title: t('floor.waves.col.progress'), render: (_: unknown, w: WaveRow) => `${Object.keys(w.picked).length} / ${w.stops.length}` },
          { title: t('floor.waves.col.state'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'picked' ? 'green' : 'blue'}>{t(`floor.waves.state.${s}`)}</Tag> },
          { title: t('floor.waves.col.at'), dataIndex: 'releasedAt', render: (at: number) => formatShanghai(at).slice(5, 16) },
        ]}
      />
    </div>
  );
}
