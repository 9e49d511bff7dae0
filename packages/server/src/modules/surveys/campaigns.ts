import { and, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CreateNpsCampaignInput, NpsCampaign, NpsSendResult, UpdateNpsCampaignInput } from '@servus/shared';
import type { Ctx, Services } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { notFound } from '../../platform/errors.ts';
import { recordAudit } from '../system/audit.ts';
import { npsCampaigns, surveys } from './schema.ts';
import { getSurveySettings } from './settings.ts';
import { insertSurvey } from './offer.ts';
import { segmentContacts } from './segment.ts';
import { surveyMail } from './mail.ts';

const DAY_MS = 86_400_000;
type Row = typeof npsCampaigns.$inferSelect;

async function present(db: Executor, r: Row): Promise<NpsCampaign> {
  const [counts] = await db
    .select({ sent: sql<number>`count(*)::int`, responses: sql<number>`count(*) filter (where ${surveys.status} = 'answered')::int` })
    .from(surveys)
    .where(eq(surveys.campaignId, r.id));
  return {
    id: r.id,
    name: r.name,
    active: r.active,
    segment: r.segment,
    everyDays: r.everyDays,
    productName: r.productName,
    expiryDays: r.expiryDays,
    lastRunAt: r.lastRunAt?.toISOString() ?? null,
    nextRunAt: r.nextRunAt?.toISOString() ?? null,
    sent: counts?.sent ?? 0,
    responses: counts?.responses ?? 0,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function row(db: Executor, id: string): Promise<Row> {
  const [r] = await db.select().from(npsCampaigns).where(eq(npsCampaigns.id, id));
  if (!r) throw notFound('campaign');
  return r;
}

/** Every NPS campaign, newest first, with how many surveys it sent and how many were answered. */
export async function listCampaigns(db: Executor): Promise<NpsCampaign[]> {
  const rows = await db.select().from(npsCampaigns).orderBy(desc(npsCampaigns.createdAt), desc(npsCampaigns.id));
  return Promise.all(rows.map((r) => present(db, r)));
}

export async function getCampaign(db: Executor, id: string): Promise<NpsCampaign> {
  return present(db, await row(db, id));
}

/** Creates a campaign; a scheduled one is first due at once, then every `everyDays` days. */
export async function createCampaign(ctx: Ctx, input: CreateNpsCampaignInput): Promise<NpsCampaign> {
  const now = ctx.clock.now();
  const [r] = await ctx.db
    .insert(npsCampaigns)
    .values({ ...input, nextRunAt: input.everyDays ? now : null, createdAt: now, updatedAt: now })
    .returning();
  await recordAudit(ctx.db, ctx, 'nps_campaign.created', 'nps_campaign', r!.id, { name: input.name });
  return present(ctx.db, r!);
}

/** Changes the fields given; a new interval counts from the last run (or now, when it never ran). */
export async function updateCampaign(ctx: Ctx, id: string, input: UpdateNpsCampaignInput): Promise<NpsCampaign> {
  const before = await row(ctx.db, id);
  const now = ctx.clock.now();
  const everyDays = input.everyDays === undefined ? before.everyDays : input.everyDays;
  let nextRunAt = before.nextRunAt;
  if (!everyDays) nextRunAt = null;
  else if (input.everyDays !== undefined) nextRunAt = before.lastRunAt ? new Date(before.lastRunAt.getTime() + everyDays * DAY_MS) : now;
  const [r] = await ctx.db
    .update(npsCampaigns)
    .set({ ...input, nextRunAt, updatedAt: now })
    .where(eq(npsCampaigns.id, id))
    .returning();
  await recordAudit(ctx.db, ctx, 'nps_campaign.updated', 'nps_campaign', id, { fields: Object.keys(input) });
  return present(ctx.db, r!);
}

/** Deletes a campaign; its surveys and answers stay in the reports. */
export async function deleteCampaign(ctx: Ctx, id: string): Promise<void> {
  await row(ctx.db, id);
  await ctx.db.delete(npsCampaigns).where(eq(npsCampaigns.id, id));
  await recordAudit(ctx.db, ctx, 'nps_campaign.deleted', 'nps_campaign', id);
}

/**
 * Sends the campaign's survey to every contact of its segment who has not opted out and got
 * no NPS survey within the quiet period. A mail that fails is not counted as sent, and its
 * contact stays eligible for the next run.
 */
export async function sendCampaign(services: Services, id: string): Promise<NpsSendResult> {
  const db = services.database.db;
  const c = await row(db, id);
  const now = services.clock.now();
  const settings = await getSurveySettings(db);
  const contacts = await segmentContacts(db, c.segment, now, settings.npsQuietDays);
  let sent = 0;
  let skipped = contacts.length;
  if (services.mailer.configured) {
    for (const contact of contacts) {
      if (contact.opted_out || contact.quiet) continue;
      const survey = await insertSurvey(db, now, {
        kind: 'nps',
        ticketId: null,
        contactId: contact.id,
        agentId: null,
        teamId: null,
        channel: 'email',
        organizationId: contact.organization_id,
        campaignId: c.id,
        delivery: 'email',
        scale: 10,
        locale: contact.locale ?? 'en',
        expiryDays: c.expiryDays,
      });
      try {
        await services.mailer.send({ to: contact.email, ...(await surveyMail(services, survey, { productName: c.productName, expiryDays: c.expiryDays })) });
        sent++;
        skipped--;
      } catch (err) {
        await db.delete(surveys).where(eq(surveys.id, survey.id));
        services.log.warn({ err, campaignId: c.id }, 'NPS survey mail failed');
      }
    }
  }
  await db
    .update(npsCampaigns)
    .set({ lastRunAt: now, nextRunAt: c.everyDays ? new Date(now.getTime() + c.everyDays * DAY_MS) : null })
    .where(eq(npsCampaigns.id, c.id));
  return { sent, skipped };
}

/**
 * Runs every active scheduled campaign that is due. Each due campaign is claimed by moving its
 * next run forward first, so two overlapping runs never send it twice.
 */
export async function runDueCampaigns(services: Services): Promise<number> {
  const db = services.database.db;
  const now = services.clock.now();
  const due = await db
    .select({ id: npsCampaigns.id, everyDays: npsCampaigns.everyDays, nextRunAt: npsCampaigns.nextRunAt })
    .from(npsCampaigns)
    .where(and(eq(npsCampaigns.active, true), isNotNull(npsCampaigns.everyDays), lte(npsCampaigns.nextRunAt, now)));
  let ran = 0;
  for (const d of due) {
    const claimed = await db
      .update(npsCampaigns)
      .set({ nextRunAt: new Date(now.getTime() + d.everyDays! * DAY_MS) })
      .where(and(eq(npsCampaigns.id, d.id), eq(npsCampaigns.nextRunAt, d.nextRunAt!)))
      .returning({ id: npsCampaigns.id });
    if (claimed.length === 0) continue;
    await sendCampaign(services, d.id);
    ran++;
  }
  return ran;
}

/** The hourly job that sends scheduled NPS campaigns. */
export const npsScheduleJob = { name: 'surveys.nps-schedule', schema: z.object({}).passthrough() };

export function npsJobs(services: Services): JobDefinition[] {
  return [{ ...npsScheduleJob, cron: '17 * * * *', handler: async () => void (await runDueCampaigns(services)) } as JobDefinition];
}
