import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from './api-types.ts';

/** The six languages of the programme, each named in itself for the language switch. */
export const LOCALES: { code: Locale; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'bg', name: 'Български' },
  { code: 'hu', name: 'Magyar' },
  { code: 'it', name: 'Italiano' },
  { code: 'ro', name: 'Română' },
  { code: 'sk', name: 'Slovenčina' },
];

const STORAGE_KEY = 'romact.locale';
const catalogs = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*.json');

/** Loads only the language in use: five catalogues never reach a phone that does not need them. */
const lazyCatalogs: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = catalogs[`../locales/${language}.json`];
    if (!load) return callback(new Error(`No catalogue for ${language}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((locale) => locale.code === value);
}

/** Before sign-in: the language chosen on this device, else the browser's, else English. */
export function initialLocale(): Locale {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  for (const language of navigator.languages ?? [navigator.language]) {
    const code = language.slice(0, 2).toLowerCase();
    if (isLocale(code)) return code;
  }
  return 'en';
}

/** Remembers the language on this device (before sign-in, and as the default for the next visit). */
export function rememberLocale(locale: Locale) {
  safeStorage()?.setItem(STORAGE_KEY, locale);
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export async function initI18n() {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  await i18next
    .use(lazyCatalogs)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      supportedLngs: LOCALES.map((locale) => locale.code),
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

/** A template's localized text in the current language, English when a translation is missing. */
export function localized(
  text: Partial<Record<string, string>> | string | undefined,
  language: string,
): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text.en ?? '';
}
