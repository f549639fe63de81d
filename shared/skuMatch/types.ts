// Types of the text step of SKU mapping: a platform order line (title + SKU properties text) is
// compared with the company's SKU master. The id-based steps (platform SKU id, outer id,
// remembered confirmations) live in the pipeline and run before this one.

/** One row of the SKU master, as the matcher needs it. */
export interface SkuForMatch {
  code: string;
  name: string;
  spec: string;
  category: string;
  brand?: string;
  /** Platform texts (title + spec) a user confirmed for this SKU before: strong evidence. */
  aliases?: string[];
}

/** A platform order line, as far as text matching is concerned. */
export interface LineForMatch {
  title: string;
  /** The platform SKU properties text, e.g. "颜色分类:原木色;尺寸:24cm". */
  skuText: string;
}

export type MatchDecision = 'mapped' | 'ask' | 'none';

export interface MatchSuggestion {
  code: string;
  score: number;
  why: string[];
}

export interface MatchResult {
  decision: MatchDecision;
  /** Set only when decision is 'mapped'. */
  code?: string;
  confidence: number;
  /** Short human-readable explanations for the UI ("why was this line mapped, or not?"). */
  reasons: string[];
  /** Best candidates first, up to 5, whatever the decision. */
  suggestions: MatchSuggestion[];
}

/** A length is kept in cm; a pair or triple (40×28cm) keeps its sides sorted, largest first. */
export interface Dimension {
  kind: 'len' | 'vol' | 'wt';
  /** len: cm, vol: ml, wt: g. One value, or the sides of a W×H(×D) size. */
  values: number[];
  /** As written after normalization, for reasons ("24cm", "40x28cm"). */
  text: string;
}

/** What the matcher compares, from one text. */
export interface TextFeatures {
  /** The product-noun part: marketing, brands, codes, measures, counts, colours and sizes removed. */
  noun: string;
  /** Han character bigrams of the noun part (a bigram never spans punctuation). */
  bigrams: string[];
  /** Characters two apart in the noun part ("橡木西餐盘" → 木餐): weaker evidence than bigrams. */
  skipBigrams: string[];
  /** Han characters of the noun part. */
  chars: string[];
  /** Latin and digit tokens left in the noun part ("ins", "304"). */
  tokens: string[];
  dimensions: Dimension[];
  /** "N只装 / N个 / 单只 / 一对": how many pieces the line is (a 2-pack is another item). */
  packs: number[];
  /** "1套 / 2组 / x2": how many of the listed unit (a set, a pack) the line is. */
  kits: number[];
  /** "N件套": how many pieces one set has. */
  sets: number[];
  /** Other numbered variant attributes: 层 → [2], 格 → [6]. */
  attrs: Record<string, number[]>;
  /** Merchant-code-like tokens, uppercase with a dash: "TY-001". */
  codes: string[];
  /** Canonical material words ("橡木", "竹", "陶瓷"). */
  materials: string[];
  /** Canonical colour families ("白", "原木"). */
  colours: string[];
  /** Canonical size words ("大", "中", "小", "特大"). */
  sizes: string[];
}
