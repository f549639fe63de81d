// r7 blacklist: a receiver (name initial + phone tail), a phone, an address text or a buyer id.
import type { BlacklistEntry } from '../../domain/types';
import type { RuleSettings } from '../settings';
import type { Hit, RuleInput } from './input';

function matches(e: BlacklistEntry, input: RuleInput): boolean {
  const o = input.order;
  const r = o.receiver;
  const v = e.value.trim();
  switch (e.kind) {
    case 'buyer': return v === o.buyerNick || (!!o.buyerOpenId && v === o.buyerOpenId);
    case 'phone': {
      const digits = v.replace(/\D/g, '');
      return digits.length >= 4 && digits.slice(-4) === r.phoneTail && (digits.length === 4 || r.phoneMasked.replace(/\D/g, '').startsWith(digits.slice(0, 3)));
    }
    case 'receiver': {
      const [name = '', tail = ''] = v.split('|');
      const initial = [...name.trim()][0];
      return !!initial && initial === [...r.nameMasked.trim()][0] && tail.replace(/\D/g, '').slice(-4) === r.phoneTail && r.phoneTail !== '';
    }
    case 'address': {
      const full = `${r.province}${r.city}${r.district}${r.town}${r.addressMasked}`;
      return v.length >= 2 && full.includes(v);
    }
  }
}

export function onBlacklist(input: RuleInput, _s: RuleSettings['r7']): Hit | undefined {
  const hits = input.blacklist.filter((e) => matches(e, input));
  if (!hits.length) return undefined;
  return {
    values: { entries: hits.map((e) => ({ kind: e.kind, value: e.value, note: e.note })) },
    message: `命中黑名单：${hits.map((e) => `${e.kind === 'buyer' ? '买家' : e.kind === 'phone' ? '电话' : e.kind === 'address' ? '地址' : '收货人'} ${e.value}${e.note ? `（${e.note}）` : ''}`).join('；')}`,
  };
}
