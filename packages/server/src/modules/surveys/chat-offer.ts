import type { CsatScaleValue } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { getSurveySettings } from './settings.ts';
import { insertSurvey, ticketForSurvey } from './offer.ts';
import { csatBlocker } from './send-csat.ts';
import { signSurveyToken } from './tokens.ts';
import { langOf, surveyText } from './texts.ts';

/**
 * Offers the CSAT survey in the chat widget at the end of a chat: records the offered survey in
 * the caller's transaction and returns the token the widget answers with (`POST
 * /api/v1/surveys/:token`), the scale and the question, in `locale` (the widget's language)
 * when given, else the contact's. Null when no survey is due: surveys or the chat channel off,
 * contact opted out or throttled, ticket closed, merged or already surveyed.
 */
export async function offerChatSurvey(tx: Tx, ctx: Ctx, ticketId: string, opts: { locale?: string | null } = {}): Promise<{ token: string; scale: CsatScaleValue; question: string } | null> {
  const now = ctx.clock.now();
  const t = await ticketForSurvey(tx, ticketId);
  if (!t) return null;
  if (await csatBlocker(tx, t, now, 'chat')) return null;
  const settings = await getSurveySettings(tx);
  // The widget's language (the visitor's) wins over what the contact record says.
  const locale = opts.locale ?? t.locale ?? 'en';
  const survey = await insertSurvey(tx, now, {
    kind: 'csat',
    ticketId: t.id,
    contactId: t.contactId,
    agentId: t.assigneeId,
    teamId: t.teamId,
    channel: 'chat',
    organizationId: t.organizationId,
    campaignId: null,
    delivery: 'chat',
    scale: settings.scale,
    locale,
    expiryDays: settings.expiryDays,
  });
  return { token: await signSurveyToken(ctx, survey, 'r', tx), scale: settings.scale, question: surveyText.csatQuestion(langOf(locale)) };
}
