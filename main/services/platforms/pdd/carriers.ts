// PDD names carriers by numeric logistics_id (pdd.logistics.companies.get). These are the ids the
// simulator and the ship call use for the carriers Wharf's demo knows; UNCONFIRMED against the
// live list, so a real shop's ids come from its settings once the floor issue adds carriers.
export const PDD_LOGISTICS_IDS: Record<string, number> = { ZTO: 115, YTO: 85, YUNDA: 121, STO: 1, SF: 44, JTSD: 384 };

export function pddLogisticsId(carrierCode: string): number | undefined {
  return PDD_LOGISTICS_IDS[carrierCode];
}

export function carrierCodeOfPdd(id: number): string | undefined {
  return Object.entries(PDD_LOGISTICS_IDS).find(([, v]) => v === id)?.[0];
}
