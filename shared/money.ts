// Money is integer fen everywhere. Platforms send yuan strings ("12.50") or fen integers;
// parsing never goes through floating point so 0.1 + 0.2 style drift cannot appear.

const YUAN_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "12.5" → 1250. Throws a clear error on anything that is not a plain yuan amount. */
export function parseYuan(text: string | number): number {
  const s = typeof text === 'number' ? String(text) : text.trim();
  const m = YUAN_RE.exec(s);
  if (!m) throw new Error(`not a yuan amount: ${JSON.stringify(text)} (expected digits with at most 2 decimals, e.g. "12.50")`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new Error(`yuan amount out of range: ${s}`);
  return m[1] && fen !== 0 ? -fen : fen;
}

/** 1250 → "12.50" (always two decimals, minus sign for negatives). */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`fen must be a safe integer, got ${fen}`);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/**
 * Split `total` fen across `weights` so the parts sum exactly to total (largest remainder),
 * as discount apportioning (分摊) must. Ties go to the earlier line, so the result is stable.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new Error('allocate: total must be integer fen');
  if (weights.length === 0) return [];
  if (weights.some((w) => w < 0 || !Number.isFinite(w))) throw new Error('allocate: weights must be finite and ≥ 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return allocate(total, weights.map(() => 1));
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const raw = weights.map((w) => (abs * w) / sum);
  const floors = raw.map(Math.floor);
  let rest = abs - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i] = floors[i]! + 1;
    rest -= 1;
  }
  return floors.map((f) => f * sign);
}
