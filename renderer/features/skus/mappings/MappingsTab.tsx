// 商品对应: the remembered links from a platform item (its SKU id, the merchant's outer id, or
// the title + spec text) to an internal SKU, made when someone confirmed a mapping. Removing one
// makes the next order with that item go through matching again.
import { useMemo, useState } from 'react';
import { App, Button, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { PLATFORMS } from '../../../../shared/domain/types';
import { formatShanghai } from '../../../../shared/time';
import type { SkuMapRow, WharfDB } from '../../../store/db';
import { removeMapping } from '../../../store/decisionMutators';
import { describeError } from '../../../i18n';
import { notifyJournal, operatorContext } from '../../operator';
import type { SkuData } from '../useSkuData';

type Kind = 'all' | SkuMapRow['kind'];

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function MappingsTab({ db, data, canManage }: { db: WharfDB; data: SkuData; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const maps = useLiveQuery(() => db.skuMaps.toArray(), [db]);
  const users = useLiveQuery(() => db.users.toArray(), [db]);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<Kind>('all');
  const [removing, setRemoving] = useState<string>();
  const names = useMemo(() => new Map((users ?? []).map((u) => [u.id, u.name])), [users]);

  const shown = useMemo(() => {
    const q = fold(query.trim());
    return (maps ?? [])
      .filter((m) => kind === 'all' || m.kind === kind)
      .filter((m) => !q || fold(m.value).includes(q) || fold(m.sku).includes(q) || fold(data.byCode.get(m.sku)?.name ?? '').includes(q))
      .sort((a, b) => (b.at ?? 0) - (a.at ?? 0) || a.key.localeCompare(b.key));
  }, [maps, kind, query, data.byCode]);

  const valueOf = (m: SkuMapRow) => {
    if (m.kind !== 'platform_sku') return <Typography.Text style={{ wordBreak: 'break-all' }}>{m.value}</Typography.Text>;
    const [platform, ...rest] = m.value.split(':');
    const known = (PLATFORMS as readonly string[]).includes(platform ?? '');
    return <span>{known && <Tag>{t(`platform.${platform}`)}</Tag>}<Typography.Text copyable>{known ? rest.join(':') : m.value}</Typography.Text></span>;
  };

  const remove = async (m: SkuMapRow) => {
    setRemoving(m.key);
    try {
      await removeMapping(db, operatorContext(), m.key);
      notifyJournal();
      void message.success(t('skus.maps.removed', { sku: m.sku }));
    } catch (e) {
      const d = describeError(e, t);
      void message.error([d.title, d.message].filter(Boolean).join(': '));
    } finally {
      setRemoving(undefined);
    }
  };

  return (
    <div data-testid="sku-mappings">
      <Space wrap size={[8, 8]} style={{ marginBottom: 8 }}>
        <Input size="large" allowClear value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('skus.maps.searchPlaceholder')} aria-label={t('skus.maps.search')}
          data-testid="sku-maps-search" style={{ width: 340 }} />
        <Segmented size="large" value={kind} onChange={(v) => setKind(v as Kind)} data-testid="sku-maps-kind"
          options={(['all', 'platform_sku', 'outer_id', 'text'] as const).map((k) => ({ value: k, label: t(`skus.maps.kind.${k}`) }))} />
        <Typography.Text strong style={{ fontSize: 16 }}>{t('skus.maps.count')}<span data-testid="sku-maps-count" style={{ marginLeft: 6 }}>{shown.length}</span></Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('skus.maps.intro')}</Typography.Paragraph>
      <Table<SkuMapRow>
        rowKey="key"
        size="middle"
        loading={!maps}
        dataSource={shown}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('skus.maps.empty') }}
        onRow={(m) => ({ 'data-testid': 'sku-map-row', 'data-key': m.key } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'kind', title: t('skus.maps.kindTitle'), render: (_, m) => <Tag color={m.kind === 'text' ? 'gold' : 'blue'}>{t(`skus.maps.kind.${m.kind}`)}</Tag> },
          { key: 'value', title: t('skus.maps.value'), render: (_, m) => valueOf(m) },
          {
            key: 'sku', title: t('skus.maps.sku'), render: (_, m) => {
              const s = data.byCode.get(m.sku);
              return <span><Typography.Text strong>{m.sku}</Typography.Text> {s ? <Typography.Text type="secondary">{s.name}{s.spec ? ` · ${s.spec}` : ''}</Typography.Text> : <Tag color="error">{t('skus.maps.skuGone')}</Tag>}</span>;
            },
          },
          { key: 'units', title: t('skus.maps.units'), align: 'right', render: (_, m) => `×${m.units ?? 1}` },
          { key: 'by', title: t('skus.maps.by'), render: (_, m) => (m.by ? names.get(m.by) ?? m.by : '') },
          { key: 'at', title: t('skus.maps.at'), render: (_, m) => (m.at ? formatShanghai(m.at) : '') },
          ...(canManage ? [{
            key: 'actions', title: '', render: (_: unknown, m: SkuMapRow) => (
              <Popconfirm title={t('skus.maps.removeConfirm')} description={t('skus.maps.removeHint')} okText={t('skus.maps.remove')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove(m)}>
                <Button danger loading={removing === m.key} data-testid="sku-map-remove">{t('skus.maps.remove')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </div>
  );
}
