// 验货打包: the pack bench. Scan the order (or its pick slot / waybill), then every unit. The
// answer fills the top of the screen in large text with a symbol and a word — colour is never
// the only signal — in an aria-live region, and plays its tone. Keyboard only: F8 confirms a
// wrong item was taken out, Esc leaves the order; gloves need nothing smaller than a big button.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Input, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WharfDB } from '../../store/db';
import { host } from '../../transport/client';
import { notifyJournal, operatorContext } from '../operator';
import { useScans, useSound } from '../scan';
import { packProgress } from '../../../shared/floor';
import { abandonPack, confirmRemoved, skuLookup, stationScan, usePackStation, type StationDeps, type StationVerdict } from './packStation';
import { stationLabelPrinter } from './station';
import { useAppState } from '../../app/appState';

const LOOK: Record<StationVerdict['sound'], { bg: string; border: string; symbol: string; word: string }> = {
  ok: { bg: '#f6ffed', border: '#52c41a', symbol: '✓', word: 'OK' },
  done: { bg: '#e6f4ff', border: '#1677ff', symbol: '★', word: 'DONE' },
  prompt: { bg: '#fffbe6', border: '#faad14', symbol: '▶', word: 'NEXT' },
  error: { bg: '#fff1f0', border: '#ff4d4f', symbol: '✗', word: 'ERROR' },
  alarm: { bg: '#a8071a', border: '#5c0011', symbol: '⚠', word: 'STOP' },
};

function VerdictText({ v }: { v: StationVerdict }) {
  const { t } = useTranslation();
  const values: Record<string, string | number> = { ...v.values };
  if (v.key === 'intercepted' && typeof values.why === 'string') values.why = t(`floor.pack.intercept.${values.why}`, { defaultValue: values.why });
  if (v.key === 'wrong_batch' && Array.isArray(values.expected)) values.expected = (values.expected as string[]).join('、');
  const key = v.key.startsWith('label.') ? `floor.pack.${v.key}` : `floor.pack.verdict.${v.key}`;
  return <>{t(key, values)}</>;
}

export function PackStation({ db }: { db: WharfDB }) {
  const { t } = useTranslation();
  const skus = useLiveQuery(() => db.skus.toArray(), [db]);
  const lookup = useMemo(() => skuLookup(skus ?? []), [skus]);
  const st = usePackStation();
  const soundOk = useSound((s) => s.on && s.playable);
  const [typed, setTyped] = useState('');
  const deps = useRef<StationDeps>(undefined as unknown as StationDeps);
  deps.current = { db, host, ctx: () => operatorContext(), printer: () => stationLabelPrinter(useAppState.getState().info?.demo.printer), lookup };

  const scan = async (code: string) => {
    await stationScan(deps.current, code);
    notifyJournal();
  };
  // the screen answers every scan itself (large text + tone); the corner popup stays quiet
  useScans(async (code) => { await scan(code); return { kind: 'ok', shown: true, silent: true }; });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F8') { e.preventDefault(); confirmRemoved(); }
      if (e.key === 'Escape' && usePackStation.getState().order) { e.preventDefault(); abandonPack(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const v = st.last;
  const look = v ? LOOK[v.sound] : undefined;
  const progress = st.session ? packProgress(st.session) : undefined;
  return (
    <div data-testid="pack-station">
      <div
        data-testid="pack-verdict"
        data-verdict={v?.key ?? ''}
        data-seq={v?.seq ?? 0}
        data-sound={v?.sound ?? ''}
        role="status"
        aria-live="assertive"
        aria-atomic="true"
        style={{
          minHeight: 120, padding: '16px 24px', borderRadius: 8, marginBottom: 16,
          background: look?.bg ?? '#fafafa', border: `4px solid ${look?.border ?? '#d9d9d9'}`, color: v?.sound === 'alarm' ? '#fff' : undefined,
        }}
      >
        {v && look ? (
          <>
            <div style={{ fontSize: 40, fontWeight: 800, lineHeight: 1.2 }}>{look.symbol} {look.word}</div>
            <div style={{ fontSize: 30, fontWeight: 600, wordBreak: 'break-all' }}><VerdictText v={v} /></div>
          </>
        ) : <div style={{ fontSize: 28 }}>{t('floor.pack.idle')}</div>}
        {(!soundOk || (v && !v.played)) && <div data-testid="pack-sound-off" style={{ fontSize: 18, fontWeight: 700, marginTop: 6 }}>🔇 {t('floor.pack.soundOff')}</div>}
      </div>

      <Space style={{ marginBottom: 12 }} wrap>
        <Input
          size="large" value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 360, fontSize: 20 }}
          placeholder={t('floor.pack.scanHere')} aria-label={t('floor.pack.scanHere')} data-testid="pack-code" disabled={st.busy}
          onPressEnter={() => { const c = typed.trim(); setTyped(''); if (c) void scan(c); }}
        />
        {st.session?.blocked && <Button size="large" danger type="primary" onClick={confirmRemoved} data-testid="pack-clear" style={{ height: 56, fontSize: 20 }}>{t('floor.pack.clear')}</Button>}
        {st.order && <Button size="large" onClick={abandonPack} data-testid="pack-abandon" style={{ height: 56, fontSize: 18 }}>{t('floor.pack.abandon')}</Button>}
      </Space>

      {st.order && st.session && progress && (
        <div data-testid="pack-order">
          <div style={{ fontSize: 22, fontWeight: 600, marginBottom: 8 }}>
            {st.order.orderKeys.length > 1 ? t('floor.pack.orders', { n: st.order.orderKeys.length }) : t('floor.pack.order', { id: st.order.rows[0]?.orderId })}
            {'  '}<span data-testid="pack-progress">{t('floor.pack.progress', progress)}</span>
            {st.labelReady && <Tag color="blue" style={{ marginLeft: 12, fontSize: 16 }} data-testid="pack-label-ready">{t('floor.pack.labelReady')}</Tag>}
          </div>
          <Table
            size="large" pagination={false} rowKey="sku" dataSource={st.session.lines}
            rowClassName={(l) => (l.scanned === l.need ? 'pack-line-done' : '')}
            columns={[
              { title: t('floor.pack.line.sku'), dataIndex: 'sku', render: (s: string) => <span style={{ fontSize: 18 }}>{s}</span> },
              { title: t('floor.pack.line.name'), dataIndex: 'name', render: (s: string) => <span style={{ fontSize: 18 }}>{s}</span> },
              { title: t('floor.pack.line.batch'), dataIndex: 'batches', render: (b: string[]) => b.join('、') },
              { title: t('floor.pack.line.need'), dataIndex: 'need', render: (n: number) => <span style={{ fontSize: 22, fontWeight: 700 }}>{n}</span> },
              {
                title: t('floor.pack.line.scanned'), dataIndex: 'scanned',
                render: (n: number, l) => <span data-testid={`pack-line-${l.sku}`} style={{ fontSize: 22, fontWeight: 700 }}>{n === l.need ? <Tag color="green" style={{ fontSize: 18 }}>✓ {n}</Tag> : n}</span>,
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
