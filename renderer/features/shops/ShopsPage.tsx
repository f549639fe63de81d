// Shop management: the connected shops (live from the local mirror), add / edit / remove for
// roles that may manage shops, and a connection test for everyone.
import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ShopPublic } from '../../../shared/domain/types';
import type { WharfDB } from '../../store/db';
import { host } from '../../transport/client';
import { describeError } from '../../i18n';
import { getActor, recordAsOperator, useCan } from '../operator';
import { ShopForm } from './ShopForm';
import { TestResult, type TestAnswer } from './TestResult';

type Editing = { shop?: ShopPublic } | undefined;

export function ShopsPage({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const shops = useLiveQuery(() => db.shops.toArray(), [db]);
  const canManage = useCan('shops.manage');
  const [editing, setEditing] = useState<Editing>();
  const [tests, setTests] = useState<Record<string, TestAnswer | 'running'>>({});
  const [removing, setRemoving] = useState<string | undefined>();

  const testShop = async (s: ShopPublic) => {
    setTests((m) => ({ ...m, [s.id]: 'running' }));
    let answer: TestAnswer;
    try { answer = { result: await host['shops.test']({ shopId: s.id }) }; } catch (err) { answer = { failure: describeError(err, t) }; }
    setTests((m) => ({ ...m, [s.id]: answer }));
  };

  const remove = async (s: ShopPublic) => {
    setRemoving(s.id);
    try {
      await host['shops.remove']({ actor: getActor(), shopId: s.id });
      await db.shops.delete(s.id);
      await recordAsOperator(db, 'shop.removed', { shopId: s.id, name: s.name });
      void message.success(t('shops.removed', { name: s.name }));
    } catch (err) {
      const d = describeError(err, t);
      void message.error([d.title, d.message, d.platform].filter(Boolean).join(': '));
    } finally {
      setRemoving(undefined);
    }
  };

  const stored = (has: boolean) => (has ? <Tag color="green">✓ {t('shops.stored')}</Tag> : <Tag color="orange">✗ {t('shops.missing')}</Tag>);

  return (
    <div data-testid="shops-page">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('shops.title')}</Typography.Title>
        {canManage && <Button type="primary" size="large" data-testid="shop-add" onClick={() => setEditing({})}>{t('shops.add')}</Button>}
      </Space>
      {!canManage && <Alert type="info" showIcon title={t('shops.readOnly')} style={{ marginBottom: 12 }} />}
      <Table<ShopPublic>
        rowKey="id"
        loading={!shops}
        dataSource={shops ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('shops.empty') }}
        onRow={(s) => ({ 'data-testid': 'shop-row', 'data-shop-id': s.id } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            key: 'name', title: t('shops.field.name'), render: (_, s) => {
              const a = tests[s.id];
              return (
                <div>
                  <strong>{s.name}</strong>{s.demo && <Tag color="purple" style={{ marginLeft: 8 }}>{t('shops.demo')}</Tag>}
                  {/* the last connection test answers right under the shop it concerns */}
                  {a && a !== 'running' && <div style={{ marginTop: 6, maxWidth: 360 }}><TestResult answer={a} compact /></div>}
                </div>
              );
            },
          },
          { key: 'platform', title: t('shops.field.platform'), render: (_, s) => t(`platform.${s.platform}`) },
          { key: 'id', title: t('shops.field.id'), render: (_, s) => <Typography.Text code>{s.id}</Typography.Text> },
          { key: 'gateway', title: t('shops.field.gatewayUrl'), dataIndex: 'gatewayUrl', render: (v: string) => <span style={{ fontSize: 12 }}>{v}</span> },
          { key: 'appKey', title: t('shops.field.appKey'), dataIndex: 'appKey' },
          { key: 'sign', title: t('shops.field.signMethod'), dataIndex: 'signMethod' },
          { key: 'interval', title: t('shops.field.pullIntervalMin'), render: (_, s) => t('sync.everyMinutes', { m: s.pullIntervalMin }) },
          { key: 'secret', title: t('shops.field.secret'), render: (_, s) => stored(s.hasSecret) },
          { key: 'session', title: t('shops.field.session'), render: (_, s) => stored(s.hasSession) },
          {
            key: 'actions', title: '', fixed: 'right', render: (_, s) => (
              <Space>
                <Button onClick={() => setEditing({ shop: s })} data-testid="shop-edit">{canManage ? t('common.edit') : t('common.view')}</Button>
                <Button onClick={() => void testShop(s)} loading={tests[s.id] === 'running'} data-testid="shop-test">{t('shops.test')}</Button>
                {canManage && (
                  <Popconfirm
                    title={t('shops.removeConfirm', { name: s.name })}
                    description={t('shops.removeHint')}
                    okText={t('shops.remove')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(s)}
                  >
                    <Button danger loading={removing === s.id} data-testid="shop-remove">{t('shops.remove')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ShopForm db={db} open={!!editing} shop={editing?.shop} readOnly={!canManage} onClose={() => setEditing(undefined)} />
    </div>
  );
}
