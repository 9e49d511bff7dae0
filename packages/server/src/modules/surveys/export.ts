import { sql } from 'drizzle-orm';
import type { SurveyExportQueryInput, SurveyReport } from '@servus/shared';
import { queryRows, type Executor } from '../../platform/db.ts';
import { csvLine, toCsv } from '../analytics/reports/csv.ts';

const BATCH = 1000;
const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

const COLUMNS = ['survey_id', 'kind', 'status', 'sent_at', 'ticket_number', 'contact_email', 'organization_id', 'team_id', 'agent_id', 'channel', 'scale', 'score', 'good', 'ces', 'reason', 'comment', 'answered_at', 'updated_at'];

/**
 * Every survey offered in [from, to), oldest first, with its answer when there is one, as CSV
 * lines in batches (memory stays flat). Comments and reasons are customer text: the CSV writer
 * neutralises anything a spreadsheet would run as a formula.
 */
export async function* exportSurveysCsv(db: Executor, from: Date, to: Date, q: Pick<SurveyExportQueryInput, 'kind'>): AsyncGenerator<string> {
  yield csvLine(COLUMNS);
  const kind = q.kind ? sql`and s.kind = ${q.kind}` : sql``;
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    const after = cursor ? sql`and (s.sent_at, s.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;
    const rows: any[] = await queryRows<any>(
      db,
      sql`select s.id, s.kind, s.status, s.sent_at, t.number, c.email, s.organization_id, s.team_id, s.agent_id, s.channel, s.scale,
            r.score, r.good, r.ces, r.reason, r.comment, r.answered_at, r.updated_at
          from surveys s
          join contacts c on c.id = s.contact_id
          left join tickets t on t.id = s.ticket_id
          left join survey_responses r on r.survey_id = s.id
          where s.sent_at >= ${from.toISOString()}::timestamptz and s.sent_at < ${to.toISOString()}::timestamptz ${kind} ${after}
          order by s.sent_at, s.id limit ${BATCH}`,
    );
    let chunk = '';
    for (const r of rows) {
      chunk += csvLine([
        r.id, r.kind, r.status, iso(r.sent_at), r.number === null ? null : Number(r.number), r.email, r.organization_id, r.team_id, r.agent_id, r.channel,
        Number(r.scale), r.score === null ? null : Number(r.score), r.good, r.ces === null ? null : Number(r.ces), r.reason, r.comment, iso(r.answered_at), iso(r.updated_at),
      ]);
    }
    if (chunk) yield chunk;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    cursor = { at: iso(last.sent_at)!, id: last.id };
  }
}

/** The survey report's trend as CSV: one line per bucket. */
export function surveyTrendCsv(r: SurveyReport): string {
  return toCsv(['period', 'csat_percent', 'nps', 'ces_mean', 'responses'], r.trend.map((p) => [p.period, p.csat, p.nps, p.ces, p.responses]));
}
