import { and, desc, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { AgentActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { tickets } from '../tickets/schema.ts';
import { contacts, organizations } from '../contacts/schema.ts';
import { ticketColumns, filterConditions, type TicketView } from '../tickets/repository.ts';

/** A German-or-English-or-exact full-text query; `websearch` syntax ("quotes", -not, or). */
function tsQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('german', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

/**
 * Tickets by full text over subject and messages (German and English stemming), ranked, with
 * the same visibility and filters as ticket lists. A number or `#123` also finds that ticket.
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
  const rank = num
    ? sql<number>`case when ${tickets.number} = ${Number(num[1])} then 10 else ts_rank_cd(${tickets.searchVector}, ${query}) end`
    : sql<number>`ts_rank_cd(${tickets.searchVector}, ${query})`;
  return db
    .select({ ...ticketColumns, rank })
    .from(tickets)
    .where(and(match, ...where))
    .orderBy(desc(rank), desc(tickets.createdAt))
    .limit(f.limit);
}

/** Contacts by name or email: trigram similarity (typos) plus substring, best first. */
export async function searchContacts(db: Executor, q: string, limit: number) {
  const needle = q.trim().toLowerCase();
  return queryRows<{ id: string; name: string; email: string | null; organization_id: string | null; score: number }>(
    db,
    sql`select id, name, email, organization_id,
          greatest(similarity(lower(name), ${needle}), similarity(coalesce(email, ''), ${needle}),
                   case when lower(name) like ${'%' + escape(needle) + '%'} or email like ${'%' + escape(needle) + '%'} then 0.9 else 0 end) as score
        from ${contacts}
        where lower(name) % ${needle} or coalesce(email, '') % ${needle}
           or lower(name) like ${'%' + escape(needle) + '%'} or email like ${'%' + escape(needle) + '%'}
        order by score desc, name
        limit ${limit}`,
  );
}

export async function searchOrganizations(db: Executor, q: string, limit: number) {
  const needle = q.trim().toLowerCase();
  return queryRows<{ id: string; name: string; score: number }>(
    db,
    sql`select id, name, greatest(similarity(lower(name), ${needle}), case when lower(name) like ${'%' + escape(needle) + '%'} then 0.9 else 0 end) as score
        from ${organizations}
        where lower(name) % ${needle} or lower(name) like ${'%' + escape(needle) + '%'}
        order by score desc, name
        limit ${limit}`,
  );
}

function escape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}
