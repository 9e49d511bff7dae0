import { and, eq, inArray } from 'drizzle-orm';
import type { ScheduledReport, ScheduledReportInput } from '@servus/shared';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../system/audit.ts';
import { agents, teams } from '../../auth/schema.ts';
import { scheduledReports } from './schema.ts';
import { latestSlot } from './slot.ts';

/** The one weekly summary this installation mails. */
export const WEEKLY_SUMMARY = 'weekly_summary';

export type ScheduledReportRow = typeof scheduledReports.$inferSelect;

/** The stored settings, or the defaults (off) when never saved. */
export async function loadWeeklySummary(db: Executor): Promise<ScheduledReportRow | undefined> {
  const [row] = await db.select().from(scheduledReports).where(eq(scheduledReports.id, WEEKLY_SUMMARY));
  return row;
}

/** The weekly summary settings as the API shows them. */
export async function getWeeklySummary(db: Executor, mailConfigured: boolean): Promise<ScheduledReport> {
  const row = await loadWeeklySummary(db);
  return {
    enabled: row?.enabled ?? false,
    recipientIds: row?.recipientIds ?? [],
    extraEmails: row?.extraEmails ?? [],
    weekday: row?.weekday ?? 1,
    hour: row?.hour ?? 8,
    timeZone: row?.timeZone ?? 'Europe/Berlin',
    locale: row?.locale === 'de' ? 'de' : 'en',
    teamId: row?.teamId ?? null,
    lastSentAt: row?.lastSentAt?.toISOString() ?? null,
    mailConfigured,
  };
}

/**
 * Saves the weekly summary settings (admin). Recipients must be active agents and the team
 * must exist (400 naming the field). The slot that has already passed is marked as done, so
 * the first mail goes out at the next slot, never at once on saving.
 */
export async function saveWeeklySummary(ctx: Ctx, input: ScheduledReportInput): Promise<ScheduledReport> {
  const ids = [...new Set(input.recipientIds)];
  if (ids.length) {
    const found = await ctx.db.select({ id: agents.id }).from(agents).where(and(inArray(agents.id, ids), eq(agents.active, true)));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new AppError('validation_failed', 'unknown recipients', missing.map((id) => ({ path: 'body.recipientIds', message: `no active agent ${id}` })));
  }
  if (input.teamId) {
    const [team] = await ctx.db.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) throw new AppError('validation_failed', 'unknown team', [{ path: 'body.teamId', message: 'no such team' }]);
  }
  if (input.enabled && ids.length === 0 && input.extraEmails.length === 0) {
    throw new AppError('validation_failed', 'an enabled summary needs a recipient', [{ path: 'body.recipientIds', message: 'add at least one recipient' }]);
  }
  const now = ctx.clock.now();
  const values = {
    enabled: input.enabled,
    recipientIds: ids,
    extraEmails: [...new Set(input.extraEmails)],
    weekday: input.weekday,
    hour: input.hour,
    timeZone: input.timeZone,
    locale: input.locale,
    teamId: input.teamId,
    lastSlot: latestSlot(now, input.weekday, input.hour, input.timeZone).toISO()!,
    updatedAt: now,
  };
  await inTransaction(ctx, async (tx) => {
    await tx.insert(scheduledReports).values({ id: WEEKLY_SUMMARY, ...values }).onConflictDoUpdate({ target: scheduledReports.id, set: values });
    await recordAudit(tx, ctx, 'scheduled_report.updated', 'scheduled_report', WEEKLY_SUMMARY, { enabled: input.enabled, recipients: ids.length + values.extraEmails.length });
  });
  return getWeeklySummary(ctx.db, ctx.mailer.configured);
}
