import { and, eq, isNull, sql } from 'drizzle-orm';
import { articleUrl, type DeflectionReport } from '@servus/shared';
import { queryRows, type Db, type Executor } from '../../../platform/db.ts';
import { kbDeflections, type KbLocale } from '../schema.ts';
import type { ArticleHit } from '../search.ts';

/** The address a suggestion links to, so opening it is recorded before the article opens. */
export const suggestedUrl = (lang: KbLocale, deflectionId: string) => `/help/${lang}/suggested/${deflectionId}`;

/**
 * Records the articles suggested in one contact-form visit: one row per visit and article (a
 * suggestion shown again while the customer keeps typing is the same suggestion, with the
 * latest query). Returns the row id of each hit, for its tracked link.
 */
export async function recordSuggestions(db: Db, visit: string, query: string, hits: ArticleHit[], now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (hits.length === 0) return ids;
  const existing = await db
    .select({ id: kbDeflections.id, translationId: kbDeflections.translationId })
    .from(kbDeflections)
    .where(and(eq(kbDeflections.source, 'form'), eq(kbDeflections.visit, visit)));
  for (const e of existing) if (e.translationId) ids.set(e.translationId, e.id);
  const fresh = hits.filter((h) => !ids.has(h.translationId));
  const seen = hits.filter((h) => ids.has(h.translationId)).map((h) => ids.get(h.translationId)!);
  if (seen.length > 0) {
    await db.update(kbDeflections).set({ query }).where(sql`${kbDeflections.id} in (${sql.join(seen.map((id) => sql`${id}::uuid`), sql`, `)})`);
  }
  if (fresh.length > 0) {
    const rows = await db
      .insert(kbDeflections)
      .values(fresh.map((h) => ({ source: 'form' as const, visit, query, translationId: h.translationId, createdAt: now })))
      .returning({ id: kbDeflections.id, translationId: kbDeflections.translationId });
    for (const r of rows) ids.set(r.translationId!, r.id);
  }
  return ids;
}

/**
 * Marks a suggestion opened (the first time) when the article it points to can still be
 * shown (`target` finds it), and returns that article; null for anything else.
 */
export async function openSuggestion<T>(db: Db, id: string, now: Date, target: (translationId: string) => Promise<T | null>): Promise<T | null> {
  const [row] = await db.select({ translationId: kbDeflections.translationId }).from(kbDeflections).where(eq(kbDeflections.id, id));
  const found = row?.translationId ? await target(row.translationId) : null;
  if (!found) return null;
  await db.update(kbDeflections).set({ openedAt: now }).where(and(eq(kbDeflections.id, id), isNull(kbDeflections.openedAt)));
  return found;
}

/** Ties a form visit's suggestions to the ticket the visit ended in. */
export async function linkVisitToTicket(db: Executor, visit: string, ticketId: string): Promise<void> {
  await db.update(kbDeflections).set({ ticketId }).where(and(eq(kbDeflections.source, 'form'), eq(kbDeflections.visit, visit)));
}

/**
 * The contact form's deflection figures for suggestions made in [from, to): suggested, opened,
 * opened and still followed by a ticket, and opened without a ticket (the candidates), plus
 * the articles that deflected most. A visit still open counts as without a ticket until it
 * sends the form.
 */
export async function deflectionReport(db: Executor, from: Date, to: Date): Promise<DeflectionReport> {
  const range = sql`created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz`;
  const d = sql`(
    select distinct on (visit, translation_id) visit, translation_id, opened_at, ticket_id
      from kb_deflections
     where source = 'form' and translation_id is not null and ${range}
     order by visit, translation_id, opened_at nulls last)`;
  const [totals] = await queryRows<Record<string, number>>(
    db,
    sql`select count(distinct d.visit)::int as visits, count(*)::int as suggested, count(d.opened_at)::int as opened,
               (count(*) filter (where d.opened_at is not null and d.ticket_id is not null))::int as followed,
               (count(*) filter (where d.opened_at is not null and d.ticket_id is null))::int as candidates,
               (select count(*) from tickets where channel = 'form' and ${range})::int as tickets
          from ${d} d`,
  );
  const articles = await queryRows<Record<string, unknown>>(
    db,
    sql`select d.translation_id, t.locale, t.title, t.slug, a.status, count(d.opened_at)::int as opened,
               (count(*) filter (where d.opened_at is not null and d.ticket_id is null))::int as candidates
          from ${d} d join kb_article_translations t on t.id = d.translation_id join kb_articles a on a.id = t.article_id
         where d.opened_at is not null
         group by d.translation_id, t.locale, t.title, t.slug, a.status
         order by candidates desc, opened desc, t.title
         limit 10`,
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    visits: Number(totals?.visits ?? 0),
    tickets: Number(totals?.tickets ?? 0),
    suggested: Number(totals?.suggested ?? 0),
    opened: Number(totals?.opened ?? 0),
    followedByTicket: Number(totals?.followed ?? 0),
    candidates: Number(totals?.candidates ?? 0),
    articles: articles.map((r) => ({
      translationId: String(r.translation_id),
      locale: r.locale as KbLocale,
      title: String(r.title),
      url: r.status === 'published' ? articleUrl(r.locale as KbLocale, String(r.slug)) : null,
      opened: Number(r.opened),
      candidates: Number(r.candidates),
    })),
  };
}
