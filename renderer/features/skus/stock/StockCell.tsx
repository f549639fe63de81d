// One SKU × warehouse: on-hand as an editable number (Enter saves it and moves down the column,
// as a person counting shelf by shelf works), with reserved and sellable beside it.
import { InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockFigures } from './stockMath';

interface Props {
  sku: string;
  warehouse: string;
  figures: StockFigures;
  draft?: number;
  editable: boolean;
  onDraft(value: number | undefined): void;
  onEnter(): void;
}

export function StockCell({ sku, warehouse, figures, draft, editable, onDraft, onEnter }: Props) {
  const { t } = useTranslation();
  const changed = draft !== undefined && draft !== figures.onHand;
  const sellable = (draft ?? figures.onHand) - figures.reserved - figures.frozen;
  return (
    <div data-testid="stock-cell" data-stock-cell={`${sku}|${warehouse}`} style={{ minWidth: 150 }}>
      {editable ? (
        <InputNumber
          min={0}
          max={9_999_999}
          precision={0}
          value={draft ?? figures.onHand}
          onChange={(v) => onDraft(v === null || v === figures.onHand ? undefined : Number(v))}
          onPressEnter={(e) => { e.preventDefault(); onEnter(); }}
          aria-label={t('skus.stock.cellLabel', { sku, warehouse })}
          data-testid="stock-on-hand"
          style={{ width: 120, fontVariantNumeric: 'tabular-nums', background: changed ? '#fffbe6' : undefined, borderColor: changed ? '#faad14' : undefined }}
        />
      ) : (
        <Typography.Text strong style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums' }} data-testid="stock-on-hand-text">{figures.onHand}</Typography.Text>
      )}
      <div style={{ fontSize: 12, color: '#666', fontVariantNumeric: 'tabular-nums' }} data-testid="stock-figures">
        {t('skus.stock.allocated')} {figures.reserved} · {t('skus.stock.sellable')}{' '}
        <Typography.Text type={sellable < 0 ? 'danger' : undefined} strong style={{ fontSize: 12 }}>{sellable}</Typography.Text>
        {changed && <Typography.Text type="warning" style={{ fontSize: 12 }}> · {t('skus.stock.was', { n: figures.onHand })}</Typography.Text>}
      </div>
    </div>
  );
}
