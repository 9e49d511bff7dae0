import type { KbLocale } from '../schema.ts';

/** Frequent short words that tell German from English text. */
const GERMAN = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'sie', 'wir', 'mit', 'ein', 'eine', 'einen', 'auf', 'für', 'von', 'zu', 'den', 'dem', 'bei', 'wie', 'kann', 'habe', 'hallo', 'bitte', 'danke', 'mein', 'meine', 'geht', 'funktioniert', 'wird', 'sehr', 'geehrte', 'grüße', 'noch', 'auch', 'oder', 'aber']);
const ENGLISH = new Set(['the', 'and', 'is', 'not', 'i', 'you', 'we', 'with', 'a', 'an', 'on', 'for', 'of', 'to', 'in', 'at', 'how', 'can', 'have', 'hello', 'hi', 'please', 'thanks', 'my', 'does', 'doesn', 't', 'works', 'will', 'very', 'dear', 'regards', 'still', 'also', 'or', 'but', 'it']);

/**
 * The language of a customer's text, German or English, by its frequent words (umlauts and ß
 * count for German); `fallback` when the text says nothing either way.
 */
export function guessLanguage(text: string, fallback: KbLocale): KbLocale {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).slice(0, 400);
  let de = 0;
  let en = 0;
  for (const w of words) {
    if (GERMAN.has(w)) de++;
    if (ENGLISH.has(w)) en++;
    if (/[äöüß]/.test(w)) de++;
  }
  if (de === en) return fallback;
  return de > en ? 'de' : 'en';
}
