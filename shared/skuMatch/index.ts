// Mapping platform order lines to internal SKUs by their text (title + SKU properties text).
// The id-based steps (platform SKU id, outer id, remembered confirmations) run before this one.
export type { Dimension, LineForMatch, MatchDecision, MatchResult, MatchSuggestion, SkuForMatch, TextFeatures } from './types';
export { normalizeText, hanNumber } from './normalize';
export { extractFeatures, canonicalCode } from './features';
export { compileTextOptions, DEFAULT_TEXT_OPTIONS, type TextOptions } from './options';
export * from './words';
export { dimensionsAgree, sameMeasure } from './attributes';
export { DEFAULT_THRESHOLDS, type MatchThresholds } from './decide';
export { createSkuMatcher, MATCHER_ALGORITHM, type SkuMatcher, type SkuMatcherOptions } from './matcher';
export { codeInText, createCodeFinder } from './codes';
