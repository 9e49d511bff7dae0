import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTicket, ManualClock, startTestServer, type TestAgent, type TestServer } from '../../../test/harness.ts';
import type { BusinessCalendar } from '../sla/index.ts';
import type { TicketEvent } from './ticket-event.ts';
import { ticketMetrics, type TicketMetrics } from './ticket-metrics.ts';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const berlinOffice: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  weekly: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: { country: 'DE' },
};

interface ApiEvent {
  type: string;
  actor: { kind: TicketEvent['actorKind']; id: string | null; role: string | null };
  before: unknown;
  after: unknown;
  messageId: string | null;
  createdAt: string;
}

const clock = new ManualClock(new Date('2025-06-02T07:00:00Z'));
let s: TestServer;
let agent: TestAgent;

before(async () => {
  s = await startTestServer({ clock });
  agent = await makeAgent(s);
});
after(() => s.close());

async function post(url: string, body: Record<string, unknown>) {
  const res = await call(s, 'POST', url, { as: agent, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** Reads the whole event log through the API, in the shape `ticket_events` rows have. */
async function eventLog(ticketId: string): Promise<TicketEvent[]> {
  const res = await call<{ data: ApiEvent[]; nextCursor: string | null }>(s, 'GET', `/api/v1/tickets/${ticketId}/events`, { as: agent });
  assert.equal(res.status, 200);
  assert.equal(res.body.nextCursor, null);
  return res.body.data.map((e) => ({
    type: e.type,
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    actorRole: e.actor.role,
    before: e.before,
    after: e.after,
    messageId: e.messageId,
    createdAt: new Date(e.createdAt),
  }));
}

describe('ticket H through the API (METRICS §8.3)', () => {
  let m: TicketMetrics;

  before(async () => {
    clock.set('2025-06-02T07:00:00Z'); // Mon 09:00 Berlin: the requester writes in
    const ticket = await makeTicket(s, agent, { subject: 'Ticket H' });
    clock.set('2025-06-02T08:00:00Z'); // Mon 10:00: the agent answers and waits for the customer
    await post(`/api/v1/tickets/${ticket.id}/messages`, { text: 'Could you send the logs?', status: 'pending' });
    clock.set('2025-06-04T09:00:00Z'); // Wed 11:00: the customer answers, the ticket reopens to open
    const answer = await post(`/api/v1/tickets/${ticket.id}/messages`, { text: 'Here they are.', asRequester: true });
    assert.equal(answer.ticket.status, 'open');
    clock.set('2025-06-04T10:00:00Z'); // Wed 12:00: the agent solves it
    const solved = await post(`/api/v1/tickets/${ticket.id}/messages`, { text: 'Fixed.', status: 'solved' });
    assert.equal(solved.ticket.status, 'solved');
    m = ticketMetrics(await eventLog(ticket.id), { calendar: berlinOffice });
  });

  it('first reply 60/60 and next reply 60/60', () => {
    assert.deepEqual(m.firstReplyTime, { calendar: 60, business: 60 });
    assert.deepEqual(m.nextReplyTimes.map((n) => n.time), [{ calendar: 60, business: 60 }]);
  });

  it('requester wait 120/120, agent work 120/120, agent wait 1020 business / 2940 calendar', () => {
    assert.deepEqual(m.requesterWaitTime, { calendar: 120, business: 120 });
    assert.deepEqual(m.agentWorkTime, { calendar: 120, business: 120 });
    assert.deepEqual(m.agentWaitTime, { calendar: 2940, business: 1020 });
  });

  it('full resolution 1140 business / 3060 calendar = requester wait + agent wait', () => {
    assert.deepEqual(m.fullResolutionTime, { calendar: 3060, business: 1140 });
    assert.equal(m.requesterWaitTime!.business! + m.agentWaitTime!.business!, 1140);
    assert.equal(m.requesterWaitTime!.calendar + m.agentWaitTime!.calendar, 3060);
  });

  it('counts the two agent replies, and the requester opening the ticket as no reply', () => {
    assert.equal(m.agentReplies, 2);
    assert.equal(m.reopens, 0);
    assert.equal(m.resolved, true);
    assert.equal(m.oneTouch, false);
  });
});
