import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';
import type { KbLocale } from '../schema.ts';
import { FINGERPRINT, SEARCH_CONFIG, vocabularyFor, type Vocabulary, type VocabularyWord } from './vocabulary.ts';
import { allowedEdits, compoundHeads, compoundSplits, editDistance, foldSpelledUmlauts, isPrefix, plain, queryWords, SEPARABLE_PARTICLES } from './words.ts';

/**
 * One word of the query, as the lexemes of the articles' search vectors it may match. A document
 * matching any `exact` lexeme has the word; one matching only a longer word starting with a
 * lexeme (`druck` → `druckereinstellungen`) or only a compound containing it has it in part.
 */
export interface TermGroup {
  /** The word as typed, lower case. */
  token: string;
  /** Stems that count as the word itself: its own, its umlaut spelling's, or its correction's. */
  exact: string[];
  /** Stems that count as a partial match, e.g. compounds ending in the word. */
  partial: string[];
  /** How much the word counts: 1 for a word of the articles, less for a correction or a guess. */
  weight: number;
  /** How the word was understood, for the evaluation and for debugging. */
  via: 'word' | 'correction' | 'compound' | 'compound-head' | 'unknown';
}

export interface QueryPlan {
  groups: TermGroup[];
  /**
   * How many articles of the language the audience may find, as counted with the vocabulary
   * the plan was made from; when absent the ranking counts them itself.
   */
  articles?: number;
}

const uniq = (xs: string[]) => [...new Set(xs)];

interface Candidate {
  word: VocabularyWord;
  distance: number;
  similarity: number;
}

/**
 * The nearest words of the articles by typing mistakes, when any is within the allowed number:
 * the fewest mistakes first, then the most similar by trigrams (`vergesen` is one mistake from
 * both `vergessen` and `vergeben`, but shares more with `vergessen`).
 */
function corrections(token: string, vocabulary: Vocabulary, publicOnly: boolean, german: boolean): Candidate[] {
  const max = allowedEdits(token.length);
  if (max === 0) return [];
  const forms = [...new Set([plain(token), german ? foldSpelledUmlauts(plain(token)) : plain(token)])];
  const candidates = vocabulary
    .similar(token, publicOnly)
    .filter((c) => c.word.lexemes.length > 0)
    .map((c) => ({ word: c.word, similarity: c.similarity, distance: Math.min(...forms.map((f) => editDistance(f, c.word.plain, max))) }))
    // Beyond one slip, the words must also look alike: `pasword` is `passwort`, `cracked` is not `clicked`.
    .filter((c) => c.distance <= 1 || (c.distance <= max && c.similarity >= 0.4))
    .sort((a, b) => a.distance - b.distance || b.similarity - a.similarity || b.word.docs - a.word.docs);
  const best = candidates[0];
  if (!best) return [];
  return candidates.filter((c) => c.distance === best.distance && c.similarity >= best.similarity - 0.05).slice(0, 3);
}

/**
 * Reads an unknown German word as a compound of the articles' words: a known last part (which
 * carries the meaning: a Kartenterminal is a Terminal) after a known first part, preferring the
 * longest last part; failing that, the longest known last part or the longest known first part
 * alone.
 */
function compound(token: string, vocabulary: Vocabulary, publicOnly: boolean): { head?: VocabularyWord; tail?: VocabularyWord } | null {
  const meaningful = (w: string) => vocabulary.meaningful(w, publicOnly);
  let tailOnly: VocabularyWord | undefined;
  for (const s of compoundSplits(token)) {
    const tail = meaningful(s.tail);
    if (!tail) continue;
    const head = s.head.filter((h) => !isPrefix(plain(h))).map(meaningful).find(Boolean);
    if (head) return { head, tail };
    tailOnly ??= tail;
  }
  if (tailOnly) return { tail: tailOnly };
  const head = compoundHeads(token).map(meaningful).find(Boolean);
  return head ? { head } : null;
}

/**
 * The knowledge base's state and the stems of the query words in one round trip: the state
 * decides whether the vocabulary must be read again.
 */
async function stateAndStems(db: Executor, words: string[], locale: KbLocale): Promise<{ fingerprint: string; stems: string[][] }> {
  const [row] = await queryRows<{ fingerprint: string; stems: string }>(
    db,
    sql`select ${FINGERPRINT} as fingerprint,
               (select json_agg(tsvector_to_array(to_tsvector(${SEARCH_CONFIG[locale]}::regconfig, u.tok)) order by u.i)
                  from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) with ordinality as u(tok, i))::text as stems`,
  );
  return { fingerprint: String(row!.fingerprint), stems: JSON.parse(row!.stems ?? '[]') as string[][] };
}

/**
 * Turns a free-text query into the words to search for. Stop words ("wie kann ich", "how do I")
 * drop out; words typed without umlauts or with them spelt out find the umlaut spelling;
 * unknown words are corrected to the nearest word of the articles, or read as a compound of
 * known words; German words also find the compounds ending in them (`Drucker` → `Bondrucker`).
 */
export async function planQuery(db: Executor, q: string, locale: KbLocale, publicOnly: boolean): Promise<QueryPlan> {
  const words = queryWords(q);
  if (words.length === 0) return { groups: [] };
  const german = locale === 'de';
  const particles = german ? words.filter((w) => SEPARABLE_PARTICLES.has(w)) : [];
  const separable = words.map((t) => (SEPARABLE_PARTICLES.has(t) || t.length < 3 ? [] : particles.map((p) => p + t)));
  const inflected = words.map((t) => (german ? INFLECTIONS.map((e) => t + e) : []));
  const extra = [...separable.flat(), ...inflected.flat()];
  const { fingerprint, stems } = await stateAndStems(db, [...words, ...extra], locale);
  const vocabulary = await vocabularyFor(db, locale, fingerprint);
  const stemOf = new Map(extra.map((w, k) => [w, stems[words.length + k] ?? []]));
  const ctx: WordContext = { vocabulary, publicOnly, german, stemOf };
  const groups = words.flatMap((token, i) => planWord(token, stems[i] ?? [], separable[i]!, inflected[i]!, ctx));
  return { groups: mergeGroups(groups), articles: publicOnly ? vocabulary.articles.public : vocabulary.articles.all };
}

interface WordContext {
  vocabulary: Vocabulary;
  publicOnly: boolean;
  german: boolean;
  /** The stems of the separable-verb and inflected forms tried for the query words. */
  stemOf: Map<string, string[]>;
}

/** How one query word is searched for: none, one or (a compound or model name) two groups. */
function planWord(token: string, stems: string[], separable: string[], inflected: string[], ctx: WordContext): TermGroup[] {
  const { vocabulary, publicOnly, german } = ctx;
  if (stems.length === 0) return []; // a stop word ("wie", "kann", "ich")
  // The parser reads the number of a code like "E-401" or "BP-80" as a negative number.
  const self = /^\p{N}+$/u.test(token) ? [...stems, `-${token}`] : stems;
  // "schalte … ein": the verb the articles use is "einschalten".
  const joined = uniq(separable.flatMap((w) => vocabulary.withStem(ctx.stemOf.get(w)!, publicOnly).flatMap((v) => v.lexemes)));
  // The word as written, without umlauts, or another form of a word the articles use.
  const known = vocabulary.known(token, publicOnly);
  const forms = known.length > 0 ? known : vocabulary.withStem(self, publicOnly);
  if (forms.length > 0 || joined.length > 0) {
    // Also a stop word when typed without its umlaut ("fur" for "für").
    if (forms.length > 0 && forms.every((w) => w.lexemes.length === 0)) return [];
    const exact = uniq([...self, ...forms.flatMap((w) => w.lexemes), ...joined]);
    return [{ token, exact, partial: german ? compoundParts(token, vocabulary, publicOnly) : [], weight: 1, via: 'word' }];
  }
  // A clipped form of a stop word ("mach" for "machen", "nich" for "nicht") is one too.
  if (inflected.some((w) => ctx.stemOf.get(w)!.length === 0)) return [];
  // A model name typed in one piece ("bp80", "ct4") where the articles write "BP-80", "CT-4".
  const model = /^(\p{L}{2,4})(\p{N}{1,5})$/u.exec(token);
  if (model) {
    return [
      { token: model[1]!, exact: [model[1]!], partial: [], weight: 0.8, via: 'word' },
      { token: model[2]!, exact: [model[2]!, `-${model[2]}`], partial: [], weight: 0.8, via: 'word' },
    ];
  }
  const fixed = corrections(token, vocabulary, publicOnly, german);
  const split = german && token.length >= 7 ? compound(token, vocabulary, publicOnly) : null;
  const distance = fixed[0]?.distance ?? Infinity;
  if (fixed.length > 0 && (distance <= 1 || !split?.tail)) {
    // One slip in a long word is almost surely that word; in a short one it may be another word.
    const weight = distance > 1 ? 0.75 : token.length >= 5 ? 0.9 : 0.6;
    return [{ token, exact: uniq(fixed.flatMap((c) => c.word.lexemes)), partial: self, weight, via: 'correction' }];
  }
  if (split) {
    const out: TermGroup[] = [];
    // A Kassenabschluss is an Abschluss, and so is the Tagesabschluss the articles speak of.
    if (split.tail) {
      const siblings = compoundParts(split.tail.word, vocabulary, publicOnly);
      out.push({ token, exact: split.tail.lexemes, partial: uniq([...self, ...siblings]), weight: split.head ? 0.8 : 0.6, via: 'compound' });
    }
    if (split.head) out.push({ token: split.head.word, exact: split.head.lexemes, partial: [], weight: split.tail ? 0.4 : 0.5, via: 'compound-head' });
    return out;
  }
  // Nothing like it in the articles; it may still start a longer word.
  return [{ token, exact: self, partial: [], weight: 0.5, via: 'unknown' }];
}

/** Endings a German word is often typed without in a hurry. */
const INFLECTIONS = ['e', 'en', 'n', 't'];

/**
 * What else counts, in part, for a German word the articles use: the compounds that are a kind
 * of it (`drucker` → `bondrucker`), and for a compound its last part (`bondrucker` → `drucker`:
 * an article about "dem Drucker" is about the Bondrucker too).
 */
function compoundParts(token: string, vocabulary: Vocabulary, publicOnly: boolean): string[] {
  if (/\p{N}/u.test(token)) return [];
  const longer = vocabulary.compoundsEndingIn(token, publicOnly).flatMap((w) => w.lexemes);
  const split = token.length >= 7 ? compound(token, vocabulary, publicOnly) : null;
  return uniq([...longer, ...(split?.head && split.tail ? split.tail.lexemes : [])]);
}

/** Words that mean the same stems ("Drucker, drucker") count once, with the higher weight. */
function mergeGroups(groups: TermGroup[]): TermGroup[] {
  const out = new Map<string, TermGroup>();
  for (const g of groups) {
    const key = [...g.exact].sort().join(' ');
    const seen = out.get(key);
    if (!seen) out.set(key, { ...g, partial: g.partial.filter((p) => !g.exact.includes(p)) });
    else if (g.weight > seen.weight) out.set(key, { ...seen, weight: g.weight, via: g.via });
  }
  return [...out.values()];
}
