// 盘点: count one location of one warehouse with the scanner (a scan adds one unit of the SKU;
// quantities may be typed). Blind: the system's quantities stay hidden until the count goes to
// review. The review shows system against counted per SKU × batch, lists what the shelf should
// hold but nobody counted (recorded as 0 only once confirmed), and asks a reason per variance;
// recording lands one `count` movement per line in one stock.moved event, then the variance
// summary. An error keeps the sheet.
import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App, AutoComplete, Button, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { moveStock } from '../../store/stockMutators';
import { warehouseRows } from '../../store/stock/warehouseRows';
import { countMovements, countReady, locationsIn, reviewCount, shelfAt, type CountReview as Review, type ReasonPick } from '../../../shared/stock';
import { describeError, i18n } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';
import { useScans } from '../scan';
import { findSku } from './findSku';
import { addCounted, defaultBatch, type CountSheetLine } from './countLines';
import { CountReview } from './CountReview';
import { CountSummary } from './CountSummary';
import { reasonText } from './reasonText';
import { sheetId } from './sheetId';
import { ScanBox } from './ScanBox';

type Phase = 'count' | 'review' | 'done';

export function CountTab({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useLiveQuery(() => db.warehouses.orderBy('code').toArray(), [db]);
  const skus = useLiveQuery(() => db.skus.toArray(), [db]);
  const byCode = useMemo(() => new Map((skus ?? []).map((s) => [s.code, s])), [skus]);
  const [warehouse, setWarehouse] = useState<string>();
  const [location, setLocation] = useState('');
  const [blind, setBlind] = useState(true);
  const [lines, setLines] = useState<CountSheetLine[]>([]);
  const [phase, setPhase] = useState<Phase>('count');
  const [picks, setPicks] = useState<Map<string, ReasonPick>>(new Map());
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ review: Review; picks: Map<string, ReasonPick>; id: string }>();
  const nextId = useRef(1);
  const rows = useLiveQuery(() => (warehouse ? warehouseRows(db, warehouse) : Promise.resolve([])), [db, warehouse]);
  const loc = location.trim();
  const locations = useMemo(() => locationsIn(rows ?? [], warehouse ?? ''), [rows, warehouse]);
  const shelf = useMemo(() => shelfAt(rows ?? [], warehouse ?? '', loc), [rows, warehouse, loc]);
  const systemOf = useMemo(() => new Map(shelf.map((s) => [`${s.sku}|${s.batch}`, s.qty])), [shelf]);
  const review = useMemo(() => reviewCount(shelf, lines.map((l) => ({ sku: l.sku, batch: l.batch.trim(), qty: l.qty }))), [shelf, lines]);
  const batchOptions = (sku: string) => [...new Set((rows ?? []).filter((r) => r.sku === sku).map((r) => r.batch).filter(Boolean))].map((b) => ({ value: b }));

  const add = (text: string) => {
    const s = findSku(skus ?? [], byCode, text);
    if (!s) { const m = t('stock.receive.unknown', { code: text.trim() }); setError([m]); return { kind: 'wrong' as const, message: m }; }
    if (!warehouse) { const m = t('stock.count.pickWarehouse'); setError([m]); return { kind: 'wrong' as const, message: m }; }
    setError(undefined);
    const id = nextId.current++;
    const batch = defaultBatch(rows ?? [], s.code, loc);
    // the updater form: scans faster than a render each count
    setLines((ls) => addCounted(ls, s.code, batch, id).lines);
    return { kind: 'ok' as const, message: t('stock.receive.added', { sku: s.code, n: addCounted(lines, s.code, batch, id).qty }) };
  };
  useScans((c) => add(c), { active: phase === 'count' });

  const set = (id: number, patch: Partial<CountSheetLine>) => setLines((ls) => ls.map((l) => (l.id === id ? { ...l, ...patch } : l)));
  const toReview = () => {
    if (!warehouse) { setError([t('stock.count.pickWarehouse')]); return; }
    setError(undefined);
    setPhase('review');
  };
  const restart = () => { setLines([]); setPicks(new Map()); setConfirmed(false); setError(undefined); setPhase('count'); setDone(undefined); };

  const record = async () => {
    const ready = countReady(review, picks, confirmed);
    if (!ready.ok) { setError(ready.problems.map((p) => reasonText(t, 'stock.count.problem', p))); return; }
    // the ledger is the company's record: its reasons are kept in its working language
    const zh = i18n.getFixedT('zh-CN');
    const movements = countMovements(review, { warehouse: warehouse!, location: loc }, picks, { label: (c) => zh(`stock.count.reasons.${c}`), matched: zh('stock.count.matched') });
    const id = sheetId('CC', Date.now());
    setBusy(true);
    try {
      await moveStock(db, operatorContext(), movements, { source: id, note: zh(blind ? 'stock.count.noteBlind' : 'stock.count.note', { warehouse, location: loc || zh('stock.count.noLocation') }) });
      notifyJournal();
      void message.success(t('stock.count.recorded', { n: movements.length }));
      setDone({ review, picks, id });
      setPhase('done');
      setError(undefined);
    } catch (e) {
      const d = describeError(e, t);
      setError([[d.title, d.message].filter(Boolean).join(': ')]);
    } finally { setBusy(false); }
  };

  const locked = lines.length > 0 || phase !== 'count';
  return (
    <div data-testid="stock-count">
      <Typography.Paragraph type="secondary">{t('stock.count.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select size="large" value={warehouse} onChange={setWarehouse} disabled={locked} placeholder={t('stock.count.warehouse')} aria-label={t('stock.count.warehouse')} style={{ width: 200 }} data-testid="stock-count-warehouse"
          options={(warehouses ?? []).map((w) => ({ value: w.code, label: w.name }))} />
        <AutoComplete size="large" value={location} onChange={(v: string) => setLocation(v ?? '')} disabled={locked} placeholder={t('stock.count.location')} aria-label={t('stock.count.location')} style={{ width: 220 }} data-testid="stock-count-location"
          options={locations.filter((l) => l).map((l) => ({ value: l }))} filterOption={(input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())} />
        <Space>
          <Switch checked={blind} onChange={setBlind} disabled={locked} data-testid="stock-count-blind" aria-label={t('stock.count.blind')} />
          <span>{t('stock.count.blind')}</span>
        </Space>
      </Space>
      {!loc && warehouse && <Typography.Paragraph type="secondary" data-testid="stock-count-no-location">{t('stock.count.emptyLocation')}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error.length === 1 ? error[0] : t('stock.count.problems')} description={error.length > 1 ? <ul style={{ margin: 0 }}>{error.map((e) => <li key={e}>{e}</li>)}</ul> : undefined} style={{ marginBottom: 8 }} data-testid="stock-count-error" />}
      {phase === 'count' && (
        <>
          <ScanBox onAdd={add} testId="stock-count" />
          <Table<CountSheetLine>
            rowKey="id" size="small" pagination={false} dataSource={lines}
            locale={{ emptyText: t('stock.count.emptySheet') }}
            onRow={(l) => ({ 'data-testid': 'stock-count-line', 'data-sku': l.sku } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { key: 'sku', title: t('stock.col.sku'), render: (_, l) => <span><Typography.Text strong>{l.sku}</Typography.Text> {byCode.get(l.sku)?.name}</span> },
              { key: 'batch', title: t('stock.col.batch'), render: (_, l) => <AutoComplete value={l.batch} onChange={(v: string) => set(l.id, { batch: v ?? '' })} options={batchOptions(l.sku)} placeholder={t('stock.noBatch')} aria-label={t('stock.col.batch')} style={{ width: 140 }} data-testid="stock-count-batch" /> },
              ...(blind ? [] : [{ key: 'system', title: t('stock.count.system'), align: 'right' as const, render: (_: unknown, l: CountSheetLine) => <span data-testid="stock-count-system">{systemOf.get(`${l.sku}|${l.batch.trim()}`) ?? 0}</span> }]),
              { key: 'qty', title: t('stock.count.counted'), render: (_, l) => <InputNumber min={0} precision={0} value={l.qty} onChange={(v) => set(l.id, { qty: Number(v ?? 0) })} aria-label={t('stock.count.counted')} data-testid="stock-count-qty" /> },
              { key: 'remove', title: '', render: (_, l) => <Button onClick={() => setLines((ls) => ls.filter((x) => x.id !== l.id))}>{t('stock.receive.remove')}</Button> },
            ]}
          />
          {!blind && shelf.length > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('stock.count.shelfHolds', { n: shelf.length })}</Typography.Paragraph>}
          <Space style={{ marginTop: 8 }}>
            <Button size="large" type="primary" disabled={!warehouse || (!lines.length && !shelf.length)} onClick={toReview} data-testid="stock-count-review">{t('stock.count.toReview', { n: lines.length })}</Button>
            <Button size="large" disabled={!lines.length} onClick={() => setLines([])} data-testid="stock-count-clear">{t('stock.receive.clear')}</Button>
          </Space>
        </>
      )}
      {phase === 'review' && (
        <>
          <CountReview review={review} picks={picks} setPick={(k, p) => setPicks((m) => new Map(m).set(k, p))} confirmed={confirmed} setConfirmed={setConfirmed} names={byCode} />
          <Space style={{ marginTop: 8 }}>
            <Button size="large" type="primary" loading={busy} onClick={() => void record()} data-testid="stock-count-submit">{t('stock.count.submit', { n: review.lines.length })}</Button>
            <Button size="large" onClick={() => { setError(undefined); setPhase('count'); }} data-testid="stock-count-back">{t('stock.count.back')}</Button>
          </Space>
        </>
      )}
      {phase === 'done' && done && <CountSummary review={done.review} picks={done.picks} id={done.id} names={byCode} onNew={restart} />}
    </div>
  );
}
