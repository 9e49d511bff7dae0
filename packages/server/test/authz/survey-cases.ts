/**
 * Route cases of surveys (see route-cases.ts). Settings and NPS campaigns are admin
 * configuration; a ticket's surveys follow ticket visibility; reports are shared. The answer
 * route is public: the signed survey token in its path is the credential.
 */
import { call, type TestServer } from '../harness.ts';
import type { RouteCase } from './route-cases.ts';
import { ok, unique } from './world.ts';
import { inTransaction, makeCtx } from '../../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../../src/platform/actor.ts';
import { offerChatSurvey } from '../../src/modules/surveys/index.ts';
import type { TestAgent } from '../harness.ts';

const range = 'from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z';

export const SURVEY_CASES: Record<string, RouteCase> = {
  'GET /api/v1/survey-settings': { access: 'admin', write: false, ok: 200, request: () => ({ url: '/api/v1/survey-settings' }) },
  'PATCH /api/v1/survey-settings': { access: 'admin', write: true, ok: 200, request: () => ({ url: '/api/v1/survey-settings', body: { minSample: 30 } }), mass: {} },
  'GET /api/v1/tickets/{id}/surveys': { access: 'ticket', write: false, ok: 200, object: 'ticket', request: ({ id }) => ({ url: `/api/v1/tickets/${id}/surveys` }) },
  'GET /api/v1/reports/surveys': { access: 'shared', write: false, ok: 200, request: () => ({ url: `/api/v1/reports/surveys?${range}&interval=month` }) },
  'GET /api/v1/reports/surveys/comments': { access: 'shared', write: false, ok: 200, request: () => ({ url: `/api/v1/reports/surveys/comments?${range}&limit=10` }) },
  'GET /api/v1/reports/surveys/topics': { access: 'shared', write: false, ok: 200, request: () => ({ url: `/api/v1/reports/surveys/topics?${range}` }) },
  'GET /api/v1/survey-campaigns': { access: 'admin', write: false, ok: 200, request: () => ({ url: '/api/v1/survey-campaigns' }) },
  'POST /api/v1/survey-campaigns': { access: 'admin', write: true, ok: 201, request: () => ({ url: '/api/v1/survey-campaigns', body: npsCampaignBody() }), mass: { nested: ['segment'] } },
  // A count only: it writes nothing.
  'POST /api/v1/survey-campaigns/preview': { access: 'admin', write: false, ok: 200, request: () => ({ url: '/api/v1/survey-campaigns/preview', body: { segment: { tags: ['walker'] } } }), mass: { nested: ['segment'] } },
  'GET /api/v1/survey-campaigns/{id}': { access: 'admin', write: false, ok: 200, object: 'surveyCampaign', request: ({ id }) => ({ url: `/api/v1/survey-campaigns/${id}` }) },
  'PATCH /api/v1/survey-campaigns/{id}': { access: 'admin', write: true, ok: 200, object: 'surveyCampaign', request: ({ id }) => ({ url: `/api/v1/survey-campaigns/${id}`, body: { name: unique('renamed') } }), mass: {} },
  'DELETE /api/v1/survey-campaigns/{id}': { access: 'admin', write: true, ok: 204, object: 'surveyCampaign', request: ({ id }) => ({ url: `/api/v1/survey-campaigns/${id}` }) },
  // The campaign's segment matches nobody, so sending mails no one.
  'POST /api/v1/survey-campaigns/{id}/send': { access: 'admin', write: true, ok: 200, object: 'surveyCampaign', request: ({ id }) => ({ url: `/api/v1/survey-campaigns/${id}/send` }), mass: 'takes no body' },
  'POST /api/v1/surveys/{token}': { access: 'public', write: true, ok: 200, object: 'surveyToken', request: ({ id }) => ({ url: `/api/v1/surveys/${id}`, body: { score: 2, comment: 'Danke' } }), mass: {} },
};

/** A campaign whose segment matches no contact. */
export function npsCampaignBody() {
  return { name: unique('nps'), segment: { tags: ['walker-nobody'] }, everyDays: 90 };
}

/** A new campaign (admins only). */
export async function surveyCampaign(s: TestServer, admin: TestAgent): Promise<{ id: string }> {
  return ok(await call(s, 'POST', '/api/v1/survey-campaigns', { as: admin, body: npsCampaignBody() }), 'NPS campaign');
}

/** The token of a CSAT survey offered at the end of a chat, for a new customer's new ticket. */
export async function surveyToken(s: TestServer, admin: TestAgent): Promise<string> {
  const t = ok(await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject: 'Chat', requester: { email: `${unique('survey')}@kunde.example` }, message: { text: 'Hallo' }, channel: 'chat' } }), 'ticket');
  const offer = await inTransaction(makeCtx(s.servus.services, SYSTEM_ACTOR), (tx) => offerChatSurvey(tx, makeCtx(s.servus.services, SYSTEM_ACTOR), t.id));
  if (!offer) throw new Error('no chat survey offered');
  return offer.token;
}
