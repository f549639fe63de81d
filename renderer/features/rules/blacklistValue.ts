// What a blacklist value must look like for rule r7 to be able to match it against masked data
// (shared/decide/rules/blacklist.ts): checked here so a typo is caught before it silently never
// matches anything.
import type { BlacklistEntry } from '../../../shared/domain/types';

export type BlacklistKind = BlacklistEntry['kind'];

/** The value as stored (trimmed, the receiver's tail without spaces), or undefined when it cannot match. */
export function normalizeBlacklistValue(kind: BlacklistKind, raw: string): string | undefined {
  const v = raw.trim();
  switch (kind) {
    case 'receiver': {
      const m = /^([^|]+?)\s*[|｜]\s*(\d{4})$/u.exec(v);
      return m ? `${m[1]!.trim()}|${m[2]}` : undefined;
    }
    case 'phone': {
      const digits = v.replace(/[\s-]/g, '');
      return /^\d{4}$/.test(digits) || /^1\d{10}$/.test(digits) ? digits : undefined;
    }
    case 'address': return [...v].length >= 2 ? v : undefined;
    case 'buyer': return v || undefined;
  }
}
