// Changes this PC sends to the platform for one order: "mark shipped" (tracking upload) and the
// seller memo / flag. Each goes through the outbox, so it survives a lost network or a restart
// and reaches the platform once; its state (sending, confirmed, refused with the reason) shows here.
import { useEffect, useState, type MutableRefObject } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../../shared/domain/types';
import { CARRIER_CODES, type OrderPlatformCall, type WriteBack } from '../../../../shared/domain/writeBack';
import { formatShanghai } from '../../../../shared/time';
import { getDb } from '../../../store/db';
import { requestWriteBack, retryWriteBack } from '../../../store/outbox';
import { outboxNotifier } from '../../../store/hostSync';
import { host } from '../../../transport/client';
import { notifyJournal, operatorContext, useCan } from '../../operator';
import { FlagMark } from '../FlagMark';

const SHIPPABLE = new Set(['paid', 'partially_shipped']);

function summary(call: OrderPlatformCall, t: (k: string, o?: Record<string, unknown>) => string): string {
  return call.op === 'ship' ? t('writeBack.shipSummary', { carrier: t(`carrier.${call.carrierCode}`), no: call.trackingNo }) : t('writeBack.memoSummary', { memo: call.memo || t('detail.none') });
}

export function WriteBacks({ order, dialogOpen }: { order: OrderRow; dialogOpen?: MutableRefObject<boolean> }) {
  const { t } = useTranslation();
  const canShip = useCan('floor.ship');
  const canMemo = useCan('orders.review');
  const [open, setOpen] = useState<'ship' | 'memo'>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [shipForm] = Form.useForm<{ carrierCode: string; trackingNo: string }>();
  const [memoForm] = Form.useForm<{ memo: string; flag: number }>();
  const db = getDb();
  // the detail's Escape leaves an open dialog to close itself
  useEffect(() => {
    if (!dialogOpen) return;
    dialogOpen.current = !!open;
    return () => { dialogOpen.current = false; };
  }, [open, dialogOpen]);

  const send = async (call: OrderPlatformCall) => {
    setBusy(true);
    setError(undefined);
    try {
      await requestWriteBack(db, operatorContext(), order.key, call);
      notifyJournal();
      outboxNotifier(db, host)();
      setOpen(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const openMemo = () => {
    memoForm.setFieldsValue({ memo: order.sellerMemo, flag: order.sellerFlag });
    setError(undefined);
    setOpen('memo');
  };
  const shipping = order.writeBacks?.some((w) => w.call.op === 'ship' && w.state === 'pending');
  const stateTag = (w: WriteBack) => (w.state === 'done' ? <Tag color="success">✓ {t('writeBack.done')}</Tag>
    : w.state === 'failed' ? <Tag color="error">✗ {t('writeBack.failed')}</Tag> : <Tag color="processing">{t('writeBack.pending', { n: w.attempts })}</Tag>);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="write-backs">
      <Space wrap>
        <Button data-testid="mark-shipped" disabled={!canShip || shipping || !SHIPPABLE.has(order.channelStatus)} title={canShip ? undefined : t('writeBack.noShip')}
          onClick={() => { shipForm.resetFields(); setError(undefined); setOpen('ship'); }}>
          {t('writeBack.markShipped')}
        </Button>
        <Button data-testid="edit-memo" disabled={!canMemo} title={canMemo ? undefined : t('writeBack.noMemo')} onClick={openMemo}>{t('writeBack.editMemo')}</Button>
      </Space>
      {!!order.writeBacks?.length && (
        <Table<WriteBack>
          size="small" pagination={false} rowKey="id" dataSource={[...order.writeBacks].reverse()}
          onRow={(w) => ({ 'data-testid': 'write-back-row', 'data-state': w.state } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { key: 'what', title: t('writeBack.what'), render: (_, w) => summary(w.call, t) },
            { key: 'at', title: t('writeBack.at'), render: (_, w) => formatShanghai(w.doneAt ?? w.requestedAt) },
            { key: 'state', title: t('writeBack.state'), render: (_, w) => <div>{stateTag(w)}{w.error && <div style={{ fontSize: 12, color: '#cf1322', maxWidth: 360 }}>{w.error}</div>}</div> },
            { key: 'retry', title: '', render: (_, w) => (w.state === 'failed' ? <Button size="small" onClick={() => void retryWriteBack(db, w.id, Date.now()).then(() => outboxNotifier(db, host)())}>{t('writeBack.retry')}</Button> : null) },
          ]}
        />
      )}
      <Modal open={open === 'ship'} title={t('writeBack.markShipped')} onCancel={() => setOpen(undefined)} confirmLoading={busy} okButtonProps={{ 'data-testid': 'ship-submit' } as never}
        onOk={() => void shipForm.validateFields().then((v) => send({ op: 'ship', orderId: order.orderId, carrierCode: v.carrierCode, trackingNo: v.trackingNo.trim() }), () => undefined)}>
        <Form form={shipForm} layout="vertical" size="large">
          <Form.Item name="carrierCode" label={t('writeBack.carrier')} rules={[{ required: true, message: t('writeBack.carrierRule') }]}>
            <Select data-testid="ship-carrier" options={CARRIER_CODES.map((c) => ({ value: c, label: t(`carrier.${c}`) }))} />
          </Form.Item>
          <Form.Item name="trackingNo" label={t('writeBack.trackingNo')} rules={[{ required: true, pattern: /^[A-Za-z0-9-]{6,40}$/, message: t('writeBack.trackingRule') }]}>
            <Input data-testid="ship-tracking" spellCheck={false} autoComplete="off" />
          </Form.Item>
        </Form>
        <Alert type="info" showIcon title={t('writeBack.shipHint')} />
        {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} role="alert" />}
      </Modal>
      <Modal open={open === 'memo'} title={t('writeBack.editMemo')} onCancel={() => setOpen(undefined)} confirmLoading={busy} okButtonProps={{ 'data-testid': 'memo-submit' } as never}
        onOk={() => void memoForm.validateFields().then((v) => send({ op: 'memo', orderId: order.orderId, memo: v.memo ?? '', flag: v.flag }), () => undefined)}>
        <Form form={memoForm} layout="vertical" size="large">
          <Form.Item name="memo" label={t('detail.sellerMemo')} rules={[{ max: 500 }]}>
            <Input.TextArea data-testid="memo-text" rows={3} showCount maxLength={500} />
          </Form.Item>
          <Form.Item name="flag" label={t('detail.flag')}>
            <Select data-testid="memo-flag" options={[0, 1, 2, 3, 4, 5].map((f) => ({ value: f, label: <FlagMark flag={f} t={t} showNone /> }))} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Modal>
    </Space>
  );
}
