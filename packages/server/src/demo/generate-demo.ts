import { inArray, sql } from 'drizzle-orm';
import type { Services } from '../platform/context.ts';
import { ManualClock } from '../platform/clock.ts';
import { messages, tickets } from '../modules/tickets/schema.ts';
import { Random } from './random.ts';
import { ensureStaff } from './staff.ts';
import { ensureCustomers } from './customers.ts';
import { planDemo } from './plan-demo.ts';
import { applyPlan } from './apply-plan.ts';
import { claimDemoMarker, completeDemoMarker, type DemoMarker } from './marker.ts';
import { DAY, HOUR } from './timeline.ts';
import { agentCtxAt, withDeferredEvents } from './demo-context.ts';
import type { Status } from './plan-ticket.ts';
import { seedDemoSurveys, type DemoSurveyCounts } from './surveys.ts';
import { recomputeReports } from '../modules/analytics/reports/jobs.ts';
import { seedKnowledgeBase, type KnowledgeSeedResult } from './kb/seed.ts';
import { enableDemoBot } from '../modules/knowledge/bot/settings.ts';

/** The password every demo agent gets unless DEMO_PASSWORD (or `password`) says otherwise. */
export const DEFAULT_DEMO_PASSWORD = 'servus-demo-2026';

/** Sizes of the full demo: what `npm run demo` loads. */
export const DEMO_DEFAULTS = { tickets: 2000, contacts: 200, organizations: 40, days: 90, seed: 20260 } as const;

export interface DemoOptions {
  tickets?: number;
  contacts?: number;
  organizations?: number;
  /** How many days back the tickets reach. */
  days?: number;
  /** Seed of the random source: the same seed gives the same data. */
  seed?: number;
  password?: string;
  /** Load even though a demo was loaded before (agents, teams and customers are reused). */
  force?: boolean;
  /** The present the demo's history ends at; the services' clock by default. */
  now?: Date;
  /** Called after each ticket is created with how many exist so far. */
  onTicket?: (created: number, total: number) => void;
  /** Stops the load between two steps. */
  signal?: AbortSignal;
}

export interface DemoResult {
  admin: { name: string; email: string; isNew: boolean };
  /** The other demo agents' sign-in addresses and roles. */
  agents: { name: string; email: string; role: string }[];
  password: string;
  created: { agents: number; teams: number; organizations: number; contacts: number; tickets: number; merges: number; messages: number };
  surveys: DemoSurveyCounts;
  /** The demo help center: what this run created, and how many demo articles exist. */
  knowledge: KnowledgeSeedResult;
  statuses: Partial<Record<Status, number>>;
  ms: number;
}

/**
 * Fills the database with a help desk in use: three teams, eight agents (one admin, one
 * read-only), customer companies with their contacts in German and English, and tickets with
 * threads spread over the last months, all written through the same use cases the API uses.
 * Refuses to run a second time unless `force` is set.
 *
 * @example
 * const result = await generateDemo(servus.services, { tickets: 40, contacts: 20, organizations: 5 });
 */
export async function generateDemo(appServices: Services, options: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const services = withDeferredEvents(appServices);
  const o = { ...DEMO_DEFAULTS, ...options };
  assertSizes(o);
  const password = options.password ?? DEFAULT_DEMO_PASSWORD;
  const now = options.now ?? services.clock.now();
  const db = services.database.db;
  const marker: DemoMarker = { state: 'running', startedAt: services.clock.now().toISOString(), seed: o.seed, tickets: o.tickets };
  await claimDemoMarker(db, services.clock, marker, options.force ?? false);

  const rng = new Random(o.seed);
  const clock = new ManualClock(new Date(now.getTime() - (o.days + 21) * DAY));
  const staff = await ensureStaff(services, clock, password);
  clock.advance(2 * HOUR);
  const customers = await ensureCustomers(services, clock, rng.fork(), staff.admin.actor, o);
  const knowledge = await seedKnowledgeBase(agentCtxAt(services, staff.admin.actor, clock));
  const plan = planDemo(rng.fork(), { staff, now }, customers.contacts, o);
  const ids = [
    ...(await applyPlan(services, clock, plan, { onTicket: (n) => options.onTicket?.(n, plan.tickets.length), signal: options.signal })).values(),
  ];

  await appServices.events.flush();
  // Switched on after the history, whose chats agents served without it.
  await enableDemoBot(agentCtxAt(services, staff.admin.actor, clock));
  const surveys = await seedDemoSurveys(db, rng.fork(), ids, now);
  // The report facts are built here, so the dashboard has figures before any worker ran.
  await recomputeReports({ db, clock: services.clock });
  await completeDemoMarker(db, services.clock, marker);
  const { statuses, messageCount } = await summarize(services, ids);
  return {
    admin: { name: staff.admin.name, email: staff.admin.email, isNew: staff.adminIsNew },
    agents: staff.members.slice(1).map((m) => ({ name: m.name, email: m.email, role: m.role })),
    password,
    created: { ...staff.created, ...customers.created, tickets: ids.length, merges: plan.merges, messages: messageCount },
    surveys,
    knowledge,
    statuses,
    ms: Date.now() - started,
  };
}

function assertSizes(o: { tickets: number; contacts: number; organizations: number; days: number; seed: number }): void {
  const whole = (n: number, min: number) => Number.isInteger(n) && n >= min;
  if (!whole(o.tickets, 0) || !whole(o.contacts, 1) || !whole(o.organizations, 0) || !whole(o.days, 1) || !whole(o.seed, 0)) {
    throw new Error('demo sizes must be whole numbers: tickets >= 0, contacts >= 1, organizations >= 0, days >= 1, seed >= 0');
  }
  if (o.organizations > o.contacts) throw new Error('demo needs at least as many contacts as organizations');
}

async function summarize(services: Services, ids: string[]) {
  const db = services.database.db;
  const statuses: Partial<Record<Status, number>> = {};
  if (ids.length === 0) return { statuses, messageCount: 0 };
  const rows = await db
    .select({ status: tickets.status, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(inArray(tickets.id, ids))
    .groupBy(tickets.status);
  for (const r of rows) statuses[r.status] = Number(r.n);
  const [m] = await db.select({ n: sql<number>`count(*)::int` }).from(messages).where(inArray(messages.ticketId, ids));
  return { statuses, messageCount: Number(m?.n ?? 0) };
}
