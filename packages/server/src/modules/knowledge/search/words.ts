/**
 * Word handling for knowledge base search that needs no database: splitting a query into words,
 * folding umlauts the way people type without them, and the edit distance used to pick the
 * right correction of a misspelt word.
 */

/** Longest query taken into account; the rest of a pasted text adds nothing but work. */
export const MAX_QUERY_CHARS = 300;
/** At most this many distinct words of a query are searched for. */
export const MAX_QUERY_WORDS = 12;
const MAX_WORD_CHARS = 40;

/**
 * The words of a query, lower case, in order, each once. Only letters and digits make a word,
 * so operators of the full-text query syntax (`&`, `|`, `!`, `:*`, quotes, backslashes) typed by
 * a customer are separators and never reach the database as syntax.
 */
export function queryWords(q: string): string[] {
  const text = q.normalize('NFC').slice(0, MAX_QUERY_CHARS).toLowerCase();
  const words: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length < 2 || w.length > MAX_WORD_CHARS || words.includes(w)) continue;
    words.push(w);
    if (words.length === MAX_QUERY_WORDS) break;
  }
  return words;
}

/** A word without accents and umlauts (`kündigung` → `kundigung`, `straße` → `strasse`). */
export function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss');
}

/**
 * Umlauts written out as two letters turned back into plain vowels (`kuendigung` → `kundigung`),
 * so a word typed on a keyboard without umlauts compares with the word it means.
 */
export function foldSpelledUmlauts(word: string): string {
  return word.replace(/([aou])e/g, '$1');
}

/** Umlauts spelt out the way keyboards without them make people type (`kündigen` → `kuendigen`). */
export function spellUmlauts(word: string): string {
  return word.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

/**
 * The trigrams of one word as pg_trgm forms them (two blanks before, one after), so that
 * similarities match what `similarity()` would say in the database.
 */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/**
 * Optimal string alignment distance (Levenshtein with swaps of neighbours), stopping early once
 * it exceeds `max`: the number of typing mistakes between two words.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How many typing mistakes a word of this length may carry and still be corrected. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length <= 5) return 1;
  if (length <= 11) return 2;
  return 3;
}

/**
 * The ways to read a German compound as a known word plus a known last part: `bondrucker` →
 * `bon` + `drucker`. The last part carries the meaning (a Bondrucker is a Drucker), so it must
 * be a real word of at least four letters; the first part may end in a linking `s`, `n`, `en`
 * or `es` (`kassenbericht` → `kasse` + `bericht`).
 */
export function compoundSplits(word: string): { head: string[]; tail: string }[] {
  return splitsAt(word, 3, 4);
}

/**
 * The first parts an unknown German compound may start with, longest first, with linking
 * letters removed as in `compoundSplits`: `kartenterminal` → `kartentermina`, …, `karten`, `karte`.
 */
export function compoundHeads(word: string): string[] {
  return splitsAt(word, 4, 3)
    .reverse()
    .flatMap((s) => s.head);
}

/**
 * The words the first part of a German compound may stand for: itself and, without a linking
 * `es`, `en`, `s` or `n`, the shorter word (`tages` → `tag`, `kassen` → `kasse`); at least three
 * letters each.
 */
export function headForms(head: string): string[] {
  if (head.length < 3) return [];
  const out = [head];
  for (const link of ['es', 'en', 's', 'n']) {
    if (head.endsWith(link) && head.length - link.length >= 3) out.push(head.slice(0, -link.length));
  }
  return out;
}

/** Every split into a first part of at least `minHead` letters and a last part of at least `minTail`. */
function splitsAt(word: string, minHead: number, minTail: number): { head: string[]; tail: string }[] {
  const out: { head: string[]; tail: string }[] = [];
  for (let k = minHead; k <= word.length - minTail; k++) out.push({ head: headForms(word.slice(0, k)), tail: word.slice(k) });
  return out;
}

const VERB_PREFIXES = new Set([
  'ab', 'an', 'auf', 'aus', 'be', 'bei', 'durch', 'ein', 'emp', 'ent', 'er', 'ge', 'hinter', 'miss', 'mit', 'nach',
  'uber', 'um', 'un', 'unter', 'ver', 'vor', 'weg', 'wider', 'zer', 'zu', 'zuruck',
]);

/**
 * Whether the start of a German word is a prefix rather than a word of its own (`ver` in
 * `verkaufen`, `unter` in `unternehmen`): such a word is no compound of the rest. Takes the
 * plain form (without umlauts).
 */
export function isPrefix(head: string): boolean {
  return VERB_PREFIXES.has(head);
}

/**
 * The separable prefixes of German verbs that stand alone at the end of a question: "wie
 * schalte ich 2FA **ein**" asks about *einschalten*, "wie richte ich den Drucker **ein**" about
 * *einrichten*.
 */
export const SEPARABLE_PARTICLES = new Set([
  'ab', 'an', 'auf', 'aus', 'bei', 'ein', 'fest', 'her', 'herunter', 'hoch', 'los', 'mit', 'nach', 'raus',
  'rein', 'runter', 'um', 'vor', 'weg', 'weiter', 'zu', 'zurück', 'zusammen',
]);
