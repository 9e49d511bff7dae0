import { sql, type SQL } from 'drizzle-orm';
import type { SurveyReport, SurveyReportQueryInput } from '@servus/shared';
import { queryRows, type Executor } from '../../platform/db.ts';
import { cesSummary, csatPercent, happinessScore, npsScore, percent, wilsonInterval } from './formulas.ts';
import { getSurveySettings } from './settings.ts';
import type { AgentActor } from '../../platform/actor.ts';

/** Report filters on the survey's snapshot (who and what it was about when it was offered). */
export interface SurveyFilters {
  teamId?: string;
  agentId?: string;
  channel?: string;
  organizationId?: string;
}

/**
 * The WHERE clause of survey reports over `s` (surveys) joined with `t` (its ticket): offered
 * in [from, to), snapshot filters, and never about a ticket that was merged away.
 */
export function surveyScope(from: Date, to: Date, f: SurveyFilters): SQL {
  const parts: SQL[] = [sql`s.sent_at >= ${from.toISOString()}::timestamptz`, sql`s.sent_at < ${to.toISOString()}::timestamptz`, sql`t.merged_into_id is null`];
  if (f.teamId) parts.push(sql`s.team_id = ${f.teamId}`);
  if (f.agentId) parts.push(sql`s.agent_id = ${f.agentId}`);
  if (f.channel) parts.push(sql`s.channel = ${f.channel}`);
  if (f.organizationId) parts.push(sql`s.organization_id = ${f.organizationId}`);
  return sql.join(parts, sql` and `);
}

/**
 * The surveys an agent's figures and comments draw on: those about tickets the agent may see
 * (as `tickets/policies.ts` decides), and every NPS survey (no ticket). Admins see all.
 */
export function visibleSurveys(actor: AgentActor): SQL {
  if (actor.role === 'admin') return sql`true`;
  const teams = actor.teamIds.length ? sql`or t.team_id in (${sql.join(actor.teamIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  return sql`(s.ticket_id is null or t.team_id is null or t.assignee_id = ${actor.id}::uuid ${teams})`;
}

interface Bucket {
  period: string;
  answered: number;
  csat_offered: number;
  csat_good: number;
  csat_bad: number;
  h_top: number;
  h_mid: number;
  h_bottom: number;
  nps_sent: number;
  promoters: number;
  passives: number;
  detractors: number;
  ces1: number;
  ces2: number;
  ces3: number;
  ces4: number;
  ces5: number;
  ces6: number;
  ces7: number;
}

const ces = (k: number) => sql.raw(`count(*) filter (where coalesce(r.ces, case when s.kind = 'ces' then r.score end) = ${k})::int as ces${k}`);

/**
 * CSAT, NPS and CES over the surveys offered in [from, to) (METRICS §3, §9 decision 5), with
 * counts, response rates, the Wilson interval for CSAT, a small-sample flag, and a trend per
 * day, week or month (UTC). Every survey counts in the period it was offered in, so a
 * response rate compares like with like.
 */
export async function surveyReport(db: Executor, actor: AgentActor, from: Date, to: Date, q: Pick<SurveyReportQueryInput, 'interval'> & SurveyFilters): Promise<SurveyReport> {
  const unit = sql.raw(`'${q.interval}'`);
  const rows = await queryRows<Bucket>(
    db,
    sql`
      select to_char(date_trunc(${unit}, s.sent_at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as period,
        count(r.survey_id)::int as answered,
        count(*) filter (where s.kind = 'csat')::int as csat_offered,
        count(*) filter (where s.kind = 'csat' and r.good = true)::int as csat_good,
        count(*) filter (where s.kind = 'csat' and r.good = false)::int as csat_bad,
        count(*) filter (where s.kind = 'csat' and r.scale = 3 and r.score = 3)::int as h_top,
        count(*) filter (where s.kind = 'csat' and r.scale = 3 and r.score = 2)::int as h_mid,
        count(*) filter (where s.kind = 'csat' and r.scale = 3 and r.score = 1)::int as h_bottom,
        count(*) filter (where s.kind = 'nps')::int as nps_sent,
        count(*) filter (where s.kind = 'nps' and r.score >= 9)::int as promoters,
        count(*) filter (where s.kind = 'nps' and r.score between 7 and 8)::int as passives,
        count(*) filter (where s.kind = 'nps' and r.score <= 6)::int as detractors,
        ${ces(1)}, ${ces(2)}, ${ces(3)}, ${ces(4)}, ${ces(5)}, ${ces(6)}, ${ces(7)}
      from surveys s
      left join survey_responses r on r.survey_id = s.id
      left join tickets t on t.id = s.ticket_id
      where ${surveyScope(from, to, q)} and ${visibleSurveys(actor)}
      group by date_trunc(${unit}, s.sent_at at time zone 'UTC')
      order by date_trunc(${unit}, s.sent_at at time zone 'UTC')`,
  );
  const { minSample } = await getSurveySettings(db);
  const sum = (k: keyof Bucket) => rows.reduce((a, r) => a + Number(r[k]), 0);
  const dist = (r: (k: keyof Bucket) => number) => [r('ces1'), r('ces2'), r('ces3'), r('ces4'), r('ces5'), r('ces6'), r('ces7')];

  const good = sum('csat_good');
  const bad = sum('csat_bad');
  const csatN = good + bad;
  const [p, pa, d] = [sum('promoters'), sum('passives'), sum('detractors')];
  const npsN = p + pa + d;
  const cesTotal = cesSummary(dist(sum));

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    minSample,
    csat: {
      percent: csatPercent(good, bad),
      good,
      bad,
      responses: csatN,
      offered: sum('csat_offered'),
      responseRate: percent(csatN, sum('csat_offered')),
      wilson: wilsonInterval(good, csatN),
      lowSample: csatN < minSample,
      happiness: happinessScore(sum('h_top'), sum('h_mid'), sum('h_bottom')),
    },
    nps: { score: npsScore(p, pa, d), promoters: p, passives: pa, detractors: d, responses: npsN, sent: sum('nps_sent'), responseRate: percent(npsN, sum('nps_sent')), lowSample: npsN < minSample },
    ces: { ...cesTotal, distribution: dist(sum), lowSample: cesTotal.responses < minSample },
    trend: rows.map((r) => {
      const one = (k: keyof Bucket) => Number(r[k]);
      const c = cesSummary(dist(one));
      return {
        period: new Date(r.period).toISOString(),
        csat: csatPercent(one('csat_good'), one('csat_bad')),
        nps: npsScore(one('promoters'), one('passives'), one('detractors')),
        ces: c.mean,
        responses: one('answered'),
      };
    }),
  };
}
