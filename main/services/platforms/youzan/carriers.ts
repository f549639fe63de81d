// Youzan names carriers by the numeric express id of youzan.logistics.express.get (data.allExpress[].id),
// sent to youzan.logistics.online.confirm as the string out_stype. These ids are UNCONFIRMED against
// the live list (only "1 = 申通快递" shows in doc examples); a real shop's ids should come from that
// API once carriers become configurable. The simulator and the connector share this table.
export const YOUZAN_EXPRESS_IDS: Record<string, string> = { STO: '1', YTO: '2', ZTO: '3', YUNDA: '4', SF: '7', JTSD: '1077' };

export function youzanExpressId(carrierCode: string): string | undefined {
  return YOUZAN_EXPRESS_IDS[carrierCode];
}

export function carrierCodeOfYouzan(id: string): string | undefined {
  return Object.entries(YOUZAN_EXPRESS_IDS).find(([, v]) => v === id)?.[0];
}
