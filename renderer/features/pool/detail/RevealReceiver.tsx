// Reveal the decrypted receiver: its own permission, a stated reason (the platform's decrypt
// scene), logged as an event — and shown only here, in component state, never stored.
import { useState } from 'react';
import { Alert, Button, Descriptions, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlainReceiver } from '../../../../shared/contract';
import { REVEAL_SCENES } from '../../../../shared/contract';
import type { OrderRow } from '../../../../shared/domain/types';
import { host } from '../../../transport/client';
import { getDb } from '../../../store/db';
import { getActor, mutateAsOperator, useCan } from '../../operator';

export function RevealReceiver({ order }: { order: OrderRow }) {
  const { t } = useTranslation();
  const allowed = useCan('receiver.reveal');
  const [scene, setScene] = useState<(typeof REVEAL_SCENES)[number]>('1006');
  const [plain, setPlain] = useState<PlainReceiver>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!allowed) return <Alert type="info" showIcon message={t('reveal.notAllowed')} />;
  if (!order.receiver.mergeKey) return <Alert type="info" showIcon message={t('reveal.noKey')} />;

  const reveal = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // logged first: even a refused decrypt is a recorded attempt
      await mutateAsOperator(getDb(), 'receiver.reveal', 'receiver.revealed', { shopId: order.shopId, orderId: order.orderId, scene }, order.key);
      setPlain(await host['orders.revealReceiver']({ actor: getActor(), shopId: order.shopId, orderId: order.orderId, mergeKey: order.receiver.mergeKey, scene }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (plain) {
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="revealed-receiver">
        <Descriptions size="small" column={2} bordered items={[
          { key: 'name', label: t('detail.receiverName'), children: plain.name },
          { key: 'mobile', label: t('detail.receiverPhone'), children: [plain.mobile, plain.phone].filter(Boolean).join(' / ') },
          { key: 'address', label: t('detail.address'), span: 2, children: [plain.province, plain.city, plain.district, plain.town, plain.address].filter(Boolean).join(' ') },
        ]} />
        <Button onClick={() => setPlain(undefined)}>{t('reveal.hide')}</Button>
      </Space>
    );
  }
  return (
    <Space wrap>
      <Select value={scene} onChange={setScene} style={{ minWidth: 220 }} options={REVEAL_SCENES.map((s) => ({ value: s, label: `${s} ${t(`reveal.scene.${s}`)}` }))} aria-label={t('reveal.scene.label')} />
      <Button onClick={() => void reveal()} loading={busy} data-testid="reveal-receiver">{t('reveal.button')}</Button>
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}
