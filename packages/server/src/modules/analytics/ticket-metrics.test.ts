import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BusinessCalendar } from '../sla/index.ts';
import type { TicketEventRow } from '../tickets/repository.ts';
import type { TicketEvent } from './ticket-event.ts';
import { ticketMetrics } from './ticket-metrics.ts';
import { touchRates } from './touch-rates.ts';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const berlinOffice: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: { country: 'DE' },
};

type Actor = Pick<TicketEvent, 'actorKind' | 'actorId' | 'actorRole'>;
const agent: Actor = { actorKind: 'agent', actorId: 'agent-1', actorRole: 'agent' };
const admin: Actor = { actorKind: 'agent', actorId: 'admin-1', actorRole: 'admin' };
const customer: Actor = { actorKind: 'contact', actorId: 'contact-1', actorRole: null };
const automation: Actor = { actorKind: 'automation', actorId: 'rule-1', actorRole: null };
const system: Actor = { actorKind: 'system', actorId: null, actorRole: null };

/** Local Berlin wall time in June 2025 (CEST) as an instant. */
const june = (day: number, time: string) => new Date(`2025-06-${String(day).padStart(2, '0')}T${time}:00+02:00`);

const event = (type: string, at: Date, by: Actor, payload: Partial<TicketEvent> = {}): TicketEvent => ({
  type, createdAt: at, before: null, after: null, messageId: null, ...by, ...payload,
});
const created = (at: Date, by: Actor = agent) => event('created', at, by, { after: { status: 'new', priority: 'normal' } });
const opening = (at: Date, by: Actor = customer) => event('reply', at, by, { after: { kind: 'public', opening: true } });
const reply = (at: Date, by: Actor) => event('reply', at, by, { after: { kind: 'public' } });
const note = (at: Date, by: Actor) => event('note', at, by, { after: { kind: 'note' } });
const status = (at: Date, from: string, to: string, by: Actor = agent) => event('status_changed', at, by, { before: from, after: to });
const reopened = (at: Date, to: string, by: Actor = customer) => event('reopened', at, by, { before: 'solved', after: to });

/** A ticket a customer opened at `at`. */
const customerTicket = (at: Date) => [created(at), opening(at)];

/** METRICS §8.3 ticket H. */
const ticketH = [
  ...customerTicket(june(2, '09:00')),
  reply(june(2, '10:00'), agent),
  status(june(2, '10:00'), 'new', 'pending'),
  reply(june(4, '11:00'), customer),
  status(june(4, '11:00'), 'pending', 'open', customer),
  reply(june(4, '12:00'), agent),
  status(june(4, '12:00'), 'open', 'solved'),
];

describe('ticket H (METRICS §8.3)', () => {
  const m = ticketMetrics(ticketH, { calendar: berlinOffice });

  it('first reply 60/60 and one next-reply instance Wed 11:00 → 12:00 of 60/60', () => {
    assert.deepEqual(m.firstReplyTime, { calendar: 60, business: 60 });
    assert.equal(m.nextReplyTimes.length, 1);
    assert.deepEqual(m.nextReplyTimes[0], { startedAt: june(4, '11:00'), answeredAt: june(4, '12:00'), time: { calendar: 60, business: 60 } });
  });

  it('requester wait 120/120, agent work 120/120, agent wait 1020 business / 2940 calendar, no on-hold', () => {
    assert.deepEqual(m.requesterWaitTime, { calendar: 120, business: 120 });
    assert.deepEqual(m.agentWorkTime, { calendar: 120, business: 120 });
    assert.deepEqual(m.agentWaitTime, { calendar: 2940, business: 1020 });
    assert.deepEqual(m.onHoldTime, { calendar: 0, business: 0 });
  });

  it('full resolution 1140 business / 3060 calendar, and requester wait + agent wait = full resolution', () => {
    assert.deepEqual(m.fullResolutionTime, { calendar: 3060, business: 1140 });
    assert.deepEqual(m.firstResolutionTime, m.fullResolutionTime);
    assert.equal(m.requesterWaitTime!.business! + m.agentWaitTime!.business!, m.fullResolutionTime!.business);
    assert.equal(m.requesterWaitTime!.calendar + m.agentWaitTime!.calendar, m.fullResolutionTime!.calendar);
  });

  it('counts 2 agent replies and no reopen: resolved, not one-touch', () => {
    assert.equal(m.agentReplies, 2);
    assert.equal(m.reopens, 0);
    assert.equal(m.resolved, true);
    assert.deepEqual([m.oneTouch, m.noTouch, m.fcr], [false, false, false]);
  });

  it('leaves the business half null without a calendar', () => {
    const plain = ticketMetrics(ticketH);
    assert.deepEqual(plain.firstReplyTime, { calendar: 60, business: null });
    assert.deepEqual(plain.agentWaitTime, { calendar: 2940, business: null });
  });
});

describe('K6 one-touch, FCR and no-touch (METRICS §8.6)', () => {
  const day = (h: number) => june(3, `${String(h).padStart(2, '0')}:00`);
  const tickets = {
    T1: [...customerTicket(day(9)), reply(day(10), agent), status(day(10), 'new', 'solved')],
    T2: [...customerTicket(day(9)), status(day(10), 'new', 'solved')],
    T3: [...customerTicket(day(9)), reply(day(10), agent), status(day(10), 'new', 'pending'), reply(day(11), customer), status(day(11), 'pending', 'open', customer), reply(day(12), agent), status(day(12), 'open', 'solved')],
    T4: [...customerTicket(day(9)), reply(day(10), agent), status(day(10), 'new', 'solved'), reply(day(11), customer), status(day(11), 'solved', 'open', customer), reopened(day(11), 'open'), reply(day(12), agent), status(day(12), 'open', 'solved')],
    T5: [...customerTicket(day(9)), reply(day(10), agent), status(day(10), 'new', 'solved'), reply(day(11), customer), status(day(11), 'solved', 'open', customer), reopened(day(11), 'open'), status(day(12), 'open', 'solved')],
  };
  const metrics = Object.fromEntries(Object.entries(tickets).map(([k, events]) => [k, ticketMetrics(events, { calendar: berlinOffice })]));

  it('flags each ticket', () => {
    const flags = Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, { replies: m.agentReplies, reopens: m.reopens, oneTouch: m.oneTouch, fcr: m.fcr, noTouch: m.noTouch }]));
    assert.deepEqual(flags, {
      T1: { replies: 1, reopens: 0, oneTouch: true, fcr: true, noTouch: false },
      T2: { replies: 0, reopens: 0, oneTouch: true, fcr: false, noTouch: true },
      T3: { replies: 2, reopens: 0, oneTouch: false, fcr: false, noTouch: false },
      T4: { replies: 2, reopens: 1, oneTouch: false, fcr: false, noTouch: false },
      T5: { replies: 1, reopens: 1, oneTouch: true, fcr: true, noTouch: false },
    });
  });

  it('aggregates to one-touch 60 %, FCR 50 % (T1, T5 of T1, T3, T4, T5) and no-touch 20 %', () => {
    assert.deepEqual(touchRates(Object.values(metrics)), { resolved: 5, oneTouch: 0.6, noTouch: 0.2, fcr: 0.5 });
  });

  it('takes FCR away from a ticket whose requester came back with a follow-up', () => {
    assert.equal(ticketMetrics(tickets.T1, { hasFollowUp: true }).fcr, false);
    assert.equal(ticketMetrics(tickets.T1, { hasFollowUp: true }).oneTouch, true);
  });

  it('leaves merged-away tickets out and answers null for an empty denominator', () => {
    const merged = ticketMetrics([...tickets.T1, event('merged_into', day(13), agent, { after: { ticketId: 'x', number: 7 } })]);
    assert.equal(merged.mergedAway, true);
    assert.deepEqual(touchRates([merged, metrics.T3]), { resolved: 1, oneTouch: 0, noTouch: 0, fcr: 0 });
    assert.deepEqual(touchRates([]), { resolved: 0, oneTouch: null, noTouch: null, fcr: null });
    assert.deepEqual(touchRates([metrics.T2]), { resolved: 1, oneTouch: 1, noTouch: 1, fcr: null });
  });
});

describe('first reply', () => {
  it('is null until an agent has replied', () => {
    const m = ticketMetrics(customerTicket(june(2, '09:00')), { calendar: berlinOffice });
    assert.equal(m.firstReplyAt, null);
    assert.equal(m.firstReplyTime, null);
    assert.deepEqual(m.nextReplyTimes, []);
  });

  it('ignores automations, the system, notes, read-only agents and agent-kind rows without a role', () => {
    const m = ticketMetrics([
      ...customerTicket(june(2, '09:00')),
      reply(june(2, '09:01'), automation),
      reply(june(2, '09:02'), system),
      note(june(2, '09:03'), agent),
      reply(june(2, '09:04'), { ...agent, actorRole: 'readonly' }),
      reply(june(2, '09:05'), { ...agent, actorRole: null }),
      reply(june(2, '09:30'), admin),
    ]);
    assert.equal(m.firstReplyAt?.toISOString(), june(2, '09:30').toISOString());
    assert.deepEqual(m.firstReplyTime, { calendar: 30, business: null });
    assert.equal(m.agentReplies, 1);
  });

  it('runs from creation even when the first reply comes after a solve without one and a reopen', () => {
    const m = ticketMetrics([
      ...customerTicket(june(2, '09:00')),
      status(june(2, '09:10'), 'new', 'solved'),
      reply(june(2, '09:20'), customer),
      status(june(2, '09:20'), 'solved', 'open', customer),
      reply(june(2, '09:45'), agent),
    ]);
    assert.deepEqual(m.firstReplyTime, { calendar: 45, business: null });
  });

  it("on a ticket an agent opened for the customer, runs from the customer's first message; the opening is no reply", () => {
    const start = [created(june(6, '15:00')), opening(june(6, '15:00'), agent)];
    const waiting = ticketMetrics(start, { calendar: berlinOffice });
    assert.equal(waiting.firstReplyTime, null);
    assert.equal(waiting.agentReplies, 0);

    const answered = ticketMetrics(
      [...start, reply(june(6, '16:30'), customer), reply(june(6, '16:40'), customer), reply(june(10, '10:15'), agent)],
      { calendar: berlinOffice },
    );
    // Friday 16:30 to Tuesday 10:15 over Pfingstmontag: METRICS §8.3 F-A.
    assert.deepEqual(answered.firstReplyTime, { calendar: 5385, business: 105 });
    assert.equal(answered.agentReplies, 1);
    assert.deepEqual(answered.nextReplyTimes, []);
  });

  it('treats an internal note as the opening the same way', () => {
    const m = ticketMetrics([created(june(2, '09:00')), { ...note(june(2, '09:00'), agent), after: { kind: 'note', opening: true } }, reply(june(2, '11:00'), customer), reply(june(2, '11:20'), agent)]);
    assert.deepEqual(m.firstReplyTime, { calendar: 20, business: null });
  });
});

describe('next reply', () => {
  it('starts at the oldest unanswered customer message and stays open until an agent answers', () => {
    const m = ticketMetrics([
      ...customerTicket(june(2, '09:00')),
      reply(june(2, '09:10'), agent),
      reply(june(2, '10:00'), customer),
      reply(june(2, '10:30'), customer),
      reply(june(2, '10:40'), automation),
      reply(june(2, '11:00'), agent),
      reply(june(2, '11:05'), agent),
      reply(june(2, '12:00'), customer),
    ]);
    assert.deepEqual(
      m.nextReplyTimes.map((n) => [n.startedAt.toISOString(), n.answeredAt?.toISOString() ?? null, n.time]),
      [
        [june(2, '10:00').toISOString(), june(2, '11:00').toISOString(), { calendar: 60, business: null }],
        [june(2, '12:00').toISOString(), null, null],
      ],
    );
    assert.equal(m.agentReplies, 3);
  });
});

describe('status times and resolution', () => {
  it('counts on-hold toward requester wait but not agent work', () => {
    const m = ticketMetrics([
      ...customerTicket(june(2, '09:00')),
      status(june(2, '09:30'), 'new', 'open'),
      status(june(2, '10:00'), 'open', 'on_hold'),
      status(june(2, '12:00'), 'on_hold', 'pending'),
      status(june(2, '13:00'), 'pending', 'solved'),
    ], { calendar: berlinOffice });
    assert.deepEqual(m.onHoldTime, { calendar: 120, business: 120 });
    assert.deepEqual(m.requesterWaitTime, { calendar: 180, business: 180 });
    assert.deepEqual(m.agentWorkTime, { calendar: 60, business: 60 });
    assert.deepEqual(m.agentWaitTime, { calendar: 60, business: 60 });
  });

  it('keeps status totals null on an unresolved ticket unless measured as of a moment', () => {
    const events = [...customerTicket(june(2, '09:00')), reply(june(2, '10:00'), agent), status(june(2, '10:00'), 'new', 'pending')];
    const open = ticketMetrics(events, { calendar: berlinOffice });
    assert.deepEqual([open.requesterWaitTime, open.agentWaitTime, open.firstResolutionTime, open.fullResolutionTime], [null, null, null, null]);
    const live = ticketMetrics(events, { calendar: berlinOffice, asOf: june(3, '10:00') });
    assert.deepEqual(live.requesterWaitTime, { calendar: 60, business: 60 });
    assert.deepEqual(live.agentWaitTime, { calendar: 1440, business: 480 });
  });

  it('after a reopen keeps the first resolution, has no full resolution until solved again, then grows it', () => {
    const solvedOnce = [...customerTicket(june(2, '09:00')), reply(june(2, '10:00'), agent), status(june(2, '10:00'), 'new', 'solved')];
    const reopenedLog = [...solvedOnce, reply(june(2, '11:00'), customer), status(june(2, '11:00'), 'solved', 'open', customer), reopened(june(2, '11:00'), 'open')];
    const reopenedNow = ticketMetrics(reopenedLog);
    assert.deepEqual(reopenedNow.firstResolutionTime, { calendar: 60, business: null });
    assert.equal(reopenedNow.fullResolutionTime, null);
    assert.equal(reopenedNow.resolved, false);
    assert.equal(reopenedNow.reopens, 1);
    assert.equal(reopenedNow.nextReplyTimes.length, 1);

    const again = ticketMetrics([...reopenedLog, reply(june(2, '12:30'), agent), status(june(2, '12:30'), 'open', 'solved')]);
    assert.deepEqual(again.firstResolutionTime, { calendar: 60, business: null });
    assert.deepEqual(again.fullResolutionTime, { calendar: 210, business: null });
    assert.equal(again.lastResolvedAt?.toISOString(), june(2, '12:30').toISOString());
    assert.deepEqual(again.requesterWaitTime, { calendar: 60 + 90, business: null });
  });

  it('counts closing an unsolved ticket as its resolution, and solved → closed not as another', () => {
    const closedDirectly = ticketMetrics([...customerTicket(june(2, '09:00')), status(june(2, '09:40'), 'new', 'closed')]);
    assert.deepEqual(closedDirectly.fullResolutionTime, { calendar: 40, business: null });
    const closedLater = ticketMetrics([...customerTicket(june(2, '09:00')), status(june(2, '09:40'), 'new', 'solved'), status(june(6, '09:40'), 'solved', 'closed', system)]);
    assert.deepEqual(closedLater.fullResolutionTime, { calendar: 40, business: null });
    assert.equal(closedLater.status, 'closed');
    assert.equal(closedLater.reopens, 0);
  });
});

describe('input', () => {
  it('takes rows of ticket_events as they are', () => {
    const rows: TicketEventRow[] = ticketH.map((e, i) => ({ ...e, id: i + 1, ticketId: '00000000-0000-4000-8000-000000000001', actorKind: e.actorKind }));
    assert.deepEqual(ticketMetrics(rows, { calendar: berlinOffice }), ticketMetrics(ticketH, { calendar: berlinOffice }));
  });

  it('refuses a log that does not start with the created event or holds an unknown status', () => {
    assert.throws(() => ticketMetrics(ticketH.slice(1)), /starts with its created event/);
    assert.throws(() => ticketMetrics([...ticketH, status(june(5, '09:00'), 'solved', 'archived')]), /not a ticket status: "archived"/);
  });
});
