// A manual order (reship, gift, phone or offline sale): paste the receiver as the customer sent
// it and the address parser splits it for the user to confirm; pick SKUs by code, barcode scan
// or name; the order then runs the same pipeline as a platform order and its decision shows.
import { useMemo, useRef, useState } from 'react';
import { Alert, AutoComplete, Button, Checkbox, Drawer, Form, Input, InputNumber, Segmented, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { parseAddress } from '../../../shared/address';
import { formatFen, parseYuan } from '../../../shared/money';
import type { Sku } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { createManualOrder } from '../../store/decisionMutators';
import { readSettings } from '../../store/decide/config';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';
import { buildManualOrder, MANUAL_KINDS, ManualOrderError, type ManualDraft, type ManualLine } from './manualOrder';

const empty = (): ManualDraft => ({ kind: 'phone', name: '', phone: '', province: '', city: '', district: '', detail: '', lines: [], memo: '', paid: true });

function findSku(skus: readonly Sku[], q: string): Sku | undefined {
  const x = q.trim();
  if (!x) return undefined;
  return skus.find((s) => s.code.toUpperCase() === x.toUpperCase() || s.barcodes.includes(x));
}

export function ManualOrderDrawer({ db, open, onClose, onCreated }: { db: WharfDB; open: boolean; onClose(): void; onCreated?(key: string): void }) {
  const { t } = useTranslation();
  const skus = useLiveQuery(() => db.skus.toArray(), [db]) ?? [];
  const [draft, setDraft] = useState<ManualDraft>(empty);
  const [paste, setPaste] = useState('');
  const [parsed, setParsed] = useState<number | undefined>();
  const [pick, setPick] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | undefined>();
  const set = (p: Partial<ManualDraft>) => setDraft((d) => ({ ...d, ...p }));

  const options = useMemo(() => {
    const q = pick.trim().toLowerCase();
    if (!q) return [];
    return skus.filter((s) => s.code.toLowerCase().includes(q) || s.name.toLowerCase().includes(q) || s.barcodes.some((b) => b.includes(q))).slice(0, 20)
      .map((s) => ({ value: s.code, label: `${s.code} ${s.name} ${s.spec}` }));
  }, [pick, skus]);

  // one Enter both adds the typed code (keydown) and selects the highlighted option (select):
  // the second of the two, for the same SKU within a moment, is the same key press
  const lastAdd = useRef<{ sku: string; at: number; via: 'key' | 'select' }>(undefined);
  const addOnce = (code: string, via: 'key' | 'select') => {
    const sku = findSku(skus, code)?.code;
    const l = lastAdd.current;
    if (sku && l && l.sku === sku && l.via !== via && performance.now() - l.at < 300) return;
    if (sku) lastAdd.current = { sku, at: performance.now(), via };
    addSku(code);
  };
  const addSku = (code: string) => {
    const s = findSku(skus, code);
    if (!s) return;
    setDraft((d) => {
      const at = d.lines.findIndex((l) => l.sku === s.code);
      if (at >= 0) return { ...d, lines: d.lines.map((l, i) => (i === at ? { ...l, qty: l.qty + 1 } : l)) };
      return { ...d, lines: [...d.lines, { sku: s.code, title: s.name, spec: s.spec, qty: 1, priceFen: s.priceFen }] };
    });
    setPick('');
  };

  const doParse = () => {
    const p = parseAddress(paste);
    set({ name: p.name || draft.name, phone: p.phone || draft.phone, province: p.province || draft.province, city: p.city || draft.city, district: p.district || draft.district, detail: p.detail || draft.detail });
    setParsed(Math.round(p.confidence * 100));
  };

  const submit = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const ctx = operatorContext();
      const settings = await readSettings(db);
      const order = buildManualOrder(draft, settings.ownShop.id, ctx.now());
      const key = await createManualOrder(db, ctx, order);
      notifyJournal();
      const row = await db.orders.get(key);
      setMessage({ type: 'success', text: t('decisions.manual.created', { id: order.orderId, outcome: t(`decisions.outcome.${row?.decision?.outcome ?? 'pass'}`) }) });
      setDraft(empty());
      setPaste('');
      setParsed(undefined);
      onCreated?.(key);
    } catch (err) {
      const text = err instanceof ManualOrderError ? t(err.field === 'items' ? 'decisions.manual.needItems' : 'decisions.manual.needReceiver') : describeError(err, t).message || describeError(err, t).title;
      setMessage({ type: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  const updateLine = (i: number, p: Partial<ManualLine>) => setDraft((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, ...p } : l)) }));

  return (
    <Drawer open={open} onClose={onClose} size={760} title={t('decisions.manual.title')} destroyOnHidden>
      <div data-testid="manual-order">
        <Form layout="vertical" size="large">
          <Form.Item label={t('decisions.manual.kind')}>
            <Segmented value={draft.kind} onChange={(v) => set({ kind: v as ManualDraft['kind'] })} data-testid="manual-kind"
              options={MANUAL_KINDS.map((k) => ({ value: k, label: t(`decisions.manual.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item label={t('decisions.manual.paste')} extra={t('decisions.manual.pasteHint')}>
            <Space.Compact style={{ width: '100%' }}>
              <Input.TextArea rows={2} value={paste} onChange={(e) => setPaste(e.target.value)} data-testid="manual-paste" />
              <Button onClick={doParse} data-testid="manual-parse">{t('decisions.manual.parse')}</Button>
            </Space.Compact>
          </Form.Item>
          {parsed !== undefined && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('decisions.manual.parsed', { pct: parsed })} />}
          <Space wrap>
            <Form.Item label={t('decisions.manual.name')}><Input value={draft.name} onChange={(e) => set({ name: e.target.value })} data-testid="manual-name" /></Form.Item>
            <Form.Item label={t('decisions.manual.phone')}><Input value={draft.phone} onChange={(e) => set({ phone: e.target.value })} data-testid="manual-phone" /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item label={t('decisions.manual.province')}><Input value={draft.province} onChange={(e) => set({ province: e.target.value })} data-testid="manual-province" /></Form.Item>
            <Form.Item label={t('decisions.manual.city')}><Input value={draft.city} onChange={(e) => set({ city: e.target.value })} data-testid="manual-city" /></Form.Item>
            <Form.Item label={t('decisions.manual.district')}><Input value={draft.district} onChange={(e) => set({ district: e.target.value })} data-testid="manual-district" /></Form.Item>
          </Space>
          <Form.Item label={t('decisions.manual.detail')}><Input value={draft.detail} onChange={(e) => set({ detail: e.target.value })} data-testid="manual-detail" /></Form.Item>
          <Form.Item label={t('decisions.manual.items')}>
            <AutoComplete
              value={pick} options={options} style={{ width: '100%' }} data-testid="manual-sku-pick"
              placeholder={t('decisions.manual.itemPick')}
              onChange={(v) => setPick(String(v ?? ''))}
              onSelect={(v) => addOnce(String(v), 'select')}
              // a scanner types the barcode and presses Enter: add it straight away
              onKeyDown={(e) => { if (e.key === 'Enter' && findSku(skus, pick)) { e.preventDefault(); addOnce(pick, 'key'); } }}
            />
          </Form.Item>
          <Table<ManualLine>
            size="small" pagination={false} rowKey="sku" dataSource={draft.lines} data-testid="manual-lines"
            columns={[
              { key: 'sku', title: 'SKU', render: (_, l) => <span><strong>{l.sku}</strong> {l.title} {l.spec}</span> },
              { key: 'qty', title: t('decisions.manual.qty'), render: (_, l, i) => <InputNumber min={1} max={9999} value={l.qty} onChange={(v) => updateLine(i, { qty: Number(v ?? 1) })} data-testid="manual-qty" /> },
              {
                key: 'price', title: t('decisions.manual.price'), render: (_, l, i) => (
                  <Input style={{ width: 110 }} defaultValue={formatFen(l.priceFen)} data-testid="manual-price"
                    onBlur={(e) => { try { updateLine(i, { priceFen: parseYuan(e.target.value) }); } catch { e.target.value = formatFen(l.priceFen); } }} />
                ),
              },
              { key: 'remove', title: '', render: (_, _l, i) => <Button onClick={() => setDraft((d) => ({ ...d, lines: d.lines.filter((_, j) => j !== i) }))}>{t('decisions.manual.remove')}</Button> },
            ]}
          />
          <Form.Item label={t('decisions.manual.memo')} style={{ marginTop: 12 }}><Input value={draft.memo} onChange={(e) => set({ memo: e.target.value })} data-testid="manual-memo" /></Form.Item>
          {draft.kind !== 'gift' && draft.kind !== 'reship' && <Checkbox checked={draft.paid} onChange={(e) => set({ paid: e.target.checked })} data-testid="manual-paid">{t('decisions.manual.paid')}</Checkbox>}
          {message && <Alert type={message.type} showIcon style={{ margin: '12px 0' }} title={message.text} data-testid="manual-message" role={message.type === 'error' ? 'alert' : 'status'} />}
          <div style={{ marginTop: 12 }}>
            <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="manual-submit">{t('decisions.manual.submit')}</Button>
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{draft.lines.reduce((s, l) => s + l.qty, 0)} · ¥{formatFen(draft.lines.reduce((s, l) => s + l.qty * l.priceFen, 0))}</Typography.Text>
          </div>
        </Form>
      </div>
    </Drawer>
  );
}
