// The journal replay offer, with a progress bar while it runs.
import { Alert, Button, Card, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { host } from '../../transport/client';
import { describeError } from '../../i18n';
import { mutateAsOperator, useCan } from '../operator';
import { replayJournal, useJournalReplay } from './journalReplay';

export function JournalCard({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const state = useJournalReplay((s) => s.state);
  const canReplay = useCan('journal.replay');

  const run = async () => {
    try {
      const applied = await replayJournal(db, host);
      await mutateAsOperator(db, 'journal.replay', 'journal.replayed', { events: applied });
    } catch (err) {
      console.error('[wharf] journal replay', err);
    }
  };

  if (state.phase === 'unknown' || state.phase === 'none') {
    return (
      <Card title={t('settings.journal.title')} size="small">
        <Typography.Text type="secondary">{state.phase === 'none' ? t('settings.journal.notNeeded') : t('settings.journal.checking')}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card title={t('settings.journal.title')} size="small" data-testid="journal-replay">
      {state.phase === 'offer' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('settings.journal.offer', { total: state.total })} description={t('settings.journal.offerHint')} />
          <Button type="primary" size="large" disabled={!canReplay} onClick={() => void run()} data-testid="journal-replay-start">
            {t('settings.journal.replay')}
          </Button>
          {!canReplay && <Typography.Text type="secondary">{t('settings.journal.noPermission')}</Typography.Text>}
        </Space>
      )}
      {state.phase === 'running' && (
        <div>
          <Progress percent={state.total ? Math.floor((state.done / state.total) * 100) : 0} status="active" />
          <Typography.Text>{t('settings.journal.progress', { done: state.done, total: state.total })}</Typography.Text>
        </div>
      )}
      {state.phase === 'done' && <Alert type="success" showIcon title={t('settings.journal.done', { read: state.read, applied: state.applied })} />}
      {state.phase === 'error' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon title={describeError(state.error, t).title} description={describeError(state.error, t).message} />
          <Button size="large" disabled={!canReplay} onClick={() => void run()}>{t('settings.journal.retry')}</Button>
        </Space>
      )}
    </Card>
  );
}
