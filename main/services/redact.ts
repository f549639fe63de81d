// Log lines leave the PC in "copy diagnostics" and support tickets: phone numbers, addresses
// and ID numbers are masked before anything is written (platform data rules forbid keeping
// decrypted receiver data). Masked forms keep enough to tell records apart.

/** Mainland mobile numbers (optionally +86 / 86-prefixed, spaced or dashed): keep the last 4. */
const MOBILE = /(?<![\d])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d){8}(?![\d])/g;
/** 18-digit resident ID numbers (last may be X) */
const ID_CARD = /(?<![\d])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\d])/g;
/** the detail part of a Chinese street address: road/street/lane/building/room numbers */
const ADDRESS_DETAIL = /([\u4e00-\u9fa5]{1,12}(?:路|街|道|巷|弄|胡同|大道|村|镇|乡))[\u4e00-\u9fa5\dA-Za-z\-－#（）()、，,]{0,40}?(\d+\s*(?:号|栋|幢|座|单元|室|楼|层)[\u4e00-\u9fa5\dA-Za-z\-－#]*)+/g;
/** JSON fields that carry receiver data, whatever their value */
const FIELDS = /("(?:receiver_?(?:name|mobile|phone|address)|mobile|phone|telephone|address|detail|receiverName|receiverPhone|receiverAddress|name_plain)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

export function redact(line: string): string {
  return line
    .replace(FIELDS, '$1"***"')
    .replace(ID_CARD, (m) => `${m.slice(0, 3)}***********${m.slice(-4)}`)
    .replace(MOBILE, (m) => `1**-****-${m.replace(/\D/g, '').slice(-4)}`)
    .replace(ADDRESS_DETAIL, '$1***');
}
