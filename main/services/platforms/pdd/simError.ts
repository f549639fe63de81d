// The simulator's Pinduoduo refusal: error_response {error_code, error_msg, sub_code, sub_msg} (§3.9).
export class PddError extends Error {
  constructor(readonly code: number, readonly msg: string, readonly subMsg = '', readonly subCode: string | null = null) { super(msg); }
}
