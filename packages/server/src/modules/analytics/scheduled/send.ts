import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../../platform/context.ts';
import type { JobDefinition } from '../../../platform/jobs.ts';
import { agents, teams } from '../../auth/schema.ts';
import { kpiSummary } from '../reports/index.ts';
import { summaryMail } from './mail.ts';
import type { MailLocale } from './texts.ts';
import { scheduledReports } from './schema.ts';
import { loadWeeklySummary, WEEKLY_SUMMARY } from './settings.ts';
import { latestSlot } from './slot.ts';

/** A slot missed for longer than this (the server was down) is skipped rather than mailed late. */
const LATE_LIMIT_MS = 24 * 3600_000;

/**
 * Mails the weekly summary when its slot has come: the KPIs of the seven local days before the slot's day
 * (from `kpiSummary`), to each recipient in their language. The slot is claimed with one
 * conditional update first, so overlapping runs mail it once; if no mail could be sent the
 * claim is released for the next run. Returns how many mails went out.
 */
export async function sendDueSummary(services: Services): Promise<number> {
  if (!services.mailer.configured) return 0;
  const db = services.database.db;
  const now = services.clock.now();
  const row = await loadWeeklySummary(db);
  if (!row?.enabled) return 0;
  const slot = latestSlot(now, row.weekday, row.hour, row.timeZone);
  const key = slot.toISO()!;
  if (row.lastSlot === key || now.getTime() - slot.toMillis() > LATE_LIMIT_MS) return 0;
  const claimed = await db
    .update(scheduledReports)
    .set({ lastSlot: key })
    .where(and(eq(scheduledReports.id, WEEKLY_SUMMARY), or(isNull(scheduledReports.lastSlot), ne(scheduledReports.lastSlot, key))))
    .returning({ id: scheduledReports.id });
  if (claimed.length === 0) return 0;

  // The seven full local days before the slot's day (Monday to Sunday for a Monday slot).
  const to = slot.startOf('day');
  const from = to.minus({ weeks: 1 });
  const kpis = await kpiSummary(
    { db, clock: services.clock, actor: null },
    { from: from.toUTC().toISO()!, to: to.toUTC().toISO()!, tz: row.timeZone, ...(row.teamId && { teamId: row.teamId }) },
  );
  const [team] = row.teamId ? await db.select({ name: teams.name }).from(teams).where(eq(teams.id, row.teamId)) : [];
  const people = row.recipientIds.length
    ? await db.select({ email: agents.email, name: agents.name, locale: agents.locale }).from(agents).where(and(inArray(agents.id, row.recipientIds), eq(agents.active, true)))
    : [];
  const fallback: MailLocale = row.locale === 'de' ? 'de' : 'en';
  const recipients = [
    ...people.map((p) => ({ to: p.email, name: p.name, locale: (p.locale === 'de' || p.locale === 'en' ? p.locale : fallback) as MailLocale })),
    ...row.extraEmails.filter((e) => !people.some((p) => p.email.toLowerCase() === e)).map((e) => ({ to: e, name: null, locale: fallback })),
  ];
  const baseUrl = (services.config.PUBLIC_URL ?? `http://localhost:${services.config.PORT}`).replace(/\/$/, '');
  let sent = 0;
  for (const r of recipients) {
    try {
      await services.mailer.send({ to: r.to, ...summaryMail(kpis, { locale: r.locale, name: r.name, team: team?.name ?? null, baseUrl, timeZone: row.timeZone }) });
      sent++;
    } catch (err) {
      services.log.warn({ err, to: r.to }, 'could not send the weekly summary to one recipient');
    }
  }
  if (sent === 0 && recipients.length > 0) {
    await db.update(scheduledReports).set({ lastSlot: row.lastSlot }).where(eq(scheduledReports.id, WEEKLY_SUMMARY));
  } else {
    await db.update(scheduledReports).set({ lastSentAt: now }).where(eq(scheduledReports.id, WEEKLY_SUMMARY));
  }
  return sent;
}

/** The summary check runs every ten minutes on the cron role, worked by the worker role. */
export function scheduledReportJobs(services: Services): JobDefinition[] {
  return [
    {
      name: 'reports.weekly_summary',
      schema: z.object({}).passthrough(),
      cron: '*/10 * * * *',
      async handler() {
        await sendDueSummary(services);
      },
    },
  ];
}
