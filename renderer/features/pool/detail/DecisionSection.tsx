// "Why is this order here?": the latest decision with every stage's reasons — which SKU each
// line became and why, the rules it hit with what was seen and the threshold, the duplicate or
// merge found, the warehouse chosen, its distance and the runner-up.
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderRow } from '../../../../shared/domain/types';
import type { LineDecision, RuleHit } from '../../../../shared/decide/types';
import { formatShanghai } from '../../../../shared/time';
import { holdLabel } from '../StatusTags';

const mono: React.CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

function compact(v: unknown): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

export function DecisionSection({ order, users, skuNames, warehouseNames }: {
  order: OrderRow;
  users: ReadonlyMap<string, { name: string }>;
  skuNames: ReadonlyMap<string, string>;
  warehouseNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const d = order.decision;
  const who = (id: string) => users.get(id)?.name ?? id;
  const extra = (
    <>
      {order.addressEdit && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('decisions.addressEdit', { who: who(order.addressEdit.by), at: formatShanghai(order.addressEdit.at), text: [order.addressEdit.province, order.addressEdit.city, order.addressEdit.district, order.addressEdit.detail].join(' ') })} />}
      {order.cancelled && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('decisions.cancelled', { who: who(order.cancelled.by), at: formatShanghai(order.cancelled.at), reason: order.cancelled.reason })} />}
    </>
  );
  if (!d) return <div data-testid="decision-section">{extra}<Typography.Text type="secondary">{t('decisions.none')}</Typography.Text></div>;
  const wh = (code: string) => warehouseNames.get(code) ?? code;
  const dist = (km?: number) => (km === undefined ? '' : t('decisions.distance', { km: Math.round(km) }));
  const a = d.allocation;
  return (
    <div data-testid="decision-section" data-outcome={d.outcome}>
      {extra}
      <Alert
        type={d.outcome === 'hold' ? 'warning' : d.outcome === 'pass' ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="decision-outcome"
        title={<strong>{t(`decisions.outcome.${d.outcome}`)}</strong>}
        description={
          <div>
            {d.reasons.map((r) => <div key={r}>{r}</div>)}
            <div style={{ color: '#8c8c8c', fontSize: 12 }}>{t('decisions.decidedAt', { trigger: t(`decisions.trigger.${d.trigger}`), at: formatShanghai(d.at), revision: d.revision })}</div>
          </div>
        }
      />
      <Typography.Text strong>{t('decisions.lines')}</Typography.Text>
      <Table<LineDecision>
        size="small" pagination={false} rowKey="lineId" dataSource={d.lines} style={{ marginBottom: 8 }} data-testid="decision-lines"
        columns={[
          { key: 'title', title: t('decisions.lineTitle'), width: 220, render: (_, l) => order.lines.find((x) => x.lineId === l.lineId)?.title ?? l.lineId },
          { key: 'sku', title: t('decisions.sku'), render: (_, l) => (l.sku ? <span><span style={mono} data-testid="decision-line-sku">{l.sku}</span> {skuNames.get(l.sku) ?? ''}</span> : <Tag color="red">{t('decisions.methods.none')}</Tag>) },
          { key: 'method', title: t('decisions.method'), render: (_, l) => t(`decisions.methods.${l.method}`) },
          { key: 'confidence', title: t('decisions.confidence'), align: 'right', render: (_, l) => l.confidence.toFixed(2) },
          {
            key: 'reason', title: t('decisions.reason'), render: (_, l) => (
              <div>
                <div>{l.reason}</div>
                {l.components.length > 0 && (l.components.length > 1 || l.components[0]!.sku !== l.sku) && <div style={{ fontSize: 12 }}>{t('decisions.components', { list: l.components.map((c) => `${c.sku}×${c.qty}`).join(', ') })}</div>}
                {!l.sku && l.suggestions.length > 0 && <div style={{ fontSize: 12 }}>{t('decisions.suggestions')}: {l.suggestions.slice(0, 3).map((s) => `${s.sku} ${s.score.toFixed(2)}`).join(' · ')}</div>}
              </div>
            ),
          },
        ]}
      />
      <Typography.Text strong>{t('decisions.hits')}</Typography.Text>
      {d.hits.length === 0 ? <div><Typography.Text type="secondary">{t('decisions.noHits')}</Typography.Text></div> : (
        <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }} data-testid="decision-hits">
          {d.hits.map((h: RuleHit) => (
            <li key={h.rule} data-rule={h.rule}>
              <Tag color={h.action === 'hold' ? 'volcano' : 'gold'}>{h.rule} {holdLabel(t, h.rule)} · {t(`decisions.action.${h.action}`)}</Tag>
              <span>{h.message}</span>
              {h.threshold !== undefined && <span style={{ color: '#8c8c8c', fontSize: 12 }}> · {t('decisions.threshold')} <span style={mono}>{compact(h.threshold)}</span></span>}
            </li>
          ))}
        </ul>
      )}
      {d.duplicate && <Alert type="error" showIcon style={{ marginBottom: 8 }} data-testid="decision-duplicate" title={t('decisions.duplicate', { of: d.duplicate.of, by: d.duplicate.matchedBy.join('；'), hours: d.duplicate.hoursApart })} />}
      {order.mergedInto ? <Alert type="success" showIcon style={{ marginBottom: 8 }} title={t('decisions.merged', { parcel: order.mergedInto })} />
        : d.mergeWith.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="decision-merge" title={t('decisions.mergeWith', { keys: d.mergeWith.join(', ') })} />}
      {a && (
        <Descriptions size="small" column={1} bordered data-testid="decision-allocation" items={[
          {
            key: 'parts', label: `${t('decisions.allocation')} · ${t(`decisions.policy.${a.policy}`, { defaultValue: a.policy })} · ${d.allocation?.committed ? t('decisions.committed') : t('decisions.notCommitted')}`,
            children: (
              <div>
                {a.parts.map((p) => (
                  <div key={p.warehouse} data-testid="decision-warehouse" data-warehouse={p.warehouse}>
                    <strong>{t('decisions.part', { warehouse: wh(p.warehouse), distance: dist(p.distanceKm), lines: p.lineIds.length })}</strong>
                    <div style={{ fontSize: 12 }}>{p.reasons.join('；')}</div>
                  </div>
                ))}
                {a.runnerUp && <div style={{ fontSize: 12, marginTop: 4 }}>{t('decisions.runnerUp', { warehouse: wh(a.runnerUp.warehouse), distance: dist(a.runnerUp.distanceKm), reasons: a.runnerUp.reasons.join('；') })}</div>}
                {a.short.map((s) => <div key={s.lineId} style={{ color: '#cf1322' }}>{t('decisions.short', { sku: s.sku || s.lineId, need: s.need })}{s.best ? ` (${wh(s.best.warehouse)} ${s.best.sellable})` : ''}</div>)}
                {a.reasons.length > 0 && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{a.reasons.join('；')}</div>}
              </div>
            ),
          },
        ]} />
      )}
    </div>
  );
}
