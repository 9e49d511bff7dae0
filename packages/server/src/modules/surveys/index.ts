/** Surveys: CSAT (with optional CES) after a solved ticket or chat, NPS campaigns, signed one-click links, reports. */
import type { Services } from '../../platform/context.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { csatJobs } from './send-csat.ts';
import { npsJobs } from './campaigns.ts';

export { surveyRoutes } from './routes.ts';
export { surveyPublicRoutes } from './public-routes.ts';
export { subscribeSurveys } from './listeners.ts';
export { offerChatSurvey } from './chat-offer.ts';
export { sendCsatSurvey } from './send-csat.ts';
export { runDueCampaigns, sendCampaign } from './campaigns.ts';

/** Every survey job: the delayed CSAT mail and the NPS schedule. */
export function surveyJobs(services: Services): JobDefinition[] {
  return [...csatJobs(services), ...npsJobs(services)];
}
