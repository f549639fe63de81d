import { describe, expect, it } from 'vitest';
import { checkManifest, type HandoverParcel } from '../../../shared/floor';

const p = (waybillNo: string, over: Partial<HandoverParcel> = {}): HandoverParcel => ({ waybillNo, orderKeys: [`o-${waybillNo}`], carrier: 'ZTO', ready: true, ...over });

describe('checkManifest', () => {
  it('lists missed and extra parcels, and intercepts refunded or cancelled ones', () => {
    const parcels = [p('ZT1'), p('ZT2'), p('ZT3'), p('YT9', { carrier: 'YTO' }), p('ZT4', { intercept: 'refunding' }), p('ZT5', { ready: false }), p('ZT6', { handedOver: 'M0' })];
    const m = checkManifest('ZTO', parcels, ['ZT1', 'ZT1', 'ZT3', 'YT9', 'ZT4', 'ZT5', 'ZT6', 'XX0']);
    expect(m.accepted.map((x) => x.waybillNo)).toEqual(['ZT1', 'ZT3']);
    expect(m.missed.map((x) => x.waybillNo)).toEqual(['ZT2']);
    expect(m.extra.map((x) => `${x.code}:${x.verdict}`)).toEqual(['YT9:other_carrier', 'ZT4:intercept', 'ZT5:not_packed', 'ZT6:already_handed_over', 'XX0:unknown']);
    expect(m.intercepts.map((x) => x.waybillNo)).toEqual(['ZT4']);
  });
});
