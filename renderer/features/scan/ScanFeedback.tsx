// Large text answering every scan, in an aria-live region so screen readers speak it too.
// The kind is spelled out (and has its own symbol) so colour is never the only signal.
// Bottom-left: drawers and their buttons open on the right.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanFeedback } from './feedback';
import { useSound } from './sound';

const SHOW_MS = 6000;
const STYLE = {
  ok: { bg: '#f6ffed', border: '#52c41a', symbol: '✓' },
  wrong: { bg: '#fff1f0', border: '#ff4d4f', symbol: '✗' },
  done: { bg: '#e6f4ff', border: '#1677ff', symbol: '★' },
} as const;

export function ScanFeedback() {
  const { t } = useTranslation();
  const last = useScanFeedback((s) => s.last);
  const clear = useScanFeedback((s) => s.clear);
  const soundOn = useSound((s) => s.on && s.playable);

  useEffect(() => {
    if (!last) return;
    const h = setTimeout(clear, SHOW_MS);
    return () => clearTimeout(h);
  }, [last, clear]);

  const look = last ? STYLE[last.kind] : undefined;
  return (
    <div
      data-testid="scan-feedback"
      role="status"
      aria-live="assertive"
      aria-atomic="true"
      style={{
        position: 'fixed', left: 24, bottom: 24, zIndex: 2000, maxWidth: 560,
        pointerEvents: 'none',
        ...(look ? { background: look.bg, border: `3px solid ${look.border}`, borderRadius: 8, padding: '16px 24px', boxShadow: '0 6px 24px rgba(0,0,0,.18)' } : {}),
      }}
    >
      {last && look && (
        <>
          <div style={{ fontSize: 30, fontWeight: 700, lineHeight: 1.3 }}>
            {look.symbol} {t(`scan.kind.${last.kind}`)}
          </div>
          <div style={{ fontSize: 24, wordBreak: 'break-all' }}>{last.message ?? t('scan.read', { code: last.code })}</div>
          {!soundOn && <div style={{ fontSize: 16, marginTop: 6, fontWeight: 600 }}>{t('scan.soundOff')}</div>}
        </>
      )}
    </div>
  );
}
