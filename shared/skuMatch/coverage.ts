// How much of a product name a line covers, and whether the line names an accessory of it.
import type { MaterialState } from './attributes';
import { SKIP_CREDIT, type LineView } from './line';
import type { NameGroup, NameTerm, SkuIndex } from './skuIndex';

/** A missing bigram between two the line has: the same words in another order. */
const REORDER_CREDIT = 0.6;
/** Share of the name score carried by bigrams (and tokens, one-character words); the rest by characters. */
export const BIGRAM_SHARE = 0.7;
/** What word-order credit may add to an estimated coverage. */
export const REORDER_SLACK = 0.2;

/**
 * How much of a name the line covers, by weight. A material word in the name counts as covered
 * when the line names an agreeing material (全棉 for 纯棉) and is left out when the line names
 * none; the seam bigram between a material and the product word (木餐 in 橡木餐盘) is left out
 * always. A bigram the line lacks between two it has ("碗架沥水" for 沥水碗架) is a word-order
 * change and counts in part.
 */
export function nameCoverage(g: NameGroup, view: LineView, material: MaterialState): number {
  // a generic material (实木) says no more about 橡木 than silence does
  const materialCredit = material === 'agree' ? 1 : 0;
  const silent = material === 'silent' || material === 'generic';
  let got = 0;
  let all = 0;
  for (const run of g.runs) {
    // credit of the term before, this one and the next; -1: not counted
    let prev = -1;
    let cur = creditOf(run[0]!, view, silent, materialCredit);
    for (let i = 0; i < run.length; i++) {
      const next = i + 1 < run.length ? creditOf(run[i + 1]!, view, silent, materialCredit) : -1;
      if (cur >= 0) {
        const between = cur === 0 && prev >= SKIP_CREDIT && next >= SKIP_CREDIT;
        all += run[i]!.weight;
        got += run[i]!.weight * (between ? REORDER_CREDIT : cur);
      }
      prev = cur;
      cur = next;
    }
  }
  for (const t of g.tokens) {
    all += t.weight;
    if (view.credit.get(t.token) === 1) got += t.weight;
  }
  for (const x of g.singles) {
    all += x.weight;
    if (view.chars.has(x.ch)) got += x.weight;
  }
  let cGot = 0;
  let cAll = 0;
  for (const c of g.chars) {
    const has = view.chars.has(c.ch);
    if ((c.kind === 'material' && silent) || (c.kind === 'generic' && !has)) continue;
    cAll += c.weight;
    cGot += c.weight * (c.kind === 'material' ? materialCredit : has ? 1 : 0);
  }
  const chars = cAll > 0 ? cGot / cAll : 0;
  if (all <= 0) return chars;
  return BIGRAM_SHARE * (got / all) + (1 - BIGRAM_SHARE) * chars;
}

function creditOf(t: NameTerm, view: LineView, silent: boolean, materialCredit: number): number {
  switch (t.kind) {
    case 'seam':
      return -1;
    case 'material':
      return silent ? -1 : materialCredit;
    case 'generic':
      return view.credit.get(t.term) === 1 ? 1 : -1;
    default:
      return view.credit.get(t.term) ?? 0;
  }
}

/**
 * "毛巾架" in a line is not a 毛巾: when every place the name's product word appears is followed
 * by an accessory word, the line names the accessory (unless the SKU itself has that word).
 */
export function accessoryAfter(g: NameGroup, view: LineView, index: SkuIndex): string | undefined {
  const { accessory, accessoryException } = index.compiled;
  if (!g.head || !accessory) return undefined;
  let found: string | undefined;
  for (const text of [view.titleText, view.specText]) {
    for (let at = text.indexOf(g.head); at >= 0; at = text.indexOf(g.head, at + 1)) {
      const rest = text.slice(at + g.head.length);
      if (accessoryException?.test(rest)) return undefined;
      const m = accessory.exec(rest);
      if (!m) return undefined;
      found = g.head + m[0];
    }
  }
  return found;
}
