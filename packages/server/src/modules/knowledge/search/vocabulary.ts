import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';
import type { KbLocale } from '../schema.ts';
import { headForms, isPrefix, plain, spellUmlauts, trigrams } from './words.ts';

/** The full-text configuration of each language, as the articles' search vectors use it. */
export const SEARCH_CONFIG: Record<KbLocale, string> = { de: 'german', en: 'english' };

/** One word of the articles as written (lower case), with its stems and how common it is. */
export interface VocabularyWord {
  word: string;
  /** Without accents and umlauts: `kündigung` → `kundigung`. */
  plain: string;
  /** The stems the search vectors hold for it; empty for a stop word. */
  lexemes: string[];
  /** In how many published or internal translations it occurs. */
  docs: number;
  /** In how many published ones; 0 means only agents may be offered it. */
  publicDocs: number;
}

/**
 * The words of one language's published and internal articles: what a misspelt, umlaut-less or
 * compound query word is matched against. Drafts and archived articles contribute nothing, and
 * words found only in internal articles are never offered to the public.
 *
 * The words are held in memory rather than looked up with pg_trgm: even a large knowledge base
 * has only tens of thousands of distinct words, and PostgreSQL's planner scans a table that
 * small instead of using a trigram index, at a few milliseconds per query word.
 */
export class Vocabulary {
  private readonly byWord = new Map<string, VocabularyWord>();
  private readonly byPlain = new Map<string, VocabularyWord[]>();
  private readonly byLexeme = new Map<string, VocabularyWord[]>();
  private readonly byTrigram = new Map<string, VocabularyWord[]>();
  private readonly trigramCount = new Map<VocabularyWord, number>();

  /**
   * @param words the words of the language's published and internal articles
   * @param articles how many translations of the language are published (`public`) and
   *   published or internal (`all`): the document counts idf is computed against
   */
  constructor(
    words: VocabularyWord[],
    readonly articles: { public: number; all: number } = { public: 0, all: 0 },
  ) {
    for (const w of words) {
      this.byWord.set(w.word, w);
      for (const key of new Set([w.plain, spellUmlauts(w.word)])) push(this.byPlain, key, w);
      for (const lexeme of w.lexemes) push(this.byLexeme, lexeme, w);
      const grams = trigrams(w.plain);
      this.trigramCount.set(w, grams.size);
      for (const g of grams) push(this.byTrigram, g, w);
    }
  }

  get size(): number {
    return this.byWord.size;
  }

  /**
   * The words a query word is, ignoring umlauts and their two-letter spelling: `kundigen` and
   * `kuendigen` are both `kündigen`.
   */
  known(token: string, publicOnly: boolean): VocabularyWord[] {
    const out = new Set<VocabularyWord>();
    const exact = this.byWord.get(token);
    if (exact) out.add(exact);
    for (const key of [plain(token), token]) for (const w of this.byPlain.get(key) ?? []) out.add(w);
    return [...out].filter((w) => !publicOnly || w.publicDocs > 0);
  }

  /**
   * The words of the articles with one of these stems: another form of a word the articles use
   * (`cracked` when they say `cracks`).
   */
  withStem(lexemes: string[], publicOnly: boolean): VocabularyWord[] {
    return lexemes.flatMap((l) => this.byLexeme.get(l) ?? []).filter((w) => !publicOnly || w.publicDocs > 0);
  }

  /**
   * The words most similar to `token` by trigrams (as pg_trgm's `similarity` computes it), at
   * least `threshold` similar, most similar first.
   */
  similar(token: string, publicOnly: boolean, threshold = 0.3, limit = 8): { word: VocabularyWord; similarity: number }[] {
    const grams = trigrams(plain(token));
    const shared = new Map<VocabularyWord, number>();
    for (const g of grams) for (const w of this.byTrigram.get(g) ?? []) shared.set(w, (shared.get(w) ?? 0) + 1);
    const out: { word: VocabularyWord; similarity: number }[] = [];
    for (const [w, n] of shared) {
      // Numbers (error codes, amounts) are never a typo of one another.
      if ((publicOnly && w.publicDocs === 0) || /\p{N}/u.test(w.word)) continue;
      const similarity = n / (grams.size + this.trigramCount.get(w)! - n);
      if (similarity >= threshold) out.push({ word: w, similarity });
    }
    return out.sort((a, b) => b.similarity - a.similarity || b.word.docs - a.word.docs).slice(0, limit);
  }

  /** The word (as written or without umlauts) when the articles use it and it is no stop word. */
  meaningful(word: string, publicOnly: boolean): VocabularyWord | undefined {
    return this.known(word, publicOnly).find((w) => w.lexemes.length > 0);
  }

  /**
   * The German compounds of the articles that end in `token`, most common first: `drucker` →
   * `bondrucker`, `bon` → `kassenbon`. A compound is a kind of its last part, so its first part
   * must be a word of its own, not a verb prefix (`verkaufen` is no kind of `kaufen`); for a
   * short `token` it must also be a word of the articles (`bon` → `kassenbon`, not `bonbon`).
   */
  compoundsEndingIn(token: string, publicOnly: boolean, limit = 6): VocabularyWord[] {
    const tail = plain(token);
    const out: VocabularyWord[] = [];
    for (const w of this.byWord.values()) {
      if (w.plain.length < tail.length + 3 || !w.plain.endsWith(tail) || w.lexemes.length === 0) continue;
      if (publicOnly && w.publicDocs === 0) continue;
      const head = w.plain.slice(0, -tail.length);
      if (isPrefix(head)) continue;
      if (tail.length >= 6 || headForms(head).some((h) => this.meaningful(h, publicOnly))) out.push(w);
    }
    return out.sort((a, b) => b.docs - a.docs || a.word.localeCompare(b.word)).slice(0, limit);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A cheap summary of the searchable state of every translation: each save bumps a
 * translation's version and time, a status change the article's time, a deletion the count; the
 * ids keep two databases apart. Any change that can alter the words changes this value.
 */
export const FINGERPRINT = sql`(
  select count(*) || '/' || coalesce(sum(t.version), 0) || '/' || coalesce(max(t.updated_at)::text, '') || '/'
         || coalesce(max(a.updated_at)::text, '') || '/' || coalesce(sum(hashtext(t.id::text || a.status)), 0)
    from kb_article_translations t join kb_articles a on a.id = t.article_id)`;

/** The words of one language among articles of the given statuses, as a `ts_stat` relation. */
function wordStats(locale: KbLocale, statuses: 'visible' | 'public') {
  // ts_stat takes its query as text; everything in it is a constant of this file.
  const where = statuses === 'public' ? `a.status = 'published'` : `a.status in ('published', 'internal')`;
  const inner =
    `select to_tsvector('simple', t.title || ' ' || t.keywords || ' ' || t.summary || ' ' || left(t.body_text, 200000))` +
    ` from kb_article_translations t join kb_articles a on a.id = t.article_id where t.locale = '${locale}' and ${where}`;
  return sql.raw(`ts_stat('${inner.replace(/'/g, "''")}')`);
}

/**
 * Reads the words of one language from the articles. Only words of letters and digits are
 * kept: the parts of hyphenated words are words of their own, and addresses or paths are
 * nothing anyone types into a help center search.
 */
async function readVocabulary(db: Executor, locale: KbLocale): Promise<Vocabulary> {
  const rows = await queryRows<{ word: string; docs: number; public_docs: number; lexemes: string[] | null }>(
    db,
    sql`select v.word, v.ndoc as docs, coalesce(p.ndoc, 0) as public_docs,
               tsvector_to_array(to_tsvector(${SEARCH_CONFIG[locale]}::regconfig, v.word)) as lexemes
          from ${wordStats(locale, 'visible')} v
          left join ${wordStats(locale, 'public')} p on p.word = v.word
         where char_length(v.word) between 2 and 40`,
  );
  const [counts] = await queryRows<{ public: number; all: number }>(
    db,
    sql`select count(*) filter (where a.status = 'published')::int as public, count(*)::int as all
          from kb_article_translations t join kb_articles a on a.id = t.article_id
         where t.locale = ${locale} and a.status in ('published', 'internal')`,
  );
  const words = rows
    .filter((r) => /^[\p{L}\p{N}]+$/u.test(r.word))
    .map((r) => ({ word: r.word, plain: plain(r.word), lexemes: r.lexemes ?? [], docs: Number(r.docs), publicDocs: Number(r.public_docs) }));
  return new Vocabulary(words, { public: Number(counts?.public ?? 0), all: Number(counts?.all ?? 0) });
}

/** Recently read vocabularies by knowledge-base state; a few, for processes serving several databases (tests). */
const cache = new Map<string, Promise<Vocabulary>>();
const CACHE_SIZE = 6;

/**
 * The vocabulary of one language for the knowledge base in the state `fingerprint` describes,
 * read from the database only when an article changed since it was last read.
 */
export function vocabularyFor(db: Executor, locale: KbLocale, fingerprint: string): Promise<Vocabulary> {
  const key = `${locale}|${fingerprint}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = readVocabulary(db, locale);
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return entry;
}
