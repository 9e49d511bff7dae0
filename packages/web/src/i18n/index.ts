import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import de from './de.json';

type Messages = Record<string, unknown>;

/**
 * Feature translations live beside the core ones as `features/<feature>.<locale>.json`, each
 * under its own top-level namespace, and are merged in here.
 */
const featureFiles = import.meta.glob<Messages>('./features/*.json', { eager: true, import: 'default' });

export function messagesFor(locale: 'en' | 'de'): Messages {
  const merged: Messages = { ...(locale === 'en' ? en : de) };
  for (const [file, messages] of Object.entries(featureFiles)) {
    if (file.endsWith(`.${locale}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

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
  resources: { en: { translation: messagesFor('en') }, de: { translation: messagesFor('de') } },
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
