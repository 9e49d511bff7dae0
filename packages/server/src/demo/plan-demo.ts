import type { DemoContact } from './customers.ts';
import type { Random } from './random.ts';
import type { Topic } from './topic.ts';
import { ACCESS_TOPICS } from './topics-access.ts';
import { TECHNICAL_TOPICS } from './topics-technical.ts';
import { COMMERCE_TOPICS } from './topics-commerce.ts';
import { capitalize, customerText, customerVoice, phrases } from './phrases.ts';
import { personOf, planTicket, type PlanWorld, type Step, type TicketPlan } from './plan-ticket.ts';
import { arrivalTimes, MINUTE, shortly } from './timeline.ts';

/** Every topic the demo tickets are about. */
export const TOPICS: readonly Topic[] = [...ACCESS_TOPICS, ...TECHNICAL_TOPICS, ...COMMERCE_TOPICS];

/** One step of one ticket, in the global order the generator carries them out. */
export interface Action {
  at: Date;
  ticket: number;
  step: Step;
}

export interface DemoPlan {
  tickets: TicketPlan[];
  /** Every step of every ticket, oldest first. */
  actions: Action[];
  /** How many duplicate tickets are merged into an earlier one. */
  merges: number;
}

/** One duplicate per this many tickets is merged into the request it repeats. */
const TICKETS_PER_MERGE = 250;

/**
 * Plans all demo tickets: arrival times over the last `days` days, a topic and a requester for
 * each (some customers write far more often than others), each ticket's thread, and a few
 * customers who write twice about the same thing, whose second ticket an agent merges.
 */
export function planDemo(rng: Random, world: PlanWorld, contacts: readonly DemoContact[], opts: { tickets: number; days: number }): DemoPlan {
  const duplicates = opts.tickets >= 20 ? Math.max(1, Math.round(opts.tickets / TICKETS_PER_MERGE)) : 0;
  const times = arrivalTimes(rng, world.now, opts.days, opts.tickets - duplicates);
  const requesters = contacts.map((c) => ({ item: c, weight: rng.logBetween(0.2, 6) }));
  const topics = TOPICS.map((t) => ({ item: t, weight: t.weight }));
  const tickets = times.map((created, index) => planTicket(rng.fork(), world, index, created, rng.weightedOf(topics), rng.weightedOf(requesters)));
  const targets = rng.shuffle(tickets.filter(canBeRepeated)).slice(0, duplicates);
  const repeats = targets.map((target, i) => planDuplicate(rng.fork(), world, tickets.length + i, target));
  const all = [...tickets, ...repeats];
  return { tickets: all, actions: orderActions(all), merges: repeats.filter((r) => r.steps.some((s) => s.kind === 'merge')).length };
}

/** A ticket a customer might write about again: by mail or form, with a wait before the first answer. */
function canBeRepeated(t: TicketPlan): boolean {
  const [created, firstAnswer] = t.steps;
  return (
    (t.channel === 'email' || t.channel === 'web') &&
    firstAnswer !== undefined &&
    firstAnswer.at.getTime() - created!.at.getTime() >= 45 * MINUTE
  );
}

/**
 * The customer's second message about the same request, sent before anyone answered the first;
 * the team lead merges it into the first ticket when the first answer goes out.
 */
function planDuplicate(rng: Random, world: PlanWorld, index: number, target: TicketPlan): TicketPlan {
  const [created, firstAnswer] = target.steps as [Step, Step];
  const gap = firstAnswer.at.getTime() - created.at.getTime();
  const at = new Date(created.at.getTime() + gap * rng.between(0.3, 0.8));
  const p = phrases(target.lang);
  const body = `${rng.pick(p.duplicates)}\n\n${capitalize(target.opening)}`;
  const subject = p.duplicateSubject.replace('{subject}', target.subject);
  const admin = world.staff.admin;
  const steps: Step[] = [
    {
      kind: 'create',
      at,
      by: admin,
      input: {
        subject,
        requester: { id: target.contact.id },
        message: { text: customerText(target.lang, false, body, personOf(target.contact), customerVoice(rng, target.lang)) },
        messageAuthor: 'requester',
        messageKind: 'public',
        channel: target.channel,
        priority: 'normal',
      },
    },
    { kind: 'merge', at: shortly(rng, firstAnswer.at, 10), by: admin, into: target.index },
  ];
  return { ...target, index, subject, opening: body, steps: steps.filter((s) => s.at.getTime() < world.now.getTime()) };
}

function orderActions(tickets: readonly TicketPlan[]): Action[] {
  const actions = tickets.flatMap((t) => t.steps.map((step, seq) => ({ at: step.at, ticket: t.index, seq, step })));
  actions.sort((a, b) => a.at.getTime() - b.at.getTime() || a.ticket - b.ticket || a.seq - b.seq);
  return actions.map(({ at, ticket, step }) => ({ at, ticket, step }));
}
