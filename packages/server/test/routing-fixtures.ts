/** Shared steps of the routing tests: configure agents and teams, open tickets, read what routing did. */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { call, makeTicket, type TestAgent, type TestServer } from './harness.ts';

let seq = 0;

/** Sets an agent's routing as the admin (status, capacity, skills) and returns the profile. */
export async function setRouting(s: TestServer, admin: TestAgent, agent: TestAgent, body: Record<string, unknown>) {
  const res = await call(s, 'PATCH', `/api/v1/agents/${agent.id}/routing`, { as: admin, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Sets a team's routing as the admin and returns it. */
export async function routeTeam(s: TestServer, admin: TestAgent, teamId: string, body: Record<string, unknown>) {
  const res = await call(s, 'PATCH', `/api/v1/teams/${teamId}/routing`, { as: admin, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Opens an unassigned ticket in a team as `as`. */
export async function openIn(s: TestServer, as: TestAgent, teamId: string, extra: Record<string, unknown> = {}) {
  return makeTicket(s, as, { subject: `Routing ${++seq}`, teamId, ...extra });
}

export async function ticketOf(s: TestServer, as: TestAgent, id: string) {
  const res = await call(s, 'GET', `/api/v1/tickets/${id}`, { as });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

export async function eventsOf(s: TestServer, as: TestAgent, id: string): Promise<any[]> {
  const res = await call(s, 'GET', `/api/v1/tickets/${id}/events?limit=500`, { as });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.data;
}

/** Changes a ticket as `as` and asserts it worked. */
export async function patchTicket(s: TestServer, as: TestAgent, id: string, body: Record<string, unknown>) {
  const res = await call(s, 'PATCH', `/api/v1/tickets/${id}`, { as, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
