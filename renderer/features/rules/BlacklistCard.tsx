// The blacklist rule r7 reads: add an entry (its kind says what the value must look like), see who
// added what and why, remove one. Each change is an event through the mutators.
import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Input, Popconfirm, Radio, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { BLACKLIST_KINDS } from '../../../shared/domain/types';
import { formatShanghai } from '../../../shared/time';
import type { BlacklistRow, WharfDB } from '../../store/db';
import { addBlacklist, removeBlacklist } from '../../store/decisionMutators';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';
import { normalizeBlacklistValue, type BlacklistKind } from './blacklistValue';

export function BlacklistCard({ db, canEdit }: { db: WharfDB; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rows = useLiveQuery(() => db.blacklist.toArray(), [db]) ?? [];
  const users = useLiveQuery(() => db.users.toArray(), [db]) ?? [];
  const [kind, setKind] = useState<BlacklistKind>('receiver');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const who = (id: string) => users.find((u) => u.id === id)?.name ?? id;

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      notifyJournal();
      void message.success(done);
      return true;
    } catch (e) {
      const d = describeError(e, t);
      setError([d.message, ...d.issues.map((i) => `${i.path}: ${i.message}`)].join(' · '));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const v = normalizeBlacklistValue(kind, value);
    if (!v) { setError(t(`rules.blacklist.bad.${kind}`)); return; }
    setError(undefined);
    if (await run(() => addBlacklist(db, operatorContext(), { kind, value: v, note: note.trim() }), t('rules.blacklist.added'))) { setValue(''); setNote(''); }
  };

  const sorted = [...rows].sort((a, b) => b.at - a.at);
  return (
    <Card title={t('rules.blacklist.title')} data-testid="blacklist-card">
      <Typography.Paragraph type="secondary">{t('rules.blacklist.intro')}</Typography.Paragraph>
      {canEdit && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Radio.Group value={kind} optionType="button" buttonStyle="solid" size="large" onChange={(e) => { setKind(e.target.value as BlacklistKind); setError(undefined); }} data-testid="blacklist-kind">
            {BLACKLIST_KINDS.map((k) => <Radio.Button key={k} value={k} data-testid={`blacklist-kind-${k}`}>{t(`rules.blacklist.kind.${k}`)}</Radio.Button>)}
          </Radio.Group>
          <Typography.Text type="secondary" data-testid="blacklist-hint">{t(`rules.blacklist.kindHint.${kind}`)}</Typography.Text>
          <Space wrap>
            <Input size="large" style={{ width: 280 }} value={value} placeholder={t('rules.blacklist.value')} aria-label={t('rules.blacklist.value')} data-testid="blacklist-value"
              status={error ? 'error' : undefined} onChange={(e) => setValue(e.target.value)} onPressEnter={() => void add()} />
            <Input size="large" style={{ width: 320 }} value={note} placeholder={t('rules.blacklist.notePlaceholder')} aria-label={t('rules.blacklist.note')} data-testid="blacklist-note"
              onChange={(e) => setNote(e.target.value)} onPressEnter={() => void add()} />
            <Button size="large" type="primary" loading={busy} disabled={!value.trim()} onClick={() => void add()} data-testid="blacklist-add">{t('rules.blacklist.add')}</Button>
          </Space>
          {error && <Typography.Text type="danger" role="alert" data-testid="blacklist-error">{error}</Typography.Text>}
        </Space>
      )}
      <Table<BlacklistRow> size="small" rowKey="id" dataSource={sorted} pagination={sorted.length > 20 ? { pageSize: 20 } : false} data-testid="blacklist-rows"
        locale={{ emptyText: t('rules.blacklist.empty') }}
        onRow={(r) => ({ 'data-testid': 'blacklist-row', 'data-id': r.id } as HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'kind', title: '', width: 110, render: (_, r) => <Tag>{t(`rules.blacklist.kind.${r.kind}`)}</Tag> },
          { key: 'value', title: t('rules.blacklist.value'), render: (_, r) => <Typography.Text strong data-testid="blacklist-row-value">{r.value}</Typography.Text> },
          { key: 'note', title: t('rules.blacklist.note'), dataIndex: 'note' },
          { key: 'by', title: t('rules.blacklist.by'), width: 110, render: (_, r) => who(r.by) },
          { key: 'at', title: t('rules.blacklist.at'), width: 170, render: (_, r) => formatShanghai(r.at) },
          {
            key: 'act', title: '', width: 100,
            render: (_, r) => canEdit && (
              <Popconfirm title={t('rules.blacklist.removeConfirm', { value: r.value })} okButtonProps={{ 'data-testid': 'blacklist-remove-confirm' } as ButtonProps}
                onConfirm={() => run(() => removeBlacklist(db, operatorContext(), r.id), t('rules.blacklist.removed'))}>
                <Button danger data-testid="blacklist-remove">{t('rules.blacklist.remove')}</Button>
              </Popconfirm>
            ),
          },
        ]} />
    </Card>
  );
}
