import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { SurveyAnswerBody, type SurveyAnswerResult } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { surveyOptOuts, surveyResponses } from './schema.ts';
import { answerSurvey, presentAnswer, surveyOfToken, surveyState } from './answer.ts';
import { followUpPage, messagePage, questionPage, SURVEY_PAGE_HEADERS, unsubscribePage } from './pages.ts';
import { getSurveySettings } from './settings.ts';
import { langOf, surveyText, type Lang } from './texts.ts';
import type { SurveyRow } from './offer.ts';
import { npsCampaigns } from './schema.ts';

const TokenParams = z.strictObject({ token: z.string().min(1).max(200) });
const FORM_FIELDS = ['score', 'comment', 'reason', 'ces'] as const;

/**
 * The customer's side of surveys: the one-click link `/s/<token>?score=N` (records the rating
 * and shows the follow-up form), the form's POST, the unsubscribe page, and the JSON answer
 * endpoint the chat widget uses. The signed token is the only credential; a forged one is a
 * plain 404, an expired survey or a closed ticket a friendly page that records nothing.
 */
export function surveyPublicRoutes(app: App, services: Services): void {
  const db = services.database.db;

  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).headers(SURVEY_PAGE_HEADERS).type('text/html; charset=utf-8').send(body);

  /** The survey of a token for a page, or the page to answer with instead. */
  async function load(reply: FastifyReply, token: string, purpose: 'r' | 'u', acceptLanguage: string | undefined): Promise<SurveyRow | null> {
    try {
      return await surveyOfToken(services, token, purpose);
    } catch {
      const l: Lang = acceptLanguage?.toLowerCase().startsWith('de') ? 'de' : 'en';
      await html(reply, 404, messagePage(l, surveyText.notFoundTitle(l), surveyText.notFoundBody(l)));
      return null;
    }
  }

  async function question(s: SurveyRow, l: Lang): Promise<string> {
    if (s.kind !== 'nps') return surveyText.csatQuestion(l);
    const [c] = s.campaignId ? await db.select({ productName: npsCampaigns.productName }).from(npsCampaigns).where(eq(npsCampaigns.id, s.campaignId)) : [];
    return surveyText.npsQuestion(l, c?.productName || surveyText.defaultProduct(l));
  }

  /** Turns a refused answer into its page: expired, closed, or an impossible value. */
  async function refusal(reply: FastifyReply, err: unknown, l: Lang) {
    if (err instanceof AppError && err.code === 'gone') {
      const expired = err.message.includes('expired');
      return html(reply, 410, messagePage(l, expired ? surveyText.expiredTitle(l) : surveyText.closedTitle(l), expired ? surveyText.expiredBody(l) : surveyText.closedBody(l)));
    }
    if (err instanceof AppError && err.code === 'validation_failed') return html(reply, 400, messagePage(l, surveyText.invalidScore(l), surveyText.invalidScore(l)));
    throw err;
  }

  async function followUp(reply: FastifyReply, s: SurveyRow, token: string, answer: SurveyAnswerResult, saved: boolean) {
    const l = langOf(s.locale);
    const settings = await getSurveySettings(db);
    return html(reply, 200, followUpPage(l, s, token, answer, { reasons: settings.reasons, ces: settings.cesEnabled, saved, question: await question(s, l) }));
  }

  app.get('/s/:token', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
    const { token } = req.params;
    const s = await load(reply, token, 'r', req.headers['accept-language']);
    if (!s) return reply;
    const l = langOf(s.locale);
    const raw = (req.query as Record<string, unknown>).score;
    if (raw === undefined || raw === '') {
      const state = await surveyState(db, s, services.clock.now());
      if (state !== 'open') return refusal(reply, new AppError('gone', state === 'expired' ? 'this survey has expired' : 'closed'), l);
      const [prev] = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s.id));
      if (prev) return followUp(reply, s, token, presentAnswer(s, prev), false);
      return html(reply, 200, questionPage(l, s, token, await question(s, l)));
    }
    const score = typeof raw === 'string' && /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(score)) return html(reply, 400, messagePage(l, surveyText.invalidScore(l), surveyText.invalidScore(l)));
    try {
      return await followUp(reply, s, token, await answerSurvey(services, s, { score }), false);
    } catch (err) {
      return refusal(reply, err, l);
    }
  });

  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.post('/s/:token', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
      const { token } = req.params as { token: string };
      const s = await load(reply, token, 'r', req.headers['accept-language']);
      if (!s) return reply;
      const l = langOf(s.locale);
      const form = (req.body ?? {}) as Record<string, string>;
      if (Object.keys(form).some((k) => !(FORM_FIELDS as readonly string[]).includes(k))) return html(reply, 400, messagePage(l, surveyText.invalidScore(l), surveyText.invalidScore(l)));
      const int = (v: string | undefined) => (v !== undefined && /^\d{1,2}$/.test(v) ? Number(v) : v === undefined || v === '' ? undefined : NaN);
      const input = { score: int(form.score), comment: form.comment?.trim().slice(0, 2000).replace(/\u0000/g, ''), reason: form.reason, ces: int(form.ces) };
      if (Number.isNaN(input.score) || Number.isNaN(input.ces)) return html(reply, 400, messagePage(l, surveyText.invalidScore(l), surveyText.invalidScore(l)));
      try {
        return await followUp(reply, s, token, await answerSurvey(services, s, input), true);
      } catch (err) {
        return refusal(reply, err, l);
      }
    });

    scope.post('/s/:token/unsubscribe', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
      const { token } = req.params as { token: string };
      const s = await load(reply, token, 'u', req.headers['accept-language']);
      if (!s) return reply;
      const l = langOf(s.locale);
      await db.insert(surveyOptOuts).values({ contactId: s.contactId, surveyId: s.id, createdAt: services.clock.now() }).onConflictDoNothing();
      return html(reply, 200, messagePage(l, surveyText.unsubscribeTitle(l), surveyText.unsubscribed(l)));
    });
  });

  app.get('/s/:token/unsubscribe', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
    const s = await load(reply, req.params.token, 'u', req.headers['accept-language']);
    if (!s) return reply;
    return html(reply, 200, unsubscribePage(langOf(s.locale), req.params.token));
  });

  app.post(
    '/api/v1/surveys/:token',
    {
      config: { public: true },
      schema: {
        tags: ['surveys'],
        summary: 'Answer a survey through its signed token (chat widget); the rating can be changed until the ticket closes (public)',
        params: TokenParams,
        body: SurveyAnswerBody,
      },
    },
    async (req): Promise<SurveyAnswerResult> => {
      const s = await surveyOfToken(services, req.params.token, 'r');
      return answerSurvey(services, s, req.body);
    },
  );
}
