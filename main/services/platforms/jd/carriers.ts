// JD names carriers by numeric logiCoprId (platforms.md §4.7: 中通 1499, 韵达 1327, 申通 470,
// 圆通 463, 顺丰 467 — given there as examples). 极兔 is not in the fact sheet: 3046 is a
// placeholder, UNCONFIRMED, until a shop's own carrier list (jingdong.*.getVenderCarrier) is read.
export const JD_LOGISTICS_IDS: Record<string, number> = { ZTO: 1499, YTO: 463, YUNDA: 1327, STO: 470, SF: 467, JTSD: 3046 };

export function jdLogisticsId(carrierCode: string): number | undefined {
  return JD_LOGISTICS_IDS[carrierCode];
}

export function carrierCodeOfJd(id: number): string | undefined {
  return Object.entries(JD_LOGISTICS_IDS).find(([, v]) => v === id)?.[0];
}
