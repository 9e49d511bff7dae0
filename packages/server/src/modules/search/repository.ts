import { and, desc, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { AgentActor } from '../../platform/actor.ts';
import { escapeLike, queryRows } from '../../platform/db.ts';
import { tickets } from '../tickets/schema.ts';
import { contacts, organizations } from '../contacts/schema.ts';
import { ticketColumns, filterConditions, type TicketView } from '../tickets/repository.ts';

/** A German-or-English-or-exact full-text query; `websearch` syntax ("quotes", -not, or). */
function tsQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('german', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

/** How many of the newest matches are ranked when a query matches very many tickets. */
export const RANKED_CANDIDATES = 500;
/** Up to this many matches, every match is ranked. */
const RANK_ALL_UP_TO = 2000;

/**
 * Tickets by full text over subject and messages (German and English stemming), with the same
 * visibility and filters as ticket lists, ranked by relevance; a number or `#123` also finds
 * that ticket and puts it first. A query that matches more than RANK_ALL_UP_TO tickets (a very
 * common word) ranks only its RANKED_CANDIDATES newest matches, so it stays fast at millions.
 */
export async function searchTickets(
  db: Executor,
  actor: AgentActor,
  q: string,
  f: { status?: string[]; teamId?: string; assigneeId?: string; limit: number },
): Promise<(TicketView & { rank: number })[]> {
  const where = filterConditions(actor, f);
  const num = /^#?(\d{1,15})$/.exec(q.trim());
  const query = tsQuery(q);
  const match = num ? sql`(${tickets.searchVector} @@ ${query} or ${tickets.number} = ${Number(num[1])})` : sql`${tickets.searchVector} @@ ${query}`;
  const probe = db.select({ one: sql`1` }).from(tickets).where(and(match, ...where)).limit(RANK_ALL_UP_TO + 1);
  const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${probe}) as probe`);
  const many = Number(counted?.n ?? 0) > RANK_ALL_UP_TO;
  // Few matches: all of them, found through the full-text index. Many: the newest, found by
  // walking the date index, which a common word satisfies within a few hundred rows.
  const matching = db.select({ id: tickets.id }).from(tickets).where(and(match, ...where));
  const candidates = many ? matching.orderBy(sql`${tickets.createdAt} desc`).limit(RANKED_CANDIDATES) : matching;
  const rank = num
    ? sql<number>`case when ${tickets.number} = ${Number(num[1])} then 10 else ts_rank_cd(${tickets.searchVector}, ${query}) end`
    : sql<number>`ts_rank_cd(${tickets.searchVector}, ${query})`;
  return db
    .select({ ...ticketColumns, rank })
    .from(tickets)
    .where(inArray(tickets.id, candidates))
    .orderBy(desc(rank), desc(tickets.createdAt))
    .limit(f.limit);
}

/** Fuzzy matches may differ by a typo or two: a word-similarity of 0.4 keeps "Alpah" → "Alpha GmbH". */
const WORD_SIMILARITY = '0.4';

/** Runs a trigram query with our word-similarity threshold set for its transaction only. */
async function withTrigramThreshold<T>(db: Executor, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY}, true)`);
    return queryRows<T>(tx, query);
  });
}

/** Contacts by name or email: trigram word similarity (typos) plus substring, best first. */
export async function searchContacts(db: Executor, q: string, limit: number) {
  const needle = q.trim().toLowerCase();
  const like = `%${escapeLike(needle)}%`;
  return withTrigramThreshold<{ id: string; name: string; email: string | null; organization_id: string | null; score: number }>(
    db,
    sql`select id, name, email, organization_id,
          greatest(word_similarity(${needle}, name), coalesce(word_similarity(${needle}, email), 0),
                   case when name ilike ${like} or email like ${like} then 1 else 0 end) as score
        from ${contacts}
        where ${needle} <% name or ${needle} <% email or name ilike ${like} or email like ${like}
        order by score desc, name
        limit ${limit}`,
  );
}

/** Organizations by name, typo-tolerant, best first. */
export async function searchOrganizations(db: Executor, q: string, limit: number) {
  const needle = q.trim().toLowerCase();
  const like = `%${escapeLike(needle)}%`;
  return withTrigramThreshold<{ id: string; name: string; score: number }>(
    db,
    sql`select id, name, greatest(word_similarity(${needle}, name), case when name ilike ${like} then 1 else 0 end) as score
        from ${organizations}
        where ${needle} <% name or name ilike ${like}
        order by score desc, name
        limit ${limit}`,
  );
}
