// 批量调整: the selected SKUs in one warehouse set to a quantity, or raised / lowered by one,
// with the reason every stock change carries. One setStock call, so it is one event.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Input, InputNumber, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnHand, Sku, Warehouse } from '../../../../shared/domain/types';
import type { StockRow } from '../../../store/db';
import { figuresOf, stockKey } from './stockMath';

export type BulkMode = 'set' | 'add' | 'subtract';

interface Props {
  open: boolean;
  skus: readonly Sku[];
  warehouses: readonly Warehouse[];
  stockByKey: ReadonlyMap<string, StockRow>;
  reason: string;
  busy: boolean;
  onCancel(): void;
  onSave(rows: OnHand[], reason: string): void;
}

export function BulkStockModal({ open, skus, warehouses, stockByKey, reason: initialReason, busy, onCancel, onSave }: Props) {
  const { t } = useTranslation();
  const [warehouse, setWarehouse] = useState<string>();
  const [mode, setMode] = useState<BulkMode>('set');
  const [qty, setQty] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (!open) return;
    setWarehouse((w) => w ?? warehouses.find((x) => x.active !== false)?.code ?? warehouses[0]?.code);
    setReason(initialReason);
    setTried(false);
  }, [open, initialReason, warehouses]);

  const preview = useMemo(() => skus.map((s) => {
    const now = warehouse ? figuresOf(stockByKey.get(stockKey(s.code, warehouse))) : figuresOf(undefined);
    const n = qty ?? 0;
    const next = mode === 'set' ? n : mode === 'add' ? now.onHand + n : now.onHand - n;
    return { code: s.code, name: s.name, now, next };
  }), [skus, warehouse, stockByKey, mode, qty]);
  const negative = preview.filter((p) => p.next < 0);
  const belowAllocated = preview.filter((p) => p.next >= 0 && p.next < p.now.reserved);
  const reasonMissing = !reason.trim();

  const submit = () => {
    setTried(true);
    if (!warehouse || qty === null || reasonMissing || negative.length || !preview.length) return;
    onSave(preview.map((p) => ({ sku: p.code, warehouse, qty: p.next })), reason.trim());
  };

  return (
    <Modal
      open={open}
      title={t('skus.stock.bulkTitle', { n: skus.length })}
      onCancel={onCancel}
      onOk={submit}
      okText={t('skus.stock.bulkApply', { n: preview.length })}
      okButtonProps={{ size: 'large', loading: busy, disabled: !preview.length, 'data-testid': 'stock-bulk-apply' }}
      cancelButtonProps={{ size: 'large' }}
      cancelText={t('common.cancel')}
      width={720}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="stock-bulk">
        <Space wrap>
          <Select size="large" style={{ minWidth: 200 }} value={warehouse} onChange={setWarehouse} aria-label={t('skus.stock.warehouse')} data-testid="stock-bulk-warehouse"
            options={warehouses.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))} />
          <Radio.Group size="large" value={mode} onChange={(e) => setMode(e.target.value as BulkMode)} optionType="button" data-testid="stock-bulk-mode"
            options={(['set', 'add', 'subtract'] as const).map((m) => ({ value: m, label: t(`skus.stock.mode.${m}`) }))} />
          <InputNumber size="large" min={0} max={9_999_999} precision={0} value={qty} onChange={(v) => setQty(v === null ? null : Number(v))} aria-label={t('skus.stock.qty')}
            status={tried && qty === null ? 'error' : undefined} data-testid="stock-bulk-qty" style={{ width: 140 }} />
        </Space>
        <Input size="large" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('skus.stock.reasonPlaceholder')} aria-label={t('skus.stock.reason')}
          status={tried && reasonMissing ? 'error' : undefined} data-testid="stock-bulk-reason" onPressEnter={submit} />
        {tried && reasonMissing && <Typography.Text type="danger" data-testid="stock-bulk-reason-error">{t('skus.stock.reasonRequired')}</Typography.Text>}
        {negative.length > 0 && <Alert type="error" showIcon title={t('skus.stock.negative', { codes: negative.map((p) => p.code).join('、') })} />}
        {belowAllocated.length > 0 && <Alert type="warning" showIcon title={t('skus.stock.belowAllocated', { codes: belowAllocated.map((p) => p.code).join('、') })} />}
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          scroll={{ y: 280 }}
          dataSource={preview}
          columns={[
            { key: 'code', title: t('skus.field.code'), dataIndex: 'code' },
            { key: 'name', title: t('skus.field.name'), dataIndex: 'name' },
            { key: 'now', title: t('skus.stock.now'), align: 'right', render: (_, p) => p.now.onHand },
            { key: 'next', title: t('skus.stock.next'), align: 'right', render: (_, p) => <Typography.Text strong type={p.next < 0 ? 'danger' : undefined}>{p.next}</Typography.Text> },
            { key: 'allocated', title: t('skus.stock.allocated'), align: 'right', render: (_, p) => p.now.reserved },
          ]}
        />
      </Space>
    </Modal>
  );
}
