import { and, asc, eq, gt, inArray, isNull, lte, ne, type SQL } from 'drizzle-orm';
import type { DurationValue, RuleCondition } from '@servus/shared';
import type { Services } from '../../platform/context.ts';
import { tickets } from '../tickets/schema.ts';
import { ticketColumns, type TicketView } from '../tickets/repository.ts';
import { ticketCalendar } from '../sla/ticket-sla.ts';
import { minimumCalendarMinutes } from './durations.ts';
import { conditionsHold, durationFieldsOf } from './evaluate.ts';
import { anchorsOf, loadFacts, type Anchors, type TicketFacts } from './facts.ts';
import { runRule, type RuleRow } from './runner.ts';
import { automationRules, automationRuns } from './schema.ts';

/** Tickets one rule looks at per batch. */
const BATCH = 200;
/** Tickets all time rules together look at per cron run; the rest wait for the next run. */
const MAX_PER_RUN = 2_000;

/**
 * A time rule's run key: the ticket and the moments its time conditions count from. A new
 * period (the ticket entered pending again, was unassigned again…) gives a new key, so the rule
 * acts at most once per ticket and period.
 */
export function periodKey(rule: Pick<RuleRow, 'conditions'>, ticketId: string, anchors: Anchors): string {
  const parts = durationFieldsOf(rule.conditions).map((f) => `${f}=${anchors[f]?.toISOString() ?? '-'}`);
  return `period:${ticketId}|${parts.join('|')}`;
}

/** SQL that narrows the candidates of a time rule cheaply; the conditions decide exactly later. */
function prefilter(rule: RuleRow, now: Date): SQL[] {
  const where: SQL[] = [ne(tickets.status, 'closed')];
  for (const c of rule.conditions.all) where.push(...narrow(c, now));
  return where;
}

function narrow(c: RuleCondition, now: Date): SQL[] {
  if (c.field === 'ticket.status' && c.operator === 'is') return [eq(tickets.status, c.value as TicketView['status'])];
  if (c.field === 'ticket.status' && c.operator === 'in') return [inArray(tickets.status, c.value as TicketView['status'][])];
  if (c.field === 'ticket.assignee' && c.operator === 'absent') return [isNull(tickets.assigneeId)];
  if (c.field === 'time.unassigned_for') return [isNull(tickets.assigneeId)];
  if (c.operator !== 'gt') return [];
  const before = new Date(now.getTime() - minimumCalendarMinutes(c.value as DurationValue) * 60_000);
  // Every anchor is at or after creation, so a period can only be long enough on a ticket that old.
  const old = lte(tickets.createdAt, before);
  if (c.field === 'time.since_updated') return [old, lte(tickets.updatedAt, before)];
  return c.field.startsWith('time.') ? [old] : [];
}

/**
 * Checks one time rule against one batch of open tickets, continuing where the last batch of
 * this rule stopped. Returns how many tickets it looked at and how many it acted on.
 */
async function checkBatch(services: Services, rule: RuleRow, limit: number): Promise<{ looked: number; acted: number; wrapped: boolean }> {
  const db = services.database.db;
  const now = services.clock.now();
  const where = prefilter(rule, now);
  if (rule.scanCursor) where.push(gt(tickets.id, rule.scanCursor));
  const list = await db.select(ticketColumns).from(tickets).where(and(...where)).orderBy(asc(tickets.id)).limit(limit);
  const wrapped = list.length < limit;
  const cursor = wrapped ? null : list[list.length - 1]!.id;
  if (cursor !== rule.scanCursor) {
    await db.update(automationRules).set({ scanCursor: cursor }).where(eq(automationRules.id, rule.id));
    rule.scanCursor = cursor;
  }
  if (list.length === 0) return { looked: 0, acted: 0, wrapped };
  const anchors = await anchorsOf(db, list);
  const done = new Set(
    (await db.select({ key: automationRuns.eventKey }).from(automationRuns).where(and(eq(automationRuns.ruleId, rule.id), inArray(automationRuns.ticketId, list.map((t) => t.id))))).map((r) => r.key),
  );
  let acted = 0;
  for (const t of list) {
    const a = anchors.get(t.id)!;
    if (done.has(periodKey(rule, t.id, a))) continue;
    // A quick check outside any transaction first; the run re-checks with the ticket locked.
    const facts: TicketFacts = { ticket: t, contact: null, organization: null, message: null, changes: null, anchors: a, calendar: undefined };
    if (needsPeople(rule)) Object.assign(facts, await loadFacts(db, t));
    else facts.calendar = await ticketCalendar(db, t);
    if (!conditionsHold(rule.conditions, facts, now)) continue;
    const result = await runRule(services, rule, { ticketId: t.id, event: 'schedule', key: (f) => periodKey(rule, t.id, f.anchors) });
    if (result) acted++;
  }
  return { looked: list.length, acted, wrapped };
}

const needsPeople = (rule: RuleRow) => [...rule.conditions.all, ...rule.conditions.any].some((c) => c.field.startsWith('contact.') || c.field.startsWith('organization.'));

/**
 * The cron job of time-based automations: every active rule in order, each over the open
 * tickets in batches, at most MAX_PER_RUN tickets per run in all (a long list is finished by the
 * next runs). A rule acts at most once per ticket and qualifying period, so a second run at the
 * same moment writes nothing. Uses the services' clock, so tests drive it with a ManualClock.
 */
export async function runTimeRules(services: Services): Promise<{ looked: number; acted: number }> {
  const rules = await services.database.db
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.kind, 'schedule'), eq(automationRules.active, true)))
    .orderBy(asc(automationRules.position), asc(automationRules.id));
  let looked = 0;
  let acted = 0;
  for (const rule of rules) {
    for (;;) {
      const budget = MAX_PER_RUN - looked;
      if (budget <= 0) return { looked, acted };
      const r = await checkBatch(services, rule, Math.min(BATCH, budget));
      looked += r.looked;
      acted += r.acted;
      if (r.wrapped) break;
    }
  }
  return { looked, acted };
}
