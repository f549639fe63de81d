// Kuaishou names carriers by an integer expressCode (open.seller.order.goods.deliver, §5.7). The
// numbers below are UNCONFIRMED placeholders the simulator and the ship call agree on; a live
// shop's codes come from Kuaishou's express company list once settings can hold them.
export const KUAISHOU_EXPRESS_CODES: Record<string, number> = { ZTO: 4, YTO: 6, YUNDA: 5, STO: 3, SF: 1, JTSD: 1026 };

export function kuaishouExpressCode(carrierCode: string): number | undefined {
  return KUAISHOU_EXPRESS_CODES[carrierCode];
}

export function carrierCodeOfKuaishou(expressCode: number): string | undefined {
  return Object.entries(KUAISHOU_EXPRESS_CODES).find(([, v]) => v === expressCode)?.[0];
}
