// A reason a stock rule gives, as a code and its values rather than a sentence: the screen words
// it in the operator's language (zh-CN or English), the tests compare codes, not prose.
export interface StockReason {
  code: string;
  values?: Record<string, string | number>;
}
