import { sql, type SQL } from 'drizzle-orm';
import type { TermGroup } from './query-plan.ts';

/**
 * The weights of the ranking, in one place.
 *
 * `title`, `summary`, `body`: how much finding a query word counts by where it was found (in the
 * title; in the keywords or summary; anywhere, i.e. only in the body) and whether it was the word
 * itself or only a longer word or compound starting with it. A word in the title says far more
 * about what an article is for than the same word somewhere in its body.
 *
 * `otherFields`: the share of the credit of further fields a word is also found in.
 *
 * `coordination`: how strongly an article is held back for the query words it lacks: its score
 * is multiplied by (share of the query's weight it has) to this power. 1 measured best on the
 * evaluation queries; stronger punishes the filler words questions carry and answers lack.
 */
export const RANKING = {
  title: { exact: 1, partial: 0.6 },
  summary: { exact: 0.55, partial: 0.35 },
  body: { exact: 0.3, partial: 0.18 },
  otherFields: 0.15,
  coordination: 1,
};

/** A lexeme as a quoted tsquery operand. Lexemes come from the parser, but quote them anyway. */
function operand(lexeme: string, prefix: boolean, weights: string): string {
  const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const flags = (prefix ? '*' : '') + weights;
  return flags ? `${quoted}:${flags}` : quoted;
}

/** Stems shorter than this match only themselves: `bon:*` would find every `bonus`. */
const MIN_PREFIX = 4;

/** The tsqueries (as text) that tell whether and where a document has one query word. */
export interface GroupQueries {
  /** Any field, the word itself. */
  exact: string;
  /** Any field, the word or a longer word starting with it, or a compound containing it. */
  any: string;
  exactTitle: string;
  anyTitle: string;
  exactSummary: string;
  anySummary: string;
}

/** The tsqueries of one query word: each lexeme on its own (exact) or as a prefix (any), by field. */
export function groupQueries(g: TermGroup): GroupQueries {
  const build = (weights: string, withPartial: boolean) => {
    const ops = g.exact.map((l) => operand(l, withPartial && l.length >= MIN_PREFIX, weights));
    if (withPartial) ops.push(...g.partial.map((l) => operand(l, l.length >= MIN_PREFIX, weights)));
    return [...new Set(ops)].join(' | ');
  };
  return {
    exact: build('', false),
    any: build('', true),
    exactTitle: build('A', false),
    anyTitle: build('A', true),
    exactSummary: build('AB', false),
    anySummary: build('AB', true),
  };
}

/** One tsquery matching a document that has any word of the query at all. */
export function anyWordQuery(groups: TermGroup[]): string {
  return groups.map((g) => `(${groupQueries(g).any})`).join(' | ');
}

/**
 * The query words as a relation `g(i, w, ex, anyq, exa, anya, exb, anyb)` of tsqueries, to be
 * joined with the documents being ranked.
 */
export function groupsRelation(groups: TermGroup[]): SQL {
  const rows = groups.map((g, index) => {
    const q = groupQueries(g);
    return { i: index + 1, w: g.weight, ex: q.exact, anyq: q.any, exa: q.exactTitle, anya: q.anyTitle, exb: q.exactSummary, anyb: q.anySummary };
  });
  return sql`(select g.i, g.w, g.ex::tsquery as ex, g.anyq::tsquery as anyq, g.exa::tsquery as exa,
                     g.anya::tsquery as anya, g.exb::tsquery as exb, g.anyb::tsquery as anyb
                from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
                  as g(i int, w float8, ex text, anyq text, exa text, anya text, exb text, anyb text))`;
}

/**
 * Where a document vector `v` (weights: A title, B keywords and summary, C body) has the query
 * word of the row `g` of `groupsRelation`, as three columns `ft, fs, fb`: the credit earned in
 * the title, the keywords or summary, and anywhere. Only rows where `v @@ g.anyq` holds are asked.
 */
export function fieldColumns(v: SQL, g: string): SQL {
  const G = sql.raw(g);
  const { title, summary, body } = RANKING;
  return sql`case when ${v} @@ ${G}.exa then ${title.exact}::float8 when ${v} @@ ${G}.anya then ${title.partial}::float8 else 0::float8 end as ft,
    case when ${v} @@ ${G}.exb then ${summary.exact}::float8 when ${v} @@ ${G}.anyb then ${summary.partial}::float8 else 0::float8 end as fs,
    case when ${v} @@ ${G}.ex then ${body.exact}::float8 else ${body.partial}::float8 end as fb`;
}

/**
 * The credit for one query word from the columns of `fieldColumns` (of the relation `h`): the
 * best field, plus a share of each further one, so a word in the title and all through the
 * body beats a word in the title alone.
 */
export function fieldCreditSum(): SQL {
  return sql`(greatest(h.ft, h.fs, h.fb) + ${RANKING.otherFields}::float8 * (h.ft + h.fs + h.fb - greatest(h.ft, h.fs, h.fb)))`;
}

/** The same in JavaScript, for passages scored from the columns. */
export function fieldCredit(ft: number, fs: number, fb: number): number {
  const top = Math.max(ft, fs, fb);
  return top + RANKING.otherFields * (ft + fs + fb - top);
}

/** Inverse document frequency (as in BM25): a word found in few articles says more than a common one. */
export function idf(total: SQL, df: SQL): SQL {
  return sql`ln(1 + (${total} - ${df} + 0.5) / (${df} + 0.5))`;
}
