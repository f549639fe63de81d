// Douyin names carriers by company_code (order.logisticsCompanyList, §2.7). These are the codes the
// simulator and the ship call use for the carriers Wharf's demo knows; UNCONFIRMED against the
// live list, so a real shop's codes come from its settings once the floor issue adds carriers.
export const DOUYIN_COMPANY_CODES: Record<string, string> = {
  ZTO: 'zhongtong', YTO: 'yuantong', YUNDA: 'yunda', STO: 'shentong', SF: 'shunfeng', JTSD: 'jtexpress',
};

export function douyinCompanyCode(carrierCode: string): string | undefined {
  return DOUYIN_COMPANY_CODES[carrierCode];
}

export function carrierCodeOfDouyin(companyCode: string): string | undefined {
  return Object.entries(DOUYIN_COMPANY_CODES).find(([, v]) => v === companyCode)?.[0];
}
