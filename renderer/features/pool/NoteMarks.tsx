// Small marks next to the order id saying "the buyer wrote something" / "the seller left a
// memo", each with its word beside it and the full text in the tooltip. Inline SVG: the
// warehouse PC may have no emoji font.
import type { TFunction } from 'i18next';

const mark: React.CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: 2, whiteSpace: 'nowrap', color: '#ad4e00', fontWeight: 600 };

function Bubble() {
  return (
    <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M2 2.5h12v8H6.5L3 13.5v-3H2z" fill="#ffd591" stroke="#ad4e00" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

function Memo() {
  return (
    <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3 1.5h7.5L13 4v10.5H3z" fill="#fff1b8" stroke="#ad4e00" strokeWidth="1.2" strokeLinejoin="round" />
      <path d="M5 7h6M5 10h6" stroke="#ad4e00" strokeWidth="1.2" />
    </svg>
  );
}

export function NoteMarks({ buyerMessage, sellerMemo, t }: { buyerMessage: string; sellerMemo: string; t: TFunction }) {
  return (
    <>
      {buyerMessage.trim() && <span style={mark} title={`${t('pool.buyerMessage')}：${buyerMessage}`}><Bubble />{t('pool.buyerMessageShort')}</span>}
      {sellerMemo.trim() && <span style={mark} title={`${t('pool.sellerMemo')}：${sellerMemo}`}><Memo />{t('pool.sellerMemoShort')}</span>}
    </>
  );
}
