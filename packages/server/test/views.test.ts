import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, makeTicket, startTestServer, type TestAgent, type TestServer } from './harness.ts';

let s: TestServer;
let admin: TestAgent;
let anna: TestAgent;
let ben: TestAgent;
let team: { id: string };
before(async () => {
  s = await startTestServer();
  admin = await makeAgent(s, { role: 'admin' });
  anna = await makeAgent(s);
  ben = await makeAgent(s);
  team = await makeTeam(s, 'Billing', [anna]);
});
after(() => s.close());

describe('views', () => {
  it('lists the built-in views with counts that follow ticket changes', async () => {
    const views = (await call(s, 'GET', '/api/v1/views', { as: anna })).body.data;
    assert.deepEqual(views.map((v: any) => v.id), ['my_open', 'unassigned', 'all_open', 'pending', 'on_hold', 'solved_7d', `team:${team.id}`]);
    assert.equal(views[0].nameKey, 'views.my_open');
    const before = (await call(s, 'GET', '/api/v1/views/counts', { as: anna })).body.counts;
    const t = await makeTicket(s, anna, { teamId: team.id });
    let counts = (await call(s, 'GET', '/api/v1/views/counts', { as: anna })).body.counts;
    assert.equal(counts.unassigned, before.unassigned + 1);
    assert.equal(counts[`team:${team.id}`], before[`team:${team.id}`] + 1);
    await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: anna, body: { assigneeId: anna.id } });
    counts = (await call(s, 'GET', '/api/v1/views/counts', { as: anna })).body.counts;
    assert.equal(counts.my_open, before.my_open + 1);
    assert.equal(counts.unassigned, before.unassigned);
    const mine = await call(s, 'GET', '/api/v1/views/my_open/tickets', { as: anna });
    assert.deepEqual(mine.body.data.map((x: any) => x.id), [t.id]);
    assert.ok(mine.body.data[0].requester.email.endsWith('@example.org'));
    await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: anna, body: { status: 'solved' } });
    const solved = await call(s, 'GET', '/api/v1/views/solved_7d/tickets', { as: anna });
    assert.ok(solved.body.data.some((x: any) => x.id === t.id));
    assert.equal((await call(s, 'GET', `/api/v1/views/team:${team.id}/tickets`, { as: ben })).status, 404, "another team's view is not there");
  });

  it('saves personal views for their owner and shared views only from admins', async () => {
    const t = await makeTicket(s, anna, { priority: 'urgent', tags: ['vip'] });
    const created = await call(s, 'POST', '/api/v1/views', { as: anna, body: { name: 'Urgent VIPs', filters: { priority: ['urgent'], tag: ['vip'] }, sort: '-number' } });
    assert.equal(created.status, 201);
    const tickets = await call(s, 'GET', `/api/v1/views/${created.body.id}/tickets`, { as: anna });
    assert.deepEqual(tickets.body.data.map((x: any) => x.id), [t.id]);
    assert.equal((await call(s, 'GET', `/api/v1/views/${created.body.id}/tickets`, { as: ben })).status, 404);
    assert.equal((await call(s, 'PATCH', `/api/v1/views/${created.body.id}`, { as: ben, body: { name: 'Mine now' } })).status, 404);
    assert.equal((await call(s, 'POST', '/api/v1/views', { as: anna, body: { name: 'For all', scope: 'all' } })).status, 403);
    const shared = await call(s, 'POST', '/api/v1/views', { as: admin, body: { name: 'Billing queue', scope: 'team', teamId: team.id, filters: { teamId: team.id } } });
    assert.equal(shared.status, 201);
    assert.ok((await call(s, 'GET', '/api/v1/views', { as: anna })).body.data.some((v: any) => v.id === shared.body.id));
    assert.ok(!(await call(s, 'GET', '/api/v1/views', { as: ben })).body.data.some((v: any) => v.id === shared.body.id));
    assert.equal((await call(s, 'DELETE', `/api/v1/views/${shared.body.id}`, { as: anna })).status, 403);
    const bad = await call(s, 'POST', '/api/v1/views', { as: anna, body: { name: 'x', filters: { status: ['nope'] } } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].path, 'body.filters.status.0');
    assert.equal((await call(s, 'DELETE', `/api/v1/views/${created.body.id}`, { as: anna })).status, 204);
  });
});
