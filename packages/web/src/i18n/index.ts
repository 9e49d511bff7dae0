import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import de from './de.json';

export const LOCALES = ['en', 'de'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** The first of the browser's preferred languages that Servus speaks, else English. */
export function browserLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): AppLocale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(base)) return base as AppLocale;
  }
  return 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: browserLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language (and the document's `lang`) to the agent's choice. */
export function applyLocale(locale: AppLocale): void {
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export default i18n;
