import { BotReportQuery, BotTestBody, UpdateBotSettingsBody, type BotReport, type BotSettings, type BotTestResult } from '@servus/shared';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { agentCtx } from '../../../platform/route-context.ts';
import { requireAdmin } from '../../auth/policies.ts';
import { reportPeriod } from '../../routing/escalation-report.ts';
import { answerQuestion } from './answer.ts';
import { botReport } from './metrics.ts';
import { getBotSettings, readBotSettings, updateBotSettings } from './settings.ts';

const tags = ['answer bot'];

/** The answer bot's settings and test (admins) and its report (every agent, counting the tickets they may see). */
export function botRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get('/api/v1/bot/settings', { schema: { tags, summary: 'The answer bot settings; the model API key is never returned, only whether one is set (admin)' } }, async (req): Promise<BotSettings> => {
    requireAdmin(agentCtx(services, req).actor);
    return getBotSettings(db);
  });

  app.patch(
    '/api/v1/bot/settings',
    { schema: { tags, summary: "Change the answer bot settings; fields left out keep their value, `llm.apiKey: ''` removes the key (admin)", body: UpdateBotSettingsBody } },
    async (req): Promise<BotSettings> => {
      const ctx = agentCtx(services, req);
      requireAdmin(ctx.actor);
      return updateBotSettings(ctx, req.body);
    },
  );

  app.post(
    '/api/v1/bot/test',
    { schema: { tags, summary: 'Ask the bot a question as a visitor would, with the saved settings: the answer and the passages it weighed; nothing is recorded (admin)', body: BotTestBody } },
    async (req): Promise<BotTestResult> => {
      const ctx = agentCtx(services, req);
      requireAdmin(ctx.actor);
      const a = await answerQuestion({ db, log: services.log }, await readBotSettings(db), { q: req.body.question, locale: req.body.locale });
      return {
        kind: a.kind,
        via: a.via,
        fallback: a.fallback,
        answer: a.answer,
        articles: a.articles,
        passages: a.passages.map((p, i) => ({ n: i + 1, title: p.title, url: p.url, text: p.text, score: p.score })),
      };
    },
  );

  app.get(
    '/api/v1/reports/bot',
    { schema: { tags: ['reports', ...tags], summary: 'Answer bot conversations started in a period: answered, confirmed by the customer (the only bot resolutions), handed over, abandoned; by channel', querystring: BotReportQuery } },
    async (req): Promise<BotReport> => {
      const ctx = agentCtx(services, req);
      const { from, to } = reportPeriod(ctx.clock.now(), req.query);
      return botReport(db, ctx.actor, from, to);
    },
  );
}
