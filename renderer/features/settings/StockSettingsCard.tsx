// 库存设置: the decisions.stock settings — unpaid locks, the near-expiry window, replenishment
// alert and target days, the stock push and, per shop, the minimum remaining shelf life and the
// push's buffer — edited as a draft over the stored settings, checked field by field (the error
// shows next to the field), saved through the rules mutator (settings.manage).
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { App, Button, Card, Col, Form, InputNumber, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { readSettings } from '../../store/decide/config';
import { describeError } from '../../i18n';
import { useCan } from '../operator';
import { saveStockSettings, tidyStockSettings, validateStockSettings, type StockSettings, type StockSettingsIssue } from '../stock';

type Push = StockSettings['push']['shops'][string];
const NO_PUSH: Push = { off: false, bufferUnits: 0, bufferPercent: 0 };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
// an emptied box is kept as "no value" so the check names it, not silently the old number
const num = (v: number | string | null) => (typeof v === 'number' ? v : Number.NaN);

function Field({ label, error, extra, children }: { label: string; error?: string; extra?: string; children: React.ReactNode }) {
  return <Form.Item label={label} validateStatus={error ? 'error' : undefined} help={error} extra={extra} style={{ marginBottom: 12 }}>{children}</Form.Item>;
}

export function StockSettingsCard({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('settings.manage');
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const shops = useLiveQuery(() => db.shops.toArray(), [db]);
  const stored = settings?.stock;
  const [draft, setDraft] = useState<StockSettings>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const dirty = !!draft && !!stored && !same(tidyStockSettings(draft), tidyStockSettings(stored));
  // follow the stored settings (saved here or elsewhere) unless there are unsaved edits
  useEffect(() => { if (stored && (!draft || !dirty)) setDraft(structuredClone(stored)); }, [stored]);

  const { issues } = useMemo(() => (settings && draft ? validateStockSettings(settings, draft) : { issues: [] as StockSettingsIssue[] }), [settings, draft]);
  const errorOf = (path: string) => {
    const i = issues.find((x) => x.path === path);
    return i && (dirty || tried) ? t(`stock.settings.error.${i.code}`, i.values) : undefined;
  };
  const shopRows = useMemo(() => {
    const rows = (shops ?? []).map((s) => ({ id: s.id, name: s.name }));
    if (settings && !rows.some((r) => r.id === settings.ownShop.id)) rows.push({ id: settings.ownShop.id, name: settings.ownShop.name });
    return rows;
  }, [shops, settings]);

  const set = (patch: Partial<StockSettings>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const setPush = (patch: Partial<StockSettings['push']>) => setDraft((d) => (d ? { ...d, push: { ...d.push, ...patch } } : d));
  const setShopPush = (id: string, patch: Partial<Push>) => setDraft((d) => (d ? { ...d, push: { ...d.push, shops: { ...d.push.shops, [id]: { ...(d.push.shops[id] ?? NO_PUSH), ...patch } } } } : d));
  const setMinDays = (id: string, v: number | null) => setDraft((d) => {
    if (!d) return d;
    const next = { ...d.minRemainingDays };
    // an empty box: this shop takes any unexpired batch
    if (v === null) delete next[id]; else next[id] = v;
    return { ...d, minRemainingDays: next };
  });

  const save = async () => {
    setTried(true);
    if (!draft || issues.length) { void message.error(t('stock.settings.fix', { n: issues.length })); return; }
    setBusy(true);
    try {
      await saveStockSettings(db, () => tidyStockSettings(draft));
      void message.success(t('stock.settings.saved'));
      setTried(false);
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message, ...d.issues.map((i) => `${i.path}: ${i.message}`)].filter(Boolean).join(': '));
    } finally { setBusy(false); }
  };

  const off = !canManage;
  return (
    <Card title={t('stock.settings.title')} data-testid="stock-settings"
      extra={canManage && (
        <Space>
          {dirty && <Tag color="orange" data-testid="stock-settings-dirty">{t('stock.settings.unsaved')}</Tag>}
          <Button size="large" disabled={!dirty} onClick={() => { if (stored) setDraft(structuredClone(stored)); setTried(false); }} data-testid="stock-settings-reset">{t('stock.settings.reset')}</Button>
          <Button size="large" type="primary" disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="stock-settings-save">{t('common.save')}</Button>
        </Space>
      )}>
      {!draft ? <Typography.Text type="secondary">…</Typography.Text> : (
        <Form layout="vertical" component="div">
          {!canManage && <Typography.Paragraph type="secondary" data-testid="stock-settings-read-only">{t('stock.settings.readOnly')}</Typography.Paragraph>}
          <Row gutter={24}>
            <Col xs={24} md={8}>
              <Typography.Title level={5}>{t('stock.settings.locks')}</Typography.Title>
              <Field label={t('stock.settings.reserveUnpaid')} extra={t('stock.settings.reserveUnpaidHint')}>
                <Switch checked={draft.reserveUnpaid} disabled={off} onChange={(v) => set({ reserveUnpaid: v })} data-testid="stock-settings-reserveUnpaid" aria-label={t('stock.settings.reserveUnpaid')} />
              </Field>
              <Field label={t('stock.settings.unpaidLockMinutes')} error={errorOf('unpaidLockMinutes')}>
                <InputNumber size="large" value={Number.isFinite(draft.unpaidLockMinutes) ? draft.unpaidLockMinutes : null} precision={0} disabled={off} onChange={(v) => set({ unpaidLockMinutes: num(v) })} suffix={t('stock.settings.minutes')} style={{ width: 200 }} data-testid="stock-settings-unpaidLockMinutes" aria-label={t('stock.settings.unpaidLockMinutes')} />
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Typography.Title level={5}>{t('stock.settings.lists')}</Typography.Title>
              {(['nearExpiryDays', 'alertDays', 'targetDays'] as const).map((k) => (
                <Field key={k} label={t(`stock.settings.${k}`)} error={errorOf(k)} extra={t(`stock.settings.${k}Hint`)}>
                  <InputNumber size="large" value={Number.isFinite(draft[k]) ? draft[k] : null} precision={k === 'nearExpiryDays' ? 0 : 1} disabled={off} onChange={(v) => set({ [k]: num(v) })} suffix={t('stock.settings.days')} style={{ width: 200 }} data-testid={`stock-settings-${k}`} aria-label={t(`stock.settings.${k}`)} />
                </Field>
              ))}
            </Col>
            <Col xs={24} md={8}>
              <Typography.Title level={5}>{t('stock.settings.push')}</Typography.Title>
              <Field label={t('stock.settings.pushEnabled')}>
                <Switch checked={draft.push.enabled} disabled={off} onChange={(v) => setPush({ enabled: v })} data-testid="stock-settings-pushEnabled" aria-label={t('stock.settings.pushEnabled')} />
              </Field>
              <Field label={t('stock.settings.batchSeconds')} error={errorOf('push.batchSeconds')} extra={t('stock.settings.batchSecondsHint')}>
                <InputNumber size="large" value={Number.isFinite(draft.push.batchSeconds) ? draft.push.batchSeconds : null} precision={0} disabled={off} onChange={(v) => setPush({ batchSeconds: num(v) })} suffix={t('stock.settings.seconds')} style={{ width: 200 }} data-testid="stock-settings-batchSeconds" aria-label={t('stock.settings.batchSeconds')} />
              </Field>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('stock.settings.perShop')}</Typography.Title>
          <Table
            size="small" rowKey="id" pagination={false} dataSource={shopRows}
            locale={{ emptyText: t('stock.settings.noShops') }}
            onRow={(r) => ({ 'data-testid': 'stock-settings-shop', 'data-shop': r.id } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { key: 'shop', title: t('stock.settings.shop'), render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text> },
              {
                key: 'min', title: t('stock.settings.minRemainingDays'), render: (_, r) => (
                  <Field label="" error={errorOf(`minRemainingDays.${r.id}`)}>
                    <InputNumber value={draft.minRemainingDays[r.id] ?? null} precision={0} disabled={off} placeholder={t('stock.settings.anyShelfLife')} onChange={(v) => setMinDays(r.id, typeof v === 'number' ? v : null)} style={{ width: 140 }} data-testid="stock-settings-minDays" aria-label={t('stock.settings.minRemainingDays')} />
                  </Field>
                ),
              },
              {
                key: 'off', title: t('stock.settings.pushOff'), render: (_, r) => (
                  <Switch checked={draft.push.shops[r.id]?.off ?? false} disabled={off} onChange={(v) => setShopPush(r.id, { off: v })} data-testid="stock-settings-pushOff" aria-label={t('stock.settings.pushOff')} />
                ),
              },
              ...(['bufferUnits', 'bufferPercent'] as const).map((k) => ({
                key: k, title: t(`stock.settings.${k}`), render: (_: unknown, r: { id: string }) => (
                  <Field label="" error={errorOf(`push.shops.${r.id}.${k}`)}>
                    <InputNumber value={Number.isFinite(draft.push.shops[r.id]?.[k] ?? 0) ? draft.push.shops[r.id]?.[k] ?? 0 : null} precision={k === 'bufferUnits' ? 0 : 1} disabled={off} onChange={(v) => setShopPush(r.id, { [k]: num(v) })} style={{ width: 120 }} data-testid={`stock-settings-${k}`} aria-label={t(`stock.settings.${k}`)} />
                  </Field>
                ),
              })),
            ]}
          />
        </Form>
      )}
    </Card>
  );
}
