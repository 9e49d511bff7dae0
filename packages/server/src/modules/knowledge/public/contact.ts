import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Email } from '@servus/shared';
import { inTransaction, makeCtx, type Services } from '../../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../../platform/actor.ts';
import { isUniqueViolation } from '../../../platform/db.ts';
import { contacts } from '../../contacts/schema.ts';
import { openTicket } from '../../tickets/use-cases/create-ticket.ts';
import type { KbLocale } from '../schema.ts';
import { linkVisitToTicket } from './deflection.ts';
import { kbContactSubmissions } from './schema.ts';

/**
 * The contact form's rules against spam and mail bombing (SECURITY.md §15), chosen so the
 * form keeps working without JavaScript:
 *
 * - every post needs a genuine form token bound to the visitor's SameSite=Strict form cookie,
 *   no older than MAX_AGE and no younger than the minimum fill time, used once;
 * - a filled-in honeypot field is accepted silently and dropped;
 * - with JavaScript the browser solves a proof-of-work over the token (help.js); a post
 *   without it is still accepted, but needs a longer fill time and gets a third of the
 *   per-address budget;
 * - per sender address (keyed hash of the IP) and per email address, a number of tickets per
 *   hour, counted in the database so every server process shares the budget.
 */
export const CONTACT_POLICY = {
  minFillMs: { pow: 3_000, plain: 6_000 },
  maxAgeMs: 6 * 60 * 60_000,
  windowMs: 60 * 60_000,
  perIp: { pow: 10, plain: 3 },
  perEmail: 5,
} as const;

export type ContactField = 'name' | 'email' | 'subject' | 'message';

export interface ContactValues {
  name: string;
  email: string;
  subject: string;
  message: string;
}

const clean = (s: unknown, max: number) => (typeof s === 'string' ? s.replace(/\u0000/g, '').slice(0, max) : '');

/** The form's values as typed (bounded), for re-rendering. */
export function formValues(form: Record<string, unknown>): ContactValues {
  return { name: clean(form.name, 200), email: clean(form.email, 300), subject: clean(form.subject, 300), message: clean(form.message, 12_000) };
}

const Fields = {
  name: z.string().trim().min(1).max(120),
  email: Email,
  subject: z.string().trim().min(3).max(200),
  message: z.string().trim().min(10).max(10_000),
};

/** The fields that fail their rules (every one of them), or the cleaned values. */
export function validateContact(v: ContactValues): { ok: true; value: ContactValues } | { ok: false; errors: ContactField[] } {
  const errors: ContactField[] = [];
  const out = {} as ContactValues;
  for (const key of Object.keys(Fields) as ContactField[]) {
    const r = Fields[key].safeParse(v[key]);
    if (r.success) out[key] = r.data;
    else errors.push(key);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** Seconds until the sender may send again, or null while within the budget. */
export async function contactRetryAfter(services: Services, who: { ipHash: string; emailHash: string; pow: boolean }): Promise<number | null> {
  const db = services.database.db;
  const now = services.clock.now();
  const since = new Date(now.getTime() - CONTACT_POLICY.windowMs);
  const window = async (column: typeof kbContactSubmissions.ipHash | typeof kbContactSubmissions.emailHash, value: string, max: number) => {
    const rows = await db
      .select({ createdAt: kbContactSubmissions.createdAt })
      .from(kbContactSubmissions)
      .where(and(eq(column, value), gte(kbContactSubmissions.createdAt, since)))
      .orderBy(sql`${kbContactSubmissions.createdAt} desc`)
      .limit(max);
    if (rows.length < max) return null;
    // The sender may send again once the oldest of the last `max` posts leaves the window.
    const oldest = rows[rows.length - 1]!.createdAt.getTime();
    return Math.max(1, Math.ceil((oldest + CONTACT_POLICY.windowMs - now.getTime()) / 1000));
  };
  const byIp = await window(kbContactSubmissions.ipHash, who.ipHash, who.pow ? CONTACT_POLICY.perIp.pow : CONTACT_POLICY.perIp.plain);
  const byEmail = await window(kbContactSubmissions.emailHash, who.emailHash, who.pow ? CONTACT_POLICY.perEmail : Math.max(1, Math.floor(CONTACT_POLICY.perEmail / 3)));
  if (byIp === null && byEmail === null) return null;
  return Math.max(byIp ?? 0, byEmail ?? 0);
}

export interface ContactSubmission {
  lang: KbLocale;
  visit: string;
  values: ContactValues;
  ipHash: string;
  emailHash: string;
  pow: boolean;
}

/**
 * Opens a ticket (channel `form`) from the contact form, with the requester found or created
 * by email and left unverified, and ties the visit's suggested articles to it. A visit sends
 * one ticket: a second post of the same form changes nothing and returns null.
 */
export async function submitContactForm(services: Services, s: ContactSubmission): Promise<{ ticketId: string; number: number } | null> {
  const ctx = makeCtx(services, SYSTEM_ACTOR);
  const now = services.clock.now();
  try {
    return await inTransaction(ctx, async (tx, emit) => {
      await tx.delete(kbContactSubmissions).where(lt(kbContactSubmissions.createdAt, new Date(now.getTime() - 2 * CONTACT_POLICY.maxAgeMs - CONTACT_POLICY.windowMs)));
      const claimed = await tx
        .insert(kbContactSubmissions)
        .values({ visit: s.visit, ipHash: s.ipHash, emailHash: s.emailHash, pow: s.pow, createdAt: now })
        .onConflictDoNothing()
        .returning({ visit: kbContactSubmissions.visit });
      if (claimed.length === 0) return null;
      const { ticket, requester } = await openTicket(tx, emit, ctx, {
        subject: s.values.subject,
        requester: { email: s.values.email, name: s.values.name },
        message: { text: s.values.message },
        messageAuthor: 'requester',
        messageKind: 'public',
        channel: 'form',
        source: 'help_center_form',
      });
      // A new contact learns its language from the form, so replies can be written in it.
      await tx.update(contacts).set({ locale: s.lang }).where(and(eq(contacts.id, requester.id), isNull(contacts.locale)));
      await tx.update(kbContactSubmissions).set({ ticketId: ticket.id }).where(eq(kbContactSubmissions.visit, s.visit));
      await linkVisitToTicket(tx, s.visit, ticket.id);
      return { ticketId: ticket.id, number: ticket.number };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}
