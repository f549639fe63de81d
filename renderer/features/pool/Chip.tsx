// A plain status chip. The pool mounts dozens of rows per scroll step; antd's Tag costs a
// style-hook round per instance, this is one span. Looks like a small antd tag.
const TONES = {
  default: ['#fafafa', '#d9d9d9', 'rgba(0,0,0,.88)'],
  blue: ['#e6f4ff', '#91caff', '#0958d9'],
  cyan: ['#e6fffb', '#87e8de', '#08979c'],
  geekblue: ['#f0f5ff', '#adc6ff', '#1d39c4'],
  green: ['#f6ffed', '#b7eb8f', '#389e0d'],
  gold: ['#fffbe6', '#ffe58f', '#d48806'],
  orange: ['#fff7e6', '#ffd591', '#d46b08'],
  red: ['#fff1f0', '#ffa39e', '#cf1322'],
  volcano: ['#fff2e8', '#ffbb96', '#d4380d'],
  purple: ['#f9f0ff', '#d3adf7', '#531dab'],
} as const;

export type Tone = keyof typeof TONES;

export function Chip({ tone = 'default', title, children }: { tone?: Tone; title?: string; children: React.ReactNode }) {
  const [bg, border, fg] = TONES[tone];
  return (
    <span
      title={title}
      style={{ display: 'inline-block', background: bg, border: `1px solid ${border}`, color: fg, borderRadius: 4, padding: '0 6px', fontSize: 12, lineHeight: '20px', marginInlineEnd: 4, whiteSpace: 'nowrap' }}
    >
      {children}
    </span>
  );
}
