import { eq } from 'drizzle-orm';
import { isGoodCsat, type CsatScaleValue, type SurveyAnswerResult } from '@servus/shared';
import { inTransaction, makeCtx, type Services } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { tickets } from '../tickets/schema.ts';
import { surveyResponses, surveys } from './schema.ts';
import { getSurveySettings } from './settings.ts';
import { surveyIdOf, verifySurveyToken, type TokenPurpose } from './tokens.ts';
import type { SurveyRow } from './offer.ts';

/** Whether a survey still takes answers: open, expired (link too old), or closed (its ticket closed). */
export type SurveyState = 'open' | 'expired' | 'closed';

/** The survey a token is the genuine link of; 404 for a forged, malformed or unknown token. */
export async function surveyOfToken(services: Services, token: string, purpose: TokenPurpose): Promise<SurveyRow> {
  const id = surveyIdOf(token, purpose);
  if (!id) throw notFound('survey');
  const [row] = await services.database.db.select().from(surveys).where(eq(surveys.id, id));
  if (!row || !(await verifySurveyToken(services, token, row, purpose))) throw notFound('survey');
  return row;
}

/** Whether the survey takes answers now. A CSAT survey stops when its ticket is closed (METRICS §8.2 C6). */
export async function surveyState(db: Executor, s: SurveyRow, now: Date): Promise<SurveyState> {
  if (s.status === 'closed') return 'closed';
  if (s.status === 'expired' || s.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (s.ticketId) {
    const [t] = await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, s.ticketId));
    if (!t || t.status === 'closed') return 'closed';
  }
  return 'open';
}

export interface AnswerInput {
  score?: number;
  comment?: string;
  reason?: string;
  ces?: number;
}

const invalid = (path: string, message: string) => new AppError('validation_failed', `${path.split('.').pop()} ${message}`, [{ path, message }]);

/** The stored answer of a survey, presented. */
export function presentAnswer(s: SurveyRow, r: typeof surveyResponses.$inferSelect): SurveyAnswerResult {
  return { kind: s.kind, scale: s.scale, score: r.score, good: r.good, comment: r.comment, reason: r.reason, ces: r.ces };
}

/**
 * Records a customer's answer, or changes it while the survey is open: the last rating before
 * the ticket closes wins. A comment, reason or CES value left out keeps the stored one.
 * Expired and closed surveys record nothing (410). Emits `survey.rated` when the score is new
 * or changed.
 */
export async function answerSurvey(services: Services, survey: SurveyRow, input: AnswerInput): Promise<SurveyAnswerResult> {
  const ctx = makeCtx(services, { kind: 'contact', id: survey.contactId });
  const now = ctx.clock.now();
  const state = await surveyState(ctx.db, survey, now);
  if (state !== 'open') {
    if (survey.status === 'offered' || survey.status === 'answered') await ctx.db.update(surveys).set({ status: state }).where(eq(surveys.id, survey.id));
    throw new AppError('gone', state === 'expired' ? 'this survey has expired' : 'the ticket is closed; its rating can no longer be changed', [{ path: 'token', message: state }]);
  }
  const settings = await getSurveySettings(ctx.db);
  if (input.score !== undefined) {
    const [lo, hi] = survey.kind === 'nps' ? [0, 10] : [1, survey.scale];
    if (input.score < lo || input.score > hi) throw invalid('body.score', `must be between ${lo} and ${hi}`);
  }
  if (input.ces !== undefined && (survey.kind !== 'csat' || !settings.cesEnabled)) throw invalid('body.ces', 'is not asked in this survey');
  if (input.reason !== undefined && input.reason !== '' && (survey.kind !== 'csat' || !settings.reasons.some((r) => r.key === input.reason))) throw invalid('body.reason', 'is not one of the offered reasons');

  return inTransaction(ctx, async (tx, emit) => {
    const [prev] = await tx.select().from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id)).for('update');
    const score = input.score ?? prev?.score;
    if (score === undefined) throw invalid('body.score', 'is required');
    const good = survey.kind === 'csat' ? isGoodCsat(survey.scale as CsatScaleValue, score) : null;
    const fields = {
      score,
      scale: survey.scale,
      good,
      ...(input.comment !== undefined && { comment: input.comment || null }),
      ...(input.reason !== undefined && { reason: input.reason || null }),
      ...(input.ces !== undefined && { ces: input.ces }),
      updatedAt: now,
    };
    const [row] = prev
      ? await tx.update(surveyResponses).set(fields).where(eq(surveyResponses.surveyId, survey.id)).returning()
      : await tx.insert(surveyResponses).values({ surveyId: survey.id, ...fields, answeredAt: now }).returning();
    await tx.update(surveys).set({ status: 'answered' }).where(eq(surveys.id, survey.id));
    if (!prev || prev.score !== score) {
      emit({
        type: 'survey.rated',
        actor: { kind: 'contact', id: survey.contactId },
        payload: { surveyId: survey.id, ticketId: survey.ticketId, kind: survey.kind, score, scale: survey.scale, good, changed: !!prev },
      });
    }
    return presentAnswer(survey, row!);
  });
}
