import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DigestIntervalName } from '@servus/shared';
import type { Services } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { agents } from '../auth/schema.ts';
import { preferencesOf } from './preferences.ts';
import { notifications } from './schema.ts';
import { digestText } from './texts.ts';

const INTERVAL_MS: Record<Exclude<DigestIntervalName, 'off'>, number> = { '15min': 15 * 60_000, hourly: 60 * 60_000, daily: 24 * 60 * 60_000 };
/** At most this many notifications are listed in one mail; the rest are counted. */
const LISTED = 50;

type Row = typeof notifications.$inferSelect;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The digest mail for one agent: text and HTML, every value escaped in the HTML part. */
export function digestMail(agent: { name: string; locale: string | null }, rows: Row[], baseUrl: string) {
  const l = agent.locale === 'de' ? 'de' : 'en';
  const link = (r: Row) => (r.ticketId ? `${baseUrl}/tickets/${r.ticketId}` : null);
  const shown = rows.slice(0, LISTED);
  const settings = `${baseUrl}/settings/notifications`;
  const text = [
    digestText.greeting(l, agent.name),
    '',
    digestText.intro(l),
    '',
    ...shown.flatMap((r) => [`- ${r.title}`, ...(r.body ? [`  ${r.body.replace(/\n/g, '\n  ')}`] : []), ...(link(r) ? [`  ${link(r)}`] : []), '']),
    ...(rows.length > LISTED ? [digestText.more(l, rows.length - LISTED), ''] : []),
    '-- ',
    digestText.footer(l, settings),
    '',
  ].join('\n');
  const items = shown
    .map((r) => {
      const title = link(r) ? `<a href="${escapeHtml(link(r)!)}">${escapeHtml(r.title)}</a>` : escapeHtml(r.title);
      const body = r.body ? `<br><span style="color:#555">${escapeHtml(r.body).replace(/\n/g, '<br>')}</span>` : '';
      return `<li style="margin-bottom:8px">${title}${body}</li>`;
    })
    .join('');
  const html = [
    `<p>${escapeHtml(digestText.greeting(l, agent.name))}</p>`,
    `<p>${escapeHtml(digestText.intro(l))}</p>`,
    `<ul>${items}</ul>`,
    rows.length > LISTED ? `<p>${escapeHtml(digestText.more(l, rows.length - LISTED))}</p>` : '',
    `<p style="color:#777;font-size:12px">${escapeHtml(digestText.footer(l, '')).trim()} <a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></p>`,
  ].join('');
  return { subject: digestText.subject(l, rows.length), text, html };
}

/**
 * Sends each agent whose digest is due one mail with everything unread and not yet e-mailed.
 * A digest is due once its oldest waiting notification is one interval old, so notifications
 * that arrive close together share a mail. Rows are claimed with one atomic update (rows another
 * run holds are skipped), so overlapping runs never mail a notification twice; a failed send
 * releases them for the next run. Returns how many mails went out.
 */
export async function sendDueDigests(services: Services): Promise<number> {
  if (!services.mailer.configured) return 0;
  const db = services.database.db;
  const now = services.clock.now();
  const waiting = await db
    .select({ agentId: notifications.agentId, oldest: sql<Date>`min(${notifications.createdAt})`.mapWith(notifications.createdAt) })
    .from(notifications)
    .innerJoin(agents, eq(agents.id, notifications.agentId))
    .where(and(eq(notifications.email, true), isNull(notifications.emailedAt), isNull(notifications.readAt), eq(agents.active, true)))
    .groupBy(notifications.agentId);
  if (waiting.length === 0) return 0;
  const prefs = await preferencesOf(db, waiting.map((w) => w.agentId));
  const baseUrl = (services.config.PUBLIC_URL ?? `http://localhost:${services.config.PORT}`).replace(/\/$/, '');
  let sent = 0;
  for (const w of waiting) {
    const interval = prefs.get(w.agentId)!.digest;
    if (interval === 'off' || now.getTime() - new Date(w.oldest).getTime() < INTERVAL_MS[interval]) continue;
    const claimed = await db.transaction(async (tx) => {
      const ids = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.agentId, w.agentId), eq(notifications.email, true), isNull(notifications.emailedAt), isNull(notifications.readAt)))
        .for('update', { skipLocked: true });
      if (ids.length === 0) return [];
      return tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(and(inArray(notifications.id, ids.map((r) => r.id)), isNull(notifications.emailedAt)))
        .returning();
    });
    if (claimed.length === 0) continue;
    claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const [agent] = await db.select({ email: agents.email, name: agents.name, locale: agents.locale }).from(agents).where(eq(agents.id, w.agentId));
    try {
      const mail = digestMail(agent!, claimed, baseUrl);
      await services.mailer.send({ to: agent!.email, ...mail });
      sent++;
    } catch (err) {
      services.log.warn({ err, agentId: w.agentId }, 'could not send the notification digest; it is tried again on the next run');
      await db.update(notifications).set({ emailedAt: null }).where(inArray(notifications.id, claimed.map((r) => r.id)));
    }
  }
  return sent;
}

/** The digest check runs every minute on the cron role, worked by the worker role. */
export function notificationJobs(services: Services): JobDefinition[] {
  return [
    {
      name: 'notifications.digest',
      schema: z.object({}).passthrough(),
      cron: '* * * * *',
      async handler() {
        await sendDueDigests(services);
      },
    },
  ];
}
