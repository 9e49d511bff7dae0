import { sql, type SQL } from 'drizzle-orm';
import type { NpsSegment, NpsSegmentPreview } from '@servus/shared';
import { queryRows, type Executor } from '../../platform/db.ts';

const DAY_MS = 86_400_000;

export interface SegmentContact {
  id: string;
  email: string;
  locale: string | null;
  organization_id: string | null;
  opted_out: boolean;
  quiet: boolean;
}

/** Contacts with an email that match every part of the segment given (organizations, ticket tags, recent activity). */
function segmentWhere(seg: NpsSegment, now: Date): SQL {
  const parts: SQL[] = [sql`c.email is not null and c.email <> ''`];
  if (seg.organizationIds.length) parts.push(sql`c.organization_id in (${sql.join(seg.organizationIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  if (seg.tags.length) parts.push(sql`exists (select 1 from tickets t where t.requester_id = c.id and t.tags && array[${sql.join(seg.tags.map((t) => sql`${t}`), sql`, `)}]::text[])`);
  if (seg.activeWithinDays) {
    const since = new Date(now.getTime() - seg.activeWithinDays * DAY_MS).toISOString();
    parts.push(sql`exists (select 1 from tickets t where t.requester_id = c.id and t.merged_into_id is null and (t.created_at >= ${since}::timestamptz or t.updated_at >= ${since}::timestamptz))`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * The contacts of a segment now, each marked when opted out or inside the NPS quiet period
 * (an NPS survey sent within `quietDays`).
 */
export async function segmentContacts(db: Executor, seg: NpsSegment, now: Date, quietDays: number): Promise<SegmentContact[]> {
  const quietSince = new Date(now.getTime() - quietDays * DAY_MS).toISOString();
  return queryRows<SegmentContact>(
    db,
    sql`
      select c.id, c.email, c.locale, c.organization_id,
        exists (select 1 from survey_opt_outs o where o.contact_id = c.id) as opted_out,
        ${quietDays > 0 ? sql`exists (select 1 from surveys s where s.contact_id = c.id and s.kind = 'nps' and s.sent_at > ${quietSince}::timestamptz)` : sql`false`} as quiet
      from contacts c
      where ${segmentWhere(seg, now)}
      order by c.created_at, c.id`,
  );
}

/** How many contacts a segment reaches now, and how many of them opt-outs and the quiet period leave out. */
export async function previewSegment(db: Executor, seg: NpsSegment, now: Date, quietDays: number): Promise<NpsSegmentPreview> {
  const rows = await segmentContacts(db, seg, now, quietDays);
  const optedOut = rows.filter((r) => r.opted_out).length;
  const quiet = rows.filter((r) => !r.opted_out && r.quiet).length;
  return { matching: rows.length, optedOut, quiet, eligible: rows.length - optedOut - quiet };
}
