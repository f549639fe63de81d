// 打印队列: every job this station made, newest first — waiting ones retry by themselves (and
// at once with "Retry now"), any job can be previewed as the printer would print it, and a
// reprint asks why (the audit keeps the reason on the parcel's label event).
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { App, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShanghai } from '../../../shared/time';
import { describeTarget } from '../../../shared/domain/printing';
import type { WharfDB } from '../../store/db';
import type { PrintJobRow } from '../../store/floor/printJob';
import { cancelJob, pumpPrintQueue, reprintJob } from '../../store/floor/printQueue';
import { host } from '../../transport/client';
import { describeError } from '../../i18n';
import { notifyJournal, operatorContext } from '../operator';
import { bitmapDataUrl, jobBitmap } from './preview';

const COLOR = { queued: 'blue', waiting: 'orange', done: 'green', cancelled: 'default' } as const;

export function PrintQueue({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const jobs = useLiveQuery(() => db.printJobs.orderBy('at').reverse().limit(200).toArray(), [db]) ?? [];
  const [preview, setPreview] = useState<string>();
  const [reprint, setReprint] = useState<PrintJobRow>();
  const [reason, setReason] = useState('');

  const retry = async (job: PrintJobRow) => {
    try {
      const r = await pumpPrintQueue(db, host, operatorContext(), job.id);
      notifyJournal();
      if (r.failed.length) message.error(r.failed[0]!.error ?? '');
    } catch (e) { message.error(describeError(e, t).message); }
  };
  const show = (job: PrintJobRow) => {
    const b = jobBitmap(job.language, job.data);
    if (b) setPreview(bitmapDataUrl(b));
  };
  const doReprint = async () => {
    if (!reprint) return;
    try {
      const job = await reprintJob(db, operatorContext(), reprint.id, reason);
      setReprint(undefined);
      setReason('');
      await retry(job);
    } catch (e) { message.error(describeError(e, t).message); }
  };

  return (
    <div data-testid="print-queue">
      <Table
        size="middle" rowKey="id" dataSource={jobs} pagination={{ pageSize: 20 }} locale={{ emptyText: t('floor.queue.empty') }}
        columns={[
          { title: t('floor.queue.col.at'), dataIndex: 'at', render: (at: number) => formatShanghai(at).slice(5, 19) },
          { title: t('floor.queue.col.kind'), dataIndex: 'kind', render: (k: PrintJobRow['kind']) => t(`floor.queue.kind.${k}`) },
          { title: t('floor.queue.col.parcel'), render: (_: unknown, j: PrintJobRow) => `${j.carrier ?? ''} ${j.waybillNo ?? ''}${j.reason ? ` · ${j.reason}` : ''}` },
          { title: t('floor.queue.col.printer'), render: (_: unknown, j: PrintJobRow) => `${j.printer} (${describeTarget(j.target)})` },
          { title: t('floor.queue.col.state'), dataIndex: 'state', render: (s: PrintJobRow['state'], j: PrintJobRow) => <Tag color={COLOR[s]} data-testid={`job-state-${j.id}`}>{t(`floor.queue.state.${s}`)}</Tag> },
          { title: t('floor.queue.col.attempts'), dataIndex: 'attempts' },
          { title: t('floor.queue.col.error'), dataIndex: 'error', ellipsis: true },
          {
            title: '', render: (_: unknown, j: PrintJobRow) => (
              <Space>
                <Button size="small" onClick={() => show(j)} data-testid={`job-preview-${j.id}`}>{t('floor.queue.preview')}</Button>
                {(j.state === 'waiting' || j.state === 'queued') && <Button size="small" type="primary" onClick={() => void retry(j)}>{t('floor.queue.retry')}</Button>}
                {(j.state === 'waiting' || j.state === 'queued') && <Button size="small" onClick={() => void cancelJob(db, j.id)}>{t('floor.queue.cancel')}</Button>}
                {j.state === 'done' && <Button size="small" onClick={() => setReprint(j)} data-testid={`job-reprint-${j.id}`}>{t('floor.queue.reprint')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!preview} onCancel={() => setPreview(undefined)} footer={null} title={t('floor.queue.previewTitle')} width={520}>
        {preview && <img src={preview} alt={t('floor.queue.previewTitle')} data-testid="job-preview-image" style={{ width: '100%', border: '1px solid #ddd', imageRendering: 'pixelated' }} />}
      </Modal>
      <Modal open={!!reprint} onCancel={() => setReprint(undefined)} onOk={() => void doReprint()} okButtonProps={{ disabled: !reason.trim() }} title={t('floor.pack.reprint')}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('floor.pack.reprintReason')} aria-label={t('floor.pack.reprintReason')} data-testid="reprint-reason" />
      </Modal>
    </div>
  );
}
