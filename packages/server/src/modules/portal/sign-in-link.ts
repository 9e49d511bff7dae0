import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { findContactByIdentity } from '../contacts/repository.ts';
import { getHelpCenterSettings } from '../knowledge/settings.ts';
import { esc } from '../knowledge/public/layout.ts';
import { publicBase } from '../surveys/mail.ts';
import { createLoginToken, deleteLoginToken } from './tokens.ts';
import { langOf, textsFor, type Lang } from './texts.ts';

/**
 * The job that mails a sign-in link. The page that asks for a link only queues this job, for
 * known and unknown addresses alike, so its answer and its timing say nothing about whether
 * the address is known; only the job looks the address up.
 */
export const sendLinkJob = {
  name: 'portal.send-link',
  schema: z.object({ email: z.string().min(3).max(254), lang: z.enum(['de', 'en']), returnTo: z.string().max(300) }),
};

export type SendLinkInput = z.infer<typeof sendLinkJob.schema>;

/**
 * Mails a sign-in link when the address is a known contact identity; nothing happens for an
 * unknown one (the portal never creates contacts). The mail speaks the contact's language, or
 * the language of the page the link was asked for on. If sending fails the link is removed
 * and the job fails, to be retried.
 */
export async function sendLoginLink(services: Services, input: SendLinkInput): Promise<'sent' | 'unknown' | 'disabled' | 'no_mailer'> {
  const db = services.database.db;
  const settings = await getHelpCenterSettings(db);
  if (!settings.portalEnabled) return 'disabled';
  if (!services.mailer.configured) return 'no_mailer';
  const contact = await findContactByIdentity(db, 'email', input.email.trim().toLowerCase());
  if (!contact) return 'unknown';
  const { id, token } = await createLoginToken(db, contact.id, input.returnTo, services.clock.now());
  const l: Lang = langOf(contact.locale) ?? input.lang;
  try {
    await services.mailer.send({ to: input.email, ...signInMail(l, settings.theme.name, contact.name, `${publicBase(services)}/portal/login/${token}`) });
  } catch (err) {
    await deleteLoginToken(db, id);
    throw err;
  }
  return 'sent';
}

/** The sign-in mail: one link, in the customer's language; every value escaped in the HTML part. */
export function signInMail(l: Lang, site: string, name: string, url: string): { subject: string; text: string; html: string } {
  const t = textsFor(l);
  const text = [t.mailGreeting(name), '', t.mailBody(site), url, '', t.mailNote, ''].join('\n');
  const html = [
    `<p>${esc(t.mailGreeting(name))}</p>`,
    `<p>${esc(t.mailBody(site))}</p>`,
    `<p><a href="${esc(url)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#1c5fd4;color:#ffffff;text-decoration:none;font-weight:600">${esc(t.mailButton)}</a></p>`,
    `<p style="font-size:12px;color:#5b6270">${esc(url)}</p>`,
    `<p style="font-size:12px;color:#5b6270">${esc(t.mailNote)}</p>`,
  ].join('');
  return { subject: t.mailSubject(site), text, html };
}

/** The portal's job definitions for the queue. */
export function portalJobs(services: Services): JobDefinition[] {
  return [{ ...sendLinkJob, handler: async (data: SendLinkInput) => void (await sendLoginLink(services, data)) } as JobDefinition];
}
