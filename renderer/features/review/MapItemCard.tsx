// One platform item waiting for a SKU: its title and spec, where it sells, how many orders wait,
// the matcher's suggestions (1–5) with why, any other SKU by search, and how many SKU units one
// platform item is. Confirming remembers the link and re-decides every waiting order.
import { Button, InputNumber, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ShopPublic, Sku } from '../../../shared/domain/types';
import type { WaitingItem } from './mapItems';
import { unitsHint } from './mapItems';
import { yuan } from './orderText';
import { SkuPicker, skuLabel } from './SkuPicker';

export interface ItemPick { sku?: string; units: number }

interface Props {
  item: WaitingItem;
  index: number;
  active: boolean;
  pick: ItemPick;
  skus: ReadonlyMap<string, Sku>;
  shops: ReadonlyMap<string, ShopPublic>;
  allowed: boolean;
  busy: boolean;
  onActivate(index: number): void;
  onPick(itemKey: string, pick: ItemPick): void;
  onConfirm(item: WaitingItem): void;
  t: TFunction;
}

export function MapItemCard({ item, index, active, pick, skus, shops, allowed, busy, onActivate, onPick, onConfirm, t }: Props) {
  const hint = unitsHint(`${item.title} ${item.skuText}`);
  const chosen = pick.sku ? skus.get(pick.sku) : undefined;
  return (
    <div
      data-testid="map-item"
      data-item-key={item.itemKey}
      data-index={index}
      aria-current={active || undefined}
      tabIndex={active ? 0 : -1}
      onClick={() => onActivate(index)}
      style={{ border: `1px solid ${active ? '#1677ff' : '#f0f0f0'}`, boxShadow: active ? 'inset 4px 0 0 #1677ff' : undefined, borderRadius: 6, background: '#fff', padding: '10px 14px', marginBottom: 8, outline: 'none' }}
    >
      <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="map-title">{item.title}</Typography.Text>
        {item.skuText && <Typography.Text type="secondary">{t('review.order.spec')} {item.skuText}</Typography.Text>}
        <Tag color="orange" data-testid="map-waiting">{t('review.map.waiting', { n: item.orderKeys.length })}</Tag>
        <Typography.Text type="secondary">
          {t(`platform.${item.platform}`)} · {item.shopIds.map((id) => shops.get(id)?.name ?? id).join('、')}
          {item.priceFen ? ` · ${t('review.map.price', { price: yuan(item.priceFen) })}` : ''}
        </Typography.Text>
      </div>
      <div style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('review.map.suggestions')}</Typography.Text>
        {!item.suggestions.length && <div><Typography.Text type="secondary">{t('review.map.noSuggestions')}</Typography.Text></div>}
        {item.suggestions.map((s, i) => {
          const sku = skus.get(s.sku);
          const on = pick.sku === s.sku;
          return (
            <button key={s.sku} type="button" data-testid="map-suggestion" data-sku={s.sku} aria-pressed={on}
              onClick={(e) => { e.stopPropagation(); onActivate(index); onPick(item.itemKey, { ...pick, sku: s.sku }); }}
              style={{ display: 'flex', gap: 10, width: '100%', textAlign: 'left', alignItems: 'baseline', padding: '6px 8px', margin: '4px 0', minHeight: 40, cursor: 'pointer', borderRadius: 4, border: `1px solid ${on ? '#1677ff' : '#e8e8e8'}`, background: on ? '#e6f4ff' : '#fafafa', fontSize: 14 }}>
              <b style={{ minWidth: 18 }}>{i + 1}</b>
              <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{s.sku}</span>
              <span>{sku ? `${sku.name}${sku.spec ? ` ${sku.spec}` : ''}` : ''}</span>
              <Tag>{t('review.map.score', { score: s.score.toFixed(2) })}</Tag>
              <span style={{ color: '#8c8c8c', fontSize: 12 }}>{s.why.join(' · ')}</span>
            </button>
          );
        })}
      </div>
      {allowed && (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
          {active ? <SkuPicker skus={skus} value={pick.sku} onChange={(sku) => onPick(item.itemKey, { ...pick, sku })} onEnter={() => onConfirm(item)} />
            : <Button onClick={() => onActivate(index)}>{t('review.map.pickOther')}</Button>}
          <Space>
            <span>{t('review.map.units')}</span>
            <InputNumber data-testid="map-units" aria-label={t('review.map.units')} min={1} max={999} precision={0} value={pick.units}
              onChange={(v) => onPick(item.itemKey, { ...pick, units: typeof v === 'number' && v >= 1 ? v : 1 })} onFocus={() => onActivate(index)} onPressEnter={() => onConfirm(item)} style={{ width: 90 }} />
            <span>{t('review.map.unitsSuffix')}</span>
            {hint > 1 && pick.units !== hint && <Button size="small" title={t('review.map.unitsHint')} onClick={() => onPick(item.itemKey, { ...pick, units: hint })} data-testid="map-units-hint">= {hint}</Button>}
          </Space>
          <Typography.Text type={chosen ? undefined : 'secondary'} data-testid="map-picked">
            {chosen ? t('review.map.picked', { code: chosen.code, name: chosen.name }) : pick.sku ? skuLabel({ code: pick.sku, name: '', spec: '' }) : t('review.map.pickFirst')}
          </Typography.Text>
          <Button type="primary" size="large" disabled={!pick.sku || busy} loading={busy && active} onClick={() => onConfirm(item)} data-testid="map-confirm">{t('review.map.confirm')}</Button>
        </div>
      )}
    </div>
  );
}
