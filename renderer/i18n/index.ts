// i18next set up once, synchronously, before the first render: zh-CN is the default and the
// fallback (every key exists there), English is second. The choice is kept per profile.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './zh-CN';
import { en } from './en';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANG_KEY = 'wharf.lang';

function savedLanguage(): Language {
  const v = globalThis.localStorage?.getItem(LANG_KEY);
  return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : 'zh-CN';
}

function applyToPage(lng: Language): void {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  // React escapes already; double escaping would show &lt; in shop names
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
applyToPage(i18n.language as Language);

export function currentLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';
}

export async function setLanguage(lng: Language): Promise<void> {
  globalThis.localStorage?.setItem(LANG_KEY, lng);
  await i18n.changeLanguage(lng);
  applyToPage(lng);
}

export { i18n };
export { describeError, formatPlatformError, type ErrorDescription } from './errors';
