// WeChat Channels names carriers by a text delivery_id from its own company list
// (/channels/ec/order/deliverycompanylist/get). These are the ids the simulator and the ship call
// use for the carriers Wharf's demo knows; UNCONFIRMED against the live list (platforms.md §7.4
// names the field, not the values), so a real shop's ids come from its settings later.
export const WECHAT_DELIVERY_IDS: Record<string, string> = { ZTO: 'ZTO', YTO: 'YTO', YUNDA: 'YUNDA', STO: 'STO', SF: 'SF', JTSD: 'JTSD' };

export function wechatDeliveryId(carrierCode: string): string | undefined {
  return WECHAT_DELIVERY_IDS[carrierCode];
}

export function carrierCodeOfWechat(deliveryId: string): string | undefined {
  return Object.entries(WECHAT_DELIVERY_IDS).find(([, v]) => v === deliveryId)?.[0];
}
