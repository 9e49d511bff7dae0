import { and, eq, gt, sql } from 'drizzle-orm';
import type { SurveyKindName } from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import { randomToken } from '../../platform/crypto.ts';
import { contacts } from '../contacts/schema.ts';
import { tickets } from '../tickets/schema.ts';
import { surveyOptOuts, surveys } from './schema.ts';

const DAY_MS = 86_400_000;

export type SurveyRow = typeof surveys.$inferSelect;

export interface NewSurvey {
  kind: SurveyKindName;
  ticketId: string | null;
  contactId: string;
  agentId: string | null;
  teamId: string | null;
  channel: string | null;
  organizationId: string | null;
  campaignId: string | null;
  delivery: 'email' | 'chat';
  scale: number;
  locale: string;
  expiryDays: number;
}

/** Writes one offered survey with a fresh secret nonce; its links are signed over that nonce. */
export async function insertSurvey(db: Executor, now: Date, s: NewSurvey): Promise<SurveyRow> {
  const [row] = await db
    .insert(surveys)
    .values({ ...s, nonce: randomToken(16), status: 'offered', sentAt: now, expiresAt: new Date(now.getTime() + s.expiryDays * DAY_MS) })
    .returning();
  return row!;
}

/** Whether the contact asked not to be surveyed. */
export async function optedOut(db: Executor, contactId: string): Promise<boolean> {
  const [row] = await db.select({ id: surveyOptOuts.contactId }).from(surveyOptOuts).where(eq(surveyOptOuts.contactId, contactId));
  return !!row;
}

/** Whether the contact got a survey of this kind within the last `days` days. */
export async function surveyedWithin(db: Executor, contactId: string, kind: 'csat' | 'nps', now: Date, days: number): Promise<boolean> {
  if (days <= 0) return false;
  const [row] = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.contactId, contactId), eq(surveys.kind, kind), gt(surveys.sentAt, new Date(now.getTime() - days * DAY_MS))))
    .limit(1);
  return !!row;
}

/** The ticket facts a CSAT survey snapshots, with its requester. */
export async function ticketForSurvey(db: Executor, ticketId: string) {
  const [row] = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      status: tickets.status,
      channel: tickets.channel,
      mergedIntoId: tickets.mergedIntoId,
      solvedAt: tickets.solvedAt,
      assigneeId: tickets.assigneeId,
      teamId: tickets.teamId,
      organizationId: sql<string | null>`coalesce(${tickets.organizationId}, ${contacts.organizationId})`,
      contactId: contacts.id,
      email: contacts.email,
      name: contacts.name,
      locale: contacts.locale,
    })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
    .where(eq(tickets.id, ticketId));
  return row;
}
export type SurveyTicket = NonNullable<Awaited<ReturnType<typeof ticketForSurvey>>>;

/** The CSAT survey of a ticket, if one was offered. */
export async function csatSurveyOf(db: Executor, ticketId: string): Promise<SurveyRow | undefined> {
  const [row] = await db.select().from(surveys).where(and(eq(surveys.ticketId, ticketId), eq(surveys.kind, 'csat')));
  return row;
}
