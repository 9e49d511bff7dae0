import { and, asc, eq } from 'drizzle-orm';
import type { TicketSurvey } from '@servus/shared';
import type { AgentActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { visibleTickets } from '../tickets/policies.ts';
import { tickets } from '../tickets/schema.ts';
import { surveyResponses, surveys } from './schema.ts';
import { getSurveySettings } from './settings.ts';

/**
 * The surveys offered about a ticket with their answers, for an agent who may see the ticket
 * (404 otherwise). An unanswered survey past its expiry shows as expired.
 */
export async function ticketSurveys(db: Executor, actor: AgentActor, ticketId: string, now: Date): Promise<TicketSurvey[]> {
  const [t] = await db.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.id, ticketId), visibleTickets(actor)));
  if (!t) throw notFound('ticket');
  const rows = await db
    .select({ s: surveys, r: surveyResponses })
    .from(surveys)
    .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
    .where(eq(surveys.ticketId, ticketId))
    .orderBy(asc(surveys.sentAt), asc(surveys.id));
  const { reasons } = await getSurveySettings(db);
  const labelOf = (key: string | null) => {
    const r = key ? reasons.find((x) => x.key === key) : undefined;
    return r ? { en: r.labelEn, de: r.labelDe } : null;
  };
  return rows.map(({ s, r }) => ({
    id: s.id,
    kind: s.kind,
    status: s.status === 'offered' && s.expiresAt.getTime() <= now.getTime() ? 'expired' : s.status,
    channel: s.channel,
    scale: s.scale,
    sentAt: s.sentAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    agentId: s.agentId,
    response: r
      ? { score: r.score, good: r.good, comment: r.comment, reason: r.reason, reasonLabel: labelOf(r.reason), ces: r.ces, answeredAt: r.answeredAt.toISOString(), updatedAt: r.updatedAt.toISOString() }
      : null,
  }));
}
