import path from 'node:path';
import type { Config } from './platform/config.ts';
import { openDatabase, runMigrations, type Database } from './platform/db.ts';
import { createHttp, type App } from './platform/http.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { EventDispatcher } from './platform/events.ts';
import { openBus } from './platform/bus.ts';
import { BlobStorage } from './platform/storage.ts';
import { startJobs } from './platform/jobs.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import { makeCtx, type Services } from './platform/context.ts';
import { SYSTEM_ACTOR } from './platform/actor.ts';
import { installAuth } from './platform/route-context.ts';
import { resolveSessionSecret } from './modules/system/settings.ts';
import { systemJobs } from './modules/system/jobs.ts';
import { systemRoutes } from './modules/system/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { contactRoutes } from './modules/contacts/routes.ts';
import { ticketRoutes } from './modules/tickets/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { viewRoutes } from './modules/views/routes.ts';
import { realtimeRoutes } from './modules/realtime/routes.ts';
import { channelRoutes } from './modules/channels/routes.ts';
import { mailRoutes } from './modules/email/routes.ts';
import { calendarRoutes } from './modules/sla/routes.ts';
import { slaPolicyRoutes } from './modules/sla/policy-routes.ts';
import { subscribeSlaRecompute } from './modules/sla/ticket-sla.ts';
import { slaJobs } from './modules/sla/sla-jobs.ts';
import { macroRoutes } from './modules/macros/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { subscribeNotifications } from './modules/notifications/listeners.ts';
import { notificationJobs } from './modules/notifications/digest.ts';
import { routingJobs, routingRoutes, subscribeRouting } from './modules/routing/index.ts';
import { subscribeWebhookEvents, webhookJobs, webhookRoutes } from './modules/webhooks/index.ts';
import { automationJobs, automationRoutes, subscribeAutomation } from './modules/automation/index.ts';
import { reportJobs, reportRoutes, subscribeReportFacts } from './modules/analytics/reports/index.ts';
import { staffingRoutes } from './modules/analytics/staffing/index.ts';
import { agentReportRoutes } from './modules/analytics/agents/index.ts';
import { scheduledReportJobs, scheduledReportRoutes } from './modules/analytics/scheduled/index.ts';
import { subscribeSurveys, surveyJobs, surveyPublicRoutes, surveyRoutes } from './modules/surveys/index.ts';
import { knowledgeRoutes } from './modules/knowledge/index.ts';
import { portalJobs, portalRoutes } from './modules/portal/index.ts';
import { helpCenterRoutes } from './modules/knowledge/public/index.ts';
import { botRoutes } from './modules/knowledge/bot/index.ts';
import { Mail } from './modules/email/module.ts';
import { Chat } from './modules/chat/index.ts';
import type { DnsResolver } from './modules/email/auth.ts';
import { findAgentByEmail } from './modules/auth/repository.ts';
import { setupAdmin } from './modules/auth/use-cases/setup-admin.ts';
import { needsSetup } from './modules/auth/use-cases/setup-admin.ts';

export interface Servus {
  app: App;
  services: Services;
  mail: Mail;
  close(): Promise<void>;
}

export interface ServusOptions {
  config: Config;
  /** An already open database (tests); otherwise opened from the config. */
  database?: Database;
  clock?: Clock;
  logger?: boolean | object;
  mailer?: Mailer;
  /** DNS answers for SPF/DKIM/DMARC (tests); by default the system resolver. */
  mailResolver?: DnsResolver;
}

/**
 * Builds a whole Servus server: database and migrations, job queue, HTTP routes. Roles from
 * SERVUS_ROLES decide whether this process works jobs and runs schedules.
 */
export async function createServus(opts: ServusOptions): Promise<Servus> {
  const { config } = opts;
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  await runMigrations(database);
  const cookieSecret = await resolveSessionSecret(database.db, config.SESSION_SECRET);
  const app = await createHttp(config, { logger: opts.logger ?? { level: config.LOG_LEVEL }, cookieSecret });
  const clock = opts.clock ?? systemClock;
  const roles = new Set(config.SERVUS_ROLES);
  // Realtime fan-out between processes: Redis when configured, else LISTEN/NOTIFY on PostgreSQL, else in-process.
  const bus = await openBus({ databaseUrl: database.kind === 'postgres' ? database.url : undefined, redisUrl: config.REDIS_URL, onError: (err) => app.log.warn({ err }, 'realtime bus error') });
  app.log.info(`realtime fan-out through ${bus.kind}`);
  // Only workers claim the outbox and run the work subscribers; every process delivers live events.
  const events = new EventDispatcher(database.db, bus, { claims: roles.has('worker') }, (err) => app.log.error({ err }, 'event dispatch failed'));
  const services = {
    config,
    database,
    clock,
    log: app.log,
    events,
    storage: new BlobStorage(path.join(config.DATA_DIR, 'blobs')),
    mailer: opts.mailer ?? createMailer(config),
  } as Services;
  const mail = new Mail(services, { secret: cookieSecret, roles, resolver: opts.mailResolver });
  const chat = new Chat(services, roles);
  services.jobs = await startJobs(database, [...systemJobs({ db: database.db, clock, events }), ...mail.jobs(), ...slaJobs(services), ...routingJobs(services), ...notificationJobs(services), ...webhookJobs(services), ...automationJobs(services), ...scheduledReportJobs(services), ...reportJobs(services), ...chat.jobs(), ...surveyJobs(services), ...portalJobs(services)], {
    work: roles.has('worker'),
    schedule: roles.has('cron'),
    onError: (err) => app.log.error({ err }, 'job queue error'),
  });
  // Workers keep each ticket's stored SLA (policy, next breach) current after every change.
  const stopSla = roles.has('worker') ? subscribeSlaRecompute(services) : () => {};
  // Workers turn ticket, agent and team changes into (debounced) routing jobs.
  const stopRouting = roles.has('worker') ? subscribeRouting(services) : () => {};
  // Workers turn domain events into agent notifications.
  const stopNotifications = roles.has('worker') ? subscribeNotifications(services) : () => {};
  // Workers queue webhook deliveries for the domain events webhooks subscribe to.
  const stopWebhooks = roles.has('worker') ? subscribeWebhookEvents(services) : () => {};
  // Workers queue a trigger job for every event a trigger may react to.
  const automation = roles.has('worker') ? subscribeAutomation(services) : null;
  // Workers queue the CSAT mail of solved tickets and close the surveys of closed ones.
  const stopSurveys = roles.has('worker') ? subscribeSurveys(services) : () => {};
  // Workers keep the report facts of every changed ticket current (debounced per ticket).
  const stopReports = roles.has('worker') ? subscribeReportFacts(services) : () => {};
  if (roles.has('worker')) events.start();

  await bootstrapAdmin(services);

  await mail.start();

  installAuth(app, services);
  systemRoutes(app, services, new Date(), { mail: () => mail.health() });
  authRoutes(app, services);
  contactRoutes(app, services);
  ticketRoutes(app, services);
  searchRoutes(app, services);
  viewRoutes(app, services);
  channelRoutes(app, services, mail);
  mailRoutes(app, services, mail);
  calendarRoutes(app, services);
  slaPolicyRoutes(app, services);
  routingRoutes(app, services);
  macroRoutes(app, services);
  notificationRoutes(app, services);
  webhookRoutes(app, services);
  automationRoutes(app, services);
  surveyRoutes(app, services);
  surveyPublicRoutes(app, services);
  helpCenterRoutes(app, services);
  portalRoutes(app, services);
  reportRoutes(app, services);
  staffingRoutes(app, services);
  agentReportRoutes(app, services);
  scheduledReportRoutes(app, services);
  knowledgeRoutes(app, services);
  botRoutes(app, services);
  if (roles.has('ws')) await realtimeRoutes(app, services, chat.agentLink());
  chat.routes(app);
  await app.ready();
  chat.start();

  return {
    app,
    services,
    mail,
    async close() {
      await app.close();
      stopSla();
      stopRouting();
      stopNotifications();
      stopWebhooks();
      automation?.stop();
      stopSurveys();
      stopReports();
      await mail.stop();
      chat.stop();
      await events.stop();
      await bus.close();
      await services.jobs.stop();
      if (!opts.database) await database.close();
    },
  };
}

/** Creates the first admin from SERVUS_ADMIN_EMAIL and SERVUS_ADMIN_PASSWORD on an empty installation. */
async function bootstrapAdmin(services: Services): Promise<void> {
  const { SERVUS_ADMIN_EMAIL: email, SERVUS_ADMIN_PASSWORD: password, SERVUS_ADMIN_NAME: name } = services.config;
  if (!email || !password) return;
  const ctx = makeCtx(services, SYSTEM_ACTOR);
  if (!(await needsSetup(ctx)) || (await findAgentByEmail(ctx.db, email))) return;
  await setupAdmin(ctx, { email, password, name });
  services.log.info({ email }, 'created the first admin from SERVUS_ADMIN_EMAIL');
}
