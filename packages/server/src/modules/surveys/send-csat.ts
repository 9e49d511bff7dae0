import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { surveys } from './schema.ts';
import { getSurveySettings } from './settings.ts';
import { csatSurveyOf, insertSurvey, optedOut, surveyedWithin, ticketForSurvey, type SurveyTicket } from './offer.ts';
import { surveyMail } from './mail.ts';

/** The delayed job that mails a ticket's CSAT survey once the configured time after Solved has passed. */
export const sendCsatJob = { name: 'surveys.send-csat', schema: z.object({ ticketId: z.uuid() }) };

export type CsatSkip = 'disabled' | 'missing' | 'not_solved' | 'merged' | 'not_due' | 'channel' | 'no_email' | 'opted_out' | 'already_offered' | 'throttled' | 'no_mailer';

/**
 * Why a ticket's requester may not get a CSAT survey now, or null when they may: surveys on,
 * the ticket's channel enabled, not merged away or closed, not opted out, nothing offered for
 * this ticket yet, and no transactional survey to the contact within the throttle period.
 */
export async function csatBlocker(db: Executor, t: SurveyTicket, now: Date, channel: string): Promise<CsatSkip | null> {
  const settings = await getSurveySettings(db);
  if (!settings.csatEnabled) return 'disabled';
  if (t.mergedIntoId) return 'merged';
  if (t.status === 'closed') return 'not_solved';
  if (!(settings.channels as string[]).includes(channel)) return 'channel';
  if (await optedOut(db, t.contactId)) return 'opted_out';
  if (await csatSurveyOf(db, t.id)) return 'already_offered';
  if (await surveyedWithin(db, t.contactId, 'csat', now, settings.throttleDays)) return 'throttled';
  return null;
}

/**
 * Mails the CSAT survey of a solved ticket, re-checking everything at send time: the ticket
 * must still be solved (not reopened, closed or merged) and the delay after Solved over;
 * otherwise nothing is sent. Returns 'sent' or why it was skipped. A job that runs early
 * (the clock says the delay is not over) queues itself again for the rest.
 */
export async function sendCsatSurvey(services: Services, ticketId: string): Promise<'sent' | CsatSkip> {
  const db = services.database.db;
  const now = services.clock.now();
  const t = await ticketForSurvey(db, ticketId);
  if (!t) return 'missing';
  if (t.status !== 'solved' || !t.solvedAt) return t.mergedIntoId ? 'merged' : 'not_solved';
  const settings = await getSurveySettings(db);
  const dueAt = t.solvedAt.getTime() + settings.delayMinutes * 60_000;
  if (dueAt > now.getTime()) {
    await services.jobs.send(sendCsatJob, { ticketId }, { startAfter: Math.ceil((dueAt - now.getTime()) / 1000) });
    return 'not_due';
  }
  if (!t.email) return 'no_email';
  const blocker = await csatBlocker(db, t, now, t.channel);
  if (blocker) return blocker;
  if (!services.mailer.configured) return 'no_mailer';
  let survey;
  try {
    survey = await insertSurvey(db, now, {
      kind: 'csat',
      ticketId: t.id,
      contactId: t.contactId,
      agentId: t.assigneeId,
      teamId: t.teamId,
      channel: t.channel,
      organizationId: t.organizationId,
      campaignId: null,
      delivery: 'email',
      scale: settings.scale,
      locale: t.locale ?? 'en',
      expiryDays: settings.expiryDays,
    });
  } catch (err) {
    // Another run offered it first (one CSAT survey per ticket).
    if (await csatSurveyOf(db, t.id)) return 'already_offered';
    throw err;
  }
  try {
    const mail = await surveyMail(services, survey, { ticketNumber: t.number, subject: t.subject, expiryDays: settings.expiryDays });
    await services.mailer.send({ to: t.email, ...mail });
  } catch (err) {
    await db.delete(surveys).where(eq(surveys.id, survey.id));
    throw err;
  }
  return 'sent';
}

/** The CSAT job definitions for the queue. */
export function csatJobs(services: Services): JobDefinition[] {
  return [{ ...sendCsatJob, handler: async ({ ticketId }: { ticketId: string }) => void (await sendCsatSurvey(services, ticketId)) } as JobDefinition];
}
