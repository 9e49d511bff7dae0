import { z } from 'zod';
import {
  CreateNpsCampaignBody,
  NpsSegment,
  SurveyCommentsQuery,
  SurveyExportQuery,
  SurveyReportQuery,
  SurveySettingsBody,
  UpdateNpsCampaignBody,
  Uuid,
  type NpsCampaign,
  type NpsSegmentPreview,
  type NpsSendResult,
  type SurveyComment,
  type SurveyReport,
  type SurveySettings,
  type SurveyTopicsReport,
  type TicketSurvey,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { requireAdmin } from '../auth/policies.ts';
import { reportPeriod } from '../routing/escalation-report.ts';
import { getSurveySettings, updateSurveySettings } from './settings.ts';
import { surveyReport } from './report.ts';
import { listSurveyComments, surveyTopics } from './comments.ts';
import { ticketSurveys } from './ticket-surveys.ts';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, sendCampaign, updateCampaign } from './campaigns.ts';
import { previewSegment } from './segment.ts';
import { exportSurveysCsv, surveyTrendCsv } from './export.ts';
import { sendCsv, wantsCsv } from '../analytics/reports/routes.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['surveys'];
const TopicsQuery = SurveyCommentsQuery.omit({ score: true, topic: true, limit: true, cursor: true });

/**
 * Survey settings and NPS campaigns (admins), the surveys of a ticket (ticket visibility), and
 * the survey reports (every agent; comments about tickets they may not see are left out).
 */
export function surveyRoutes(app: App, services: Services): void {
  const db = services.database.db;
  const admin = (req: Parameters<typeof agentCtx>[1]) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return ctx;
  };

  app.get('/api/v1/survey-settings', { schema: { tags, summary: 'CSAT, CES and NPS settings (admin)' } }, async (req): Promise<SurveySettings> => {
    admin(req);
    return getSurveySettings(db);
  });

  app.patch('/api/v1/survey-settings', { schema: { tags, summary: 'Change survey settings: scale, delay, channels, reasons, CES, throttle, quiet period (admin)', body: SurveySettingsBody } }, async (req): Promise<SurveySettings> =>
    updateSurveySettings(admin(req), req.body),
  );

  app.get('/api/v1/tickets/:id/surveys', { schema: { tags, summary: 'Surveys offered about a ticket, with the customer’s rating, comment and reason', params: IdParams } }, async (req): Promise<{ data: TicketSurvey[] }> => {
    const ctx = agentCtx(services, req);
    return { data: await ticketSurveys(db, ctx.actor, req.params.id, ctx.clock.now()) };
  });

  app.get(
    '/api/v1/reports/surveys',
    { schema: { tags: ['reports'], summary: 'CSAT, NPS and CES of the surveys offered in a period, with response rates and a trend (METRICS §3); the trend as CSV with format=csv', querystring: SurveyReportQuery } },
    async (req, reply): Promise<SurveyReport> => {
      const ctx = agentCtx(services, req);
      const { from, to } = reportPeriod(ctx.clock.now(), req.query);
      const r = await surveyReport(db, ctx.actor, from, to, req.query);
      return wantsCsv(req, req.query.format) ? sendCsv(reply, 'survey-trend', surveyTrendCsv(r)) : r;
    },
  );

  app.get('/api/v1/exports/surveys.csv', { schema: { tags, summary: 'Every survey offered in the period with its answer, as streamed CSV (admin)', querystring: SurveyExportQuery } }, async (req, reply) => {
    const ctx = admin(req);
    const { from, to } = reportPeriod(ctx.clock.now(), req.query);
    return sendCsv(reply, 'surveys', exportSurveysCsv(db, from, to, req.query));
  });

  app.get(
    '/api/v1/reports/surveys/comments',
    { schema: { tags: ['reports'], summary: 'Survey comments, newest first, by score and topic, with the keywords that matched', querystring: SurveyCommentsQuery } },
    async (req): Promise<{ data: SurveyComment[]; nextCursor: string | null }> => {
      const ctx = agentCtx(services, req);
      const { from, to } = reportPeriod(ctx.clock.now(), req.query);
      return listSurveyComments(db, ctx.actor, from, to, req.query);
    },
  );

  app.get('/api/v1/reports/surveys/topics', { schema: { tags: ['reports'], summary: 'Survey comments grouped by topic through German and English keywords', querystring: TopicsQuery } }, async (req): Promise<SurveyTopicsReport> => {
    const ctx = agentCtx(services, req);
    const { from, to } = reportPeriod(ctx.clock.now(), req.query);
    return surveyTopics(db, ctx.actor, from, to, req.query);
  });

  app.get('/api/v1/survey-campaigns', { schema: { tags, summary: 'NPS campaigns (admin)' } }, async (req): Promise<{ data: NpsCampaign[] }> => {
    admin(req);
    return { data: await listCampaigns(db) };
  });

  app.post('/api/v1/survey-campaigns', { schema: { tags, summary: 'Create an NPS campaign (admin)', body: CreateNpsCampaignBody } }, async (req, reply): Promise<NpsCampaign> => {
    const campaign = await createCampaign(admin(req), req.body);
    reply.code(201);
    return campaign;
  });

  app.post(
    '/api/v1/survey-campaigns/preview',
    { schema: { tags, summary: 'How many contacts a segment reaches now, after opt-outs and the quiet period (admin)', body: z.strictObject({ segment: NpsSegment }) } },
    async (req): Promise<NpsSegmentPreview> => {
      const ctx = admin(req);
      const settings = await getSurveySettings(db);
      return previewSegment(db, req.body.segment, ctx.clock.now(), settings.npsQuietDays);
    },
  );

  app.get('/api/v1/survey-campaigns/:id', { schema: { tags, summary: 'An NPS campaign (admin)', params: IdParams } }, async (req): Promise<NpsCampaign> => {
    admin(req);
    return getCampaign(db, req.params.id);
  });

  app.patch('/api/v1/survey-campaigns/:id', { schema: { tags, summary: 'Change an NPS campaign (admin)', params: IdParams, body: UpdateNpsCampaignBody } }, async (req): Promise<NpsCampaign> =>
    updateCampaign(admin(req), req.params.id, req.body),
  );

  app.delete('/api/v1/survey-campaigns/:id', { schema: { tags, summary: 'Delete an NPS campaign; its answers stay in the reports (admin)', params: IdParams } }, async (req, reply) => {
    await deleteCampaign(admin(req), req.params.id);
    return reply.code(204).send();
  });

  app.post('/api/v1/survey-campaigns/:id/send', { schema: { tags, summary: 'Send the campaign now to its eligible contacts (admin)', params: IdParams } }, async (req): Promise<NpsSendResult> => {
    admin(req);
    return sendCampaign(services, req.params.id);
  });
}
