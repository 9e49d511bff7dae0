import { sql, type SQL } from 'drizzle-orm';
import type { SurveyComment, SurveyKindName, SurveyTopicsReport } from '@servus/shared';
import type { AgentActor } from '../../platform/actor.ts';
import { queryRows, type Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { surveyScope, visibleSurveys, type SurveyFilters } from './report.ts';
import { commentTopics, SURVEY_TOPICS, topicPattern } from './topics.ts';

/** At most this many comments feed the topic view of one period. */
const TOPIC_SAMPLE = 5000;

interface Row {
  survey_id: string;
  kind: SurveyKindName;
  scale: number;
  score: number;
  good: boolean | null;
  comment: string;
  reason: string | null;
  ticket_id: string | null;
  ticket_number: number | null;
  agent_id: string | null;
  answered_at: string;
}


async function commentRows(db: Executor, actor: AgentActor, from: Date, to: Date, f: SurveyFilters & { kind?: SurveyKindName; score?: number; topic?: string }, extra: SQL, limit: number): Promise<Row[]> {
  const parts: SQL[] = [surveyScope(from, to, f), visibleSurveys(actor), sql`r.comment is not null and r.comment <> ''`, extra];
  if (f.kind) parts.push(sql`s.kind = ${f.kind}`);
  if (f.score !== undefined) parts.push(sql`r.score = ${f.score}`);
  if (f.topic) {
    const pattern = topicPattern(f.topic);
    if (!pattern) throw new AppError('validation_failed', 'unknown topic', [{ path: 'querystring.topic', message: `one of ${Object.keys(SURVEY_TOPICS).join(', ')}` }]);
    parts.push(sql`r.comment ~* ${pattern}`);
  }
  return queryRows<Row>(
    db,
    sql`
      select s.id as survey_id, s.kind, r.scale, r.score, r.good, r.comment, r.reason, s.ticket_id, t.number as ticket_number, s.agent_id,
        to_char(r.answered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as answered_at
      from surveys s
      join survey_responses r on r.survey_id = s.id
      left join tickets t on t.id = s.ticket_id
      where ${sql.join(parts, sql` and `)}
      order by r.answered_at desc, s.id desc
      limit ${limit}`,
  );
}

const present = (r: Row): SurveyComment => ({
  surveyId: r.survey_id,
  kind: r.kind,
  scale: r.scale,
  score: r.score,
  good: r.good,
  comment: r.comment,
  reason: r.reason,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number === null ? null : Number(r.ticket_number),
  agentId: r.agent_id,
  answeredAt: r.answered_at,
  topics: commentTopics(r.comment),
});

const encode = (r: Row) => Buffer.from(`${r.answered_at}|${r.survey_id}`).toString('base64url');
function decode(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError('validation_failed', 'invalid cursor', [{ path: 'querystring.cursor', message: 'invalid cursor' }]);
  return { at, id };
}

/** Commented answers, newest first, filterable by score and topic, each with the topics it matched. */
export async function listSurveyComments(
  db: Executor,
  actor: AgentActor,
  from: Date,
  to: Date,
  q: SurveyFilters & { kind?: SurveyKindName; score?: number; topic?: string; limit: number; cursor?: string },
): Promise<{ data: SurveyComment[]; nextCursor: string | null }> {
  const c = q.cursor ? decode(q.cursor) : null;
  const after = c ? sql`(r.answered_at, s.id) < (${c.at}::timestamptz, ${c.id}::uuid)` : sql`true`;
  const rows = await commentRows(db, actor, from, to, q, after, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { data: page.map(present), nextCursor: rows.length > q.limit ? encode(page[page.length - 1]!) : null };
}

/** How many comments of the period fall into each topic, which keywords matched how often, and how many came with a good or bad CSAT rating. */
export async function surveyTopics(db: Executor, actor: AgentActor, from: Date, to: Date, f: SurveyFilters & { kind?: SurveyKindName }): Promise<SurveyTopicsReport> {
  const rows = await commentRows(db, actor, from, to, f, sql`true`, TOPIC_SAMPLE);
  const groups = new Map<string, { count: number; good: number; bad: number; keywords: Map<string, number> }>();
  for (const r of rows) {
    for (const t of commentTopics(r.comment)) {
      const g = groups.get(t.topic) ?? { count: 0, good: 0, bad: 0, keywords: new Map() };
      g.count++;
      if (r.good === true) g.good++;
      if (r.good === false) g.bad++;
      for (const k of t.keywords) g.keywords.set(k, (g.keywords.get(k) ?? 0) + 1);
      groups.set(t.topic, g);
    }
  }
  return {
    comments: rows.length,
    groups: [...groups.entries()]
      .map(([topic, g]) => ({ topic, count: g.count, good: g.good, bad: g.bad, keywords: [...g.keywords.entries()].map(([keyword, count]) => ({ keyword, count })).sort((a, b) => b.count - a.count || a.keyword.localeCompare(b.keyword)) }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)),
  };
}
