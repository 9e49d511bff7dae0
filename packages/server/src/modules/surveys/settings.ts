import { eq } from 'drizzle-orm';
import type { CsatScaleValue, SurveyReason, SurveySettings, SurveySettingsInput } from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import type { Ctx } from '../../platform/context.ts';
import { recordAudit } from '../system/audit.ts';
import { surveySettings } from './schema.ts';

const KEY = 'default';

/** The reasons offered after a rating until an admin changes them. */
export const DEFAULT_REASONS: SurveyReason[] = [
  { key: 'speed', labelEn: 'Speed of the answer', labelDe: 'Schnelligkeit der Antwort' },
  { key: 'friendliness', labelEn: 'Friendliness', labelDe: 'Freundlichkeit' },
  { key: 'solution', labelEn: 'Quality of the solution', labelDe: 'Qualität der Lösung' },
  { key: 'other', labelEn: 'Something else', labelDe: 'Etwas anderes' },
];

type Row = typeof surveySettings.$inferSelect;

function present(r: Row): SurveySettings {
  return {
    csatEnabled: r.csatEnabled,
    scale: r.scale as CsatScaleValue,
    delayMinutes: r.delayMinutes,
    channels: r.channels as SurveySettings['channels'],
    reasons: r.reasons,
    cesEnabled: r.cesEnabled,
    expiryDays: r.expiryDays,
    throttleDays: r.throttleDays,
    npsQuietDays: r.npsQuietDays,
    minSample: r.minSample,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The survey settings; the row is created with the defaults on first read. */
export async function getSurveySettings(db: Executor): Promise<SurveySettings> {
  const [row] = await db.select().from(surveySettings).where(eq(surveySettings.id, KEY));
  if (row) return present(row);
  await db.insert(surveySettings).values({ id: KEY, reasons: DEFAULT_REASONS }).onConflictDoNothing();
  const [created] = await db.select().from(surveySettings).where(eq(surveySettings.id, KEY));
  return present(created!);
}

/** Changes the fields given and records who changed what in the audit log. */
export async function updateSurveySettings(ctx: Ctx, input: SurveySettingsInput): Promise<SurveySettings> {
  await getSurveySettings(ctx.db);
  const [row] = await ctx.db
    .update(surveySettings)
    .set({ ...input, updatedAt: ctx.clock.now() })
    .where(eq(surveySettings.id, KEY))
    .returning();
  await recordAudit(ctx.db, ctx, 'survey_settings.updated', 'survey_settings', KEY, { fields: Object.keys(input) });
  return present(row!);
}
