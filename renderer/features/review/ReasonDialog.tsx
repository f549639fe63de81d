// Hold or cancel orders with a reason (the next person reads it). Quick reasons are one tap for
// gloved hands; Enter submits. Cancelling names every order and says what it does not do.
import { useEffect, useRef, useState } from 'react';
import { Alert, Input, Modal, Space, Tag, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionError } from './useDeskAction';

export type ReasonMode = 'hold' | 'cancel';

interface Props {
  mode: ReasonMode;
  orderIds: readonly string[];
  initialReason?: string;
  busy: boolean;
  onSubmit(reason: string): Promise<ActionError | undefined>;
  onClose(): void;
}

const SHOW_IDS = 8;

export function ReasonDialog({ mode, orderIds, initialReason = '', busy, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(initialReason);
  const [error, setError] = useState<ActionError | string>();
  const input = useRef<InputRef>(null);
  useEffect(() => { const id = setTimeout(() => input.current?.focus({ cursor: 'end' }), 50); return () => clearTimeout(id); }, []);
  const presets = t(mode === 'hold' ? 'review.dialog.presetsHold' : 'review.dialog.presetsCancel').split('|');

  const submit = async () => {
    if (!reason.trim()) { setError(t('review.dialog.reasonRequired')); return; }
    const err = await onSubmit(reason.trim());
    if (err) setError(err); else onClose();
  };

  const ids = orderIds.slice(0, SHOW_IDS).join('、') + (orderIds.length > SHOW_IDS ? ` … (+${orderIds.length - SHOW_IDS})` : '');
  return (
    <Modal
      open
      title={t(mode === 'hold' ? 'review.dialog.holdTitle' : 'review.dialog.cancelTitle', { n: orderIds.length })}
      okText={t(mode === 'hold' ? 'review.dialog.confirmHold' : 'review.dialog.confirmCancel')}
      okButtonProps={{ danger: mode === 'cancel', loading: busy, 'data-testid': 'reason-ok' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <div data-testid={`reason-dialog-${mode}`}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <span data-testid="reason-orders">{t('review.dialog.orders', { ids })}</span>
        </Typography.Paragraph>
        {mode === 'cancel' && <Alert type="warning" showIcon title={t('review.dialog.cancelWarn')} style={{ marginBottom: 8 }} />}
        <Input
          ref={input}
          data-testid="reason-input"
          aria-label={t('review.dialog.reason')}
          placeholder={t(mode === 'hold' ? 'review.dialog.holdPlaceholder' : 'review.dialog.cancelPlaceholder')}
          value={reason}
          maxLength={200}
          onChange={(e) => { setReason(e.target.value); setError(undefined); }}
          onPressEnter={() => void submit()}
        />
        <Space wrap style={{ marginTop: 8 }}>
          {presets.map((p) => (
            <Tag.CheckableTag key={p} checked={reason === p} onChange={() => { setReason(p); setError(undefined); input.current?.focus(); }} style={{ fontSize: 14, padding: '4px 10px' }} data-testid="reason-preset">
              {p}
            </Tag.CheckableTag>
          ))}
        </Space>
        {error && (
          <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" data-testid="reason-error"
            title={typeof error === 'string' ? error : error.title} description={typeof error === 'string' ? undefined : error.message} />
        )}
      </div>
    </Modal>
  );
}
