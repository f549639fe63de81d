// 分仓策略: what allocation does when no single warehouse can fill an order (split by line,
// wait, or the nearest with most lines), which warehouses each shop may ship from (in order of
// preference), and SKUs pinned to one warehouse. Saved into the decision settings; orders
// already decided keep their allocation until something re-decides them.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Radio, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { AllocationPolicy, type DecisionSettings } from '../../../../shared/decide/settings';
import type { Sku, Warehouse } from '../../../../shared/domain/types';
import type { WharfDB } from '../../../store/db';
import { readSettings } from '../../../store/decide/config';
import { saveRules } from '../../../store/decisionMutators';
import { describeError } from '../../../i18n';
import { notifyJournal, operatorContext } from '../../operator';
import { SkuPins } from './SkuPins';
import { WarehouseOrder } from './WarehouseOrder';

type AllocationSettings = DecisionSettings['allocation'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An empty list means "every warehouse": it is left out rather than stored empty. */
function withList(all: Record<string, string[]>, shop: string, list: string[]): Record<string, string[]> {
  const next = { ...all };
  if (list.length) next[shop] = list; else delete next[shop];
  return next;
}

export function PolicyCard({ db, warehouses, skus, canManage }: { db: WharfDB; warehouses: readonly Warehouse[]; skus: readonly Sku[]; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const shops = useLiveQuery(() => db.shops.toArray(), [db]);
  const [draft, setDraft] = useState<AllocationSettings>();
  const [busy, setBusy] = useState(false);
  const stored = settings?.allocation;
  const dirty = !!draft && !!stored && !same(draft, stored);

  // follow the stored settings (saved here or on another tab) unless there are unsaved edits
  useEffect(() => {
    if (stored && (!draft || !dirty)) setDraft(structuredClone(stored));
  }, [stored]); // only a new stored value re-syncs, never a local edit

  const shopRows = useMemo(() => {
    const rows = (shops ?? []).map((s) => ({ id: s.id, name: s.name, platform: s.platform as string, known: true }));
    if (settings && !rows.some((r) => r.id === settings.ownShop.id)) rows.push({ id: settings.ownShop.id, name: settings.ownShop.name, platform: 'own', known: true });
    for (const id of Object.keys(draft?.shopWarehouses ?? {})) if (!rows.some((r) => r.id === id)) rows.push({ id, name: id, platform: '', known: false });
    return rows;
  }, [shops, settings, draft?.shopWarehouses]);

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      // the rest of the settings as stored right now: an edit on the rules page is not undone
      const fresh = await readSettings(db);
      await saveRules(db, operatorContext(), { ...fresh, allocation: draft }, { redecide: false });
      notifyJournal();
      void message.success(t('warehouses.policy.saved'));
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message].filter(Boolean).join(': '));
    } finally {
      setBusy(false);
    }
  };

  const set = (patch: Partial<AllocationSettings>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  return (
    <Card
      title={t('warehouses.policy.title')}
      data-testid="allocation-policy"
      extra={canManage && (
        <Space>
          {dirty && <Tag color="orange" data-testid="policy-dirty">{t('warehouses.policy.unsaved')}</Tag>}
          <Button size="large" disabled={!dirty} onClick={() => stored && setDraft(structuredClone(stored))} data-testid="policy-reset">{t('warehouses.policy.reset')}</Button>
          <Button size="large" type="primary" disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="policy-save">{t('common.save')}</Button>
        </Space>
      )}
    >
      {!draft ? <Typography.Text type="secondary">…</Typography.Text> : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div>
            <Typography.Title level={5}>{t('warehouses.policy.whenShort')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('warehouses.policy.always')}</Typography.Paragraph>
            <Radio.Group value={draft.policy} disabled={!canManage} onChange={(e) => set({ policy: e.target.value as AllocationSettings['policy'] })} data-testid="policy-choice">
              <Space orientation="vertical">
                {AllocationPolicy.options.map((p) => (
                  <Radio key={p} value={p} data-testid={`policy-${p}`} style={{ fontSize: 15 }}>
                    <Typography.Text strong>{t(`warehouses.policy.name.${p}`)}</Typography.Text>
                    <div style={{ color: '#666', maxWidth: 720 }}>{t(`warehouses.policy.explain.${p}`)}</div>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </div>
          <div>
            <Typography.Title level={5}>{t('warehouses.policy.shopsTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('warehouses.policy.shopsHint')}</Typography.Paragraph>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={shopRows}
              locale={{ emptyText: t('warehouses.policy.noShops') }}
              onRow={(r) => ({ 'data-testid': 'policy-shop', 'data-shop': r.id } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                {
                  key: 'shop', title: t('warehouses.policy.shop'), render: (_, r) => (
                    <span>
                      <Typography.Text strong>{r.name}</Typography.Text>{' '}
                      {r.platform && <Tag>{r.platform === 'own' ? t('warehouses.policy.ownShop') : t(`platform.${r.platform}`)}</Tag>}
                      {!r.known && <Tag color="error">{t('warehouses.policy.shopGone')}</Tag>}
                    </span>
                  ),
                },
                {
                  key: 'warehouses', title: t('warehouses.policy.allowed'), render: (_, r) => (
                    <WarehouseOrder shop={r.id} value={draft.shopWarehouses[r.id] ?? []} warehouses={warehouses} disabled={!canManage}
                      onChange={(list) => set({ shopWarehouses: withList(draft.shopWarehouses, r.id, list) })} />
                  ),
                },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('warehouses.policy.pinsTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('warehouses.policy.pinsHint')}</Typography.Paragraph>
            <SkuPins value={draft.skuWarehouse} skus={skus} warehouses={warehouses} disabled={!canManage} onChange={(skuWarehouse) => set({ skuWarehouse })} />
          </div>
          {!canManage && <Alert type="info" showIcon title={t('warehouses.policy.readOnly')} />}
        </Space>
      )}
    </Card>
  );
}
