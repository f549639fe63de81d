// Settings → status tables: how each platform's own status fields become Wharf's channel status
// (platforms.md §9), as rows tried top to bottom. Editable for a status the shipped table does
// not know yet (an order with one waits in quarantine until a row covers it); resettable.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatusTableView } from '../../../shared/contract';
import { CHANNEL_STATUSES, PLATFORMS, type ChannelStatus, type Platform } from '../../../shared/domain/types';
import { host } from '../../transport/client';
import { describeError } from '../../i18n';
import { getActor, useCan } from '../operator';
import { formatWhen, parseWhen } from './statusRowText';

interface EditRow { key: number; when: string; channelStatus: ChannelStatus; hold: string }

const toEdit = (v: StatusTableView): EditRow[] => v.rows.map((r, i) => ({ key: i, when: formatWhen(r.when), channelStatus: r.channelStatus, hold: r.hold ?? '' }));

export function StatusTablesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCan('settings.manage');
  const [platform, setPlatform] = useState<Platform>('pdd');
  const [views, setViews] = useState<StatusTableView[]>();
  const [rows, setRows] = useState<EditRow[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const view = views?.find((v) => v.platform === platform);

  useEffect(() => { host['statusTables.list']({}).then(setViews, (e: unknown) => setError(describeError(e, t).message)); }, [t]);
  useEffect(() => { if (view) { setRows(toEdit(view)); setError(undefined); } }, [view]);

  const patch = (key: number, p: Partial<EditRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const move = (i: number, d: -1 | 1) => setRows((rs) => { const n = [...rs]; const [r] = n.splice(i, 1); n.splice(i + d, 0, r!); return n; });
  const store = (v: StatusTableView) => setViews((vs) => vs?.map((x) => (x.platform === v.platform ? v : x)));

  const save = async (reset = false) => {
    setError(undefined);
    let parsed;
    try {
      parsed = reset ? null : rows.map((r, i) => {
        try { return { when: parseWhen(r.when), channelStatus: r.channelStatus, ...(r.hold.trim() ? { hold: r.hold.trim() } : {}) }; } catch (e) { throw new Error(t('statusTables.rowError', { n: i + 1, why: (e as Error).message })); }
      });
    } catch (e) { setError((e as Error).message); return; }
    setBusy(true);
    try {
      store(await host['statusTables.save']({ actor: getActor(), platform, rows: parsed }));
      void message.success(t(reset ? 'statusTables.resetDone' : 'statusTables.saved', { platform: t(`platform.${platform}`) }));
    } catch (e) {
      const d = describeError(e, t);
      setError([d.message, ...d.issues.map((i) => `${i.path}: ${i.message}`)].join(' · '));
    } finally { setBusy(false); }
  };

  return (
    <Card title={t('statusTables.title')} data-testid="status-tables-card">
      <Typography.Paragraph type="secondary">{t('statusTables.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select value={platform} onChange={setPlatform} style={{ minWidth: 160 }} data-testid="status-tables-platform" options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))} />
        {view?.edited ? <Tag color="orange">{t('statusTables.edited')}</Tag> : <Tag>{t('statusTables.shipped')}</Tag>}
        {view && <Typography.Text type="secondary">{t('statusTables.fields', { fields: view.fields.join(', ') })}</Typography.Text>}
      </Space>
      <Table<EditRow> size="small" pagination={false} rowKey="key" dataSource={rows} data-testid="status-table-rows"
        columns={[
          { key: 'n', title: '#', width: 40, render: (_, __, i) => i + 1 },
          { key: 'when', title: t('statusTables.when'), render: (_, r) => <Input value={r.when} disabled={!canEdit} spellCheck={false} onChange={(e) => patch(r.key, { when: e.target.value })} style={{ fontFamily: 'ui-monospace, monospace' }} /> },
          { key: 'status', title: t('statusTables.channel'), width: 150, render: (_, r) => <Select value={r.channelStatus} disabled={!canEdit} style={{ width: 140 }} onChange={(v: ChannelStatus) => patch(r.key, { channelStatus: v })} options={CHANNEL_STATUSES.map((c) => ({ value: c, label: t(`channel.${c}`) }))} /> },
          { key: 'hold', title: t('statusTables.hold'), width: 200, render: (_, r) => <Input value={r.hold} disabled={!canEdit} placeholder="—" onChange={(e) => patch(r.key, { hold: e.target.value })} /> },
          { key: 'act', title: '', width: 150, render: (_, r, i) => canEdit && (
            <Space size={4}>
              <Button size="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('statusTables.up')}>↑</Button>
              <Button size="small" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={t('statusTables.down')}>↓</Button>
              <Button size="small" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>{t('statusTables.remove')}</Button>
            </Space>
          ) },
        ]} />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={error} data-testid="status-tables-error" />}
      {canEdit ? (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setRows((rs) => [...rs, { key: Math.max(0, ...rs.map((r) => r.key)) + 1, when: '', channelStatus: 'paid', hold: '' }])}>{t('statusTables.add')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="status-tables-save">{t('common.save')}</Button>
          <Button disabled={!view?.edited} onClick={() => void save(true)}>{t('statusTables.reset')}</Button>
        </Space>
      ) : <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('statusTables.readOnly')} />}
    </Card>
  );
}
