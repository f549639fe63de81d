// The seller's flag (旗帜, 0–5) as a coloured flag with its name spelled out: colour is never
// the only signal (colour-blind packers, grey-scale screens).
import type { TFunction } from 'i18next';

export const FLAG_COLOURS = ['#bfbfbf', '#f5222d', '#fadb14', '#52c41a', '#1677ff', '#722ed1'] as const;

export function FlagMark({ flag, t, showNone = false }: { flag: number; t: TFunction; showNone?: boolean }) {
  if (!flag && !showNone) return null;
  const colour = FLAG_COLOURS[flag] ?? FLAG_COLOURS[0];
  const label = t(`flag.f${flag}`);
  return (
    <span data-testid="flag-mark" data-flag={flag} title={label} style={{ display: 'inline-flex', alignItems: 'center', gap: 3, whiteSpace: 'nowrap' }}>
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
        <path d="M2 1v12" stroke="#595959" strokeWidth="1.5" />
        <path d="M3 1.5h9l-2.2 3 2.2 3H3z" fill={colour} stroke="#595959" strokeWidth="0.6" />
      </svg>
      <span style={{ fontSize: 12 }}>{label}</span>
    </span>
  );
}
