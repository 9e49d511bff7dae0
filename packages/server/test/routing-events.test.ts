/**
 * Routing as it runs in a worker process: nobody calls a drain; ticket, agent and team changes
 * become domain events, the events become routing jobs, and the jobs assign.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { eventually, openIn, patchTicket, routeTeam, setRouting, ticketOf } from './routing-fixtures.ts';

describe('routing on the worker role: changes trigger routing jobs', () => {
  let s: TestServer;
  let admin: TestAgent;
  let ann: TestAgent;
  let ben: TestAgent;
  let team: string;

  before(async () => {
    s = await startTestServer({ env: { SERVUS_ROLES: 'http,worker' } });
    admin = await makeAgent(s, { role: 'admin' });
    ann = await makeAgent(s, { name: 'Ann' });
    ben = await makeAgent(s, { name: 'Ben' });
    team = (await makeTeam(s, 'Support', [ann, ben])).id;
    await routeTeam(s, admin, team, { mode: 'load_balanced' });
    await setRouting(s, admin, ann, { status: 'online', defaultCapacity: 1 });
  });
  after(() => s?.close());

  const assignedTo = (id: string, agent: TestAgent) =>
    eventually(`ticket ${id} assigned to ${agent.email}`, async () => ((await ticketOf(s, admin, id)).assigneeId === agent.id ? true : undefined));

  it('routes a new ticket, the next one when capacity frees, and waiting work when an agent comes online or gets more capacity', async () => {
    const first = await openIn(s, admin, team);
    await assignedTo(first.id, ann);
    const second = await openIn(s, admin, team);
    const third = await openIn(s, admin, team);
    await patchTicket(s, admin, first.id, { status: 'solved' });
    await assignedTo(second.id, ann);
    assert.equal((await ticketOf(s, admin, third.id)).assigneeId, null, 'Ann is full and Ben offline');

    await setRouting(s, admin, ben, { defaultCapacity: 1 });
    assert.equal((await call(s, 'PATCH', '/api/v1/me/routing', { as: ben, body: { status: 'online' } })).status, 200);
    await assignedTo(third.id, ben);

    const fourth = await openIn(s, admin, team);
    await setRouting(s, admin, ann, { defaultCapacity: 2 });
    await assignedTo(fourth.id, ann);
  });

  it('routes tickets that enter a routed team, and a team’s waiting tickets once it starts routing', async () => {
    const byHand = (await makeTeam(s, 'By hand', [ann, ben])).id;
    const moved = await openIn(s, admin, byHand);
    const waiting = await openIn(s, admin, byHand);
    await setRouting(s, admin, ben, { defaultCapacity: 5 });
    await patchTicket(s, admin, moved.id, { teamId: team });
    await assignedTo(moved.id, ben);
    assert.equal((await ticketOf(s, admin, waiting.id)).assigneeId, null, 'a manual team keeps its tickets unassigned');

    await routeTeam(s, admin, byHand, { mode: 'round_robin' });
    const who = await eventually('the manual team’s ticket routed', async () => (await ticketOf(s, admin, waiting.id)).assigneeId ?? undefined);
    assert.ok([ann.id, ben.id].includes(who));
  });
});
