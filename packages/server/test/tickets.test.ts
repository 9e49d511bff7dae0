import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, makeTicket, startTestServer, type TestAgent, type TestServer } from './harness.ts';

let s: TestServer;
let admin: TestAgent;
let agent: TestAgent;
before(async () => {
  s = await startTestServer();
  admin = await makeAgent(s, { role: 'admin' });
  agent = await makeAgent(s);
});
after(() => s.close());

const eventsOf = async (id: string) => (await call(s, 'GET', `/api/v1/tickets/${id}/events`, { as: admin })).body.data as any[];

describe('creating tickets', () => {
  it('opens a ticket with a human number, creates the requester and logs the creation', async () => {
    const a = await makeTicket(s, agent, { requester: { email: 'Jürgen.Müller@Example.DE', name: 'Jürgen Müller' } });
    const b = await makeTicket(s, agent, { requester: { email: 'jürgen.müller@example.de' } });
    assert.equal(b.number, a.number + 1);
    assert.equal(a.status, 'new');
    assert.equal(a.requesterId, b.requesterId, 'the same email is the same contact');
    const contact = await call(s, 'GET', `/api/v1/contacts/${a.requesterId}`, { as: agent });
    assert.equal(contact.body.name, 'Jürgen Müller');
    assert.deepEqual(contact.body.identities.map((i: any) => [i.kind, i.value]), [['email', 'jürgen.müller@example.de']]);
    const events = await eventsOf(a.id);
    assert.deepEqual(events.map((e) => e.type), ['created', 'reply']);
    assert.equal(events[1].actor.kind, 'contact');
    assert.equal(events[1].after.opening, true);
  });

  it('names every invalid field and rejects unknown ones', async () => {
    const res = await call(s, 'POST', '/api/v1/tickets', {
      as: agent,
      body: { subject: '', requester: { email: 'nope' }, message: {}, priority: 'extreme', isAdmin: true },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'validation_failed');
    const paths = res.body.error.details.map((d: any) => d.path);
    for (const p of ['body.subject', 'body.priority', 'body.isAdmin']) assert.ok(paths.includes(p), `${p} in ${paths}`);
    const count = await call(s, 'GET', '/api/v1/tickets?limit=100', { as: admin });
    assert.ok(!count.body.data.some((t: any) => t.subject === ''));
  });

  it('keeps HTML in subjects and tags as text and sanitizes message HTML', async () => {
    const t = await makeTicket(s, agent, {
      subject: '"><img src=x onerror=alert(1)>',
      tags: ['<b>vip</b>'],
      message: { html: '<p>Hallo<script>alert(1)</script><img src="http://track.example/p.gif"><a href="javascript:alert(1)">x</a><form><input name=password></form></p>' },
    });
    assert.equal(t.subject, '"><img src=x onerror=alert(1)>');
    assert.deepEqual(t.tags, ['<b>vip</b>']);
    const full = await call(s, 'GET', `/api/v1/tickets/${t.id}?include=messages`, { as: agent });
    const html: string = full.body.messages[0].html;
    assert.ok(!/script|onerror|javascript:|<form|<input|track\.example/i.test(html), html);
    assert.match(html, /Hallo/);
  });

  it('answers 413 over the body limit', async () => {
    const res = await call(s, 'POST', '/api/v1/tickets', {
      as: agent,
      body: { subject: 'big', requester: { email: 'big@example.com' }, message: { text: 'x'.repeat(1_100_000) } },
    });
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'payload_too_large');
  });
});

describe('Idempotency-Key', () => {
  it('creates once, replays the response, and refuses a different body under the same key', async () => {
    const body = { subject: 'Lieferung fehlt', requester: { email: 'idem@example.com' }, message: { text: 'Wo bleibt mein Paket?' } };
    const headers = { 'idempotency-key': 'order-4711' };
    const first = await call(s, 'POST', '/api/v1/tickets', { as: agent, body, headers });
    const second = await call(s, 'POST', '/api/v1/tickets', { as: agent, body, headers });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.body.id, first.body.id);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    const other = await call(s, 'POST', '/api/v1/tickets', { as: agent, body: { ...body, subject: 'Anders' }, headers });
    assert.equal(other.status, 422);
    const list = await call(s, 'GET', `/api/v1/contacts/${first.body.requesterId}/tickets`, { as: agent });
    assert.equal(list.body.data.length, 1);
  });
});

describe('replies, notes and status', () => {
  it('an agent reply opens the ticket and sets first reply; a customer reply reopens a solved ticket', async () => {
    const t = await makeTicket(s, agent);
    const reply = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { text: 'Wir kümmern uns.', status: 'pending' } });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.ticket.status, 'pending');
    assert.ok(reply.body.ticket.firstReplyAt);
    assert.equal(reply.body.ticket.agentReplyCount, 1);

    const note = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { kind: 'note', text: 'intern' } });
    assert.equal(note.body.message.kind, 'note');
    assert.equal(note.body.ticket.agentReplyCount, 1, 'notes are not replies');

    const solved = await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: agent, body: { status: 'solved' } });
    assert.equal(solved.body.status, 'solved');
    const back = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { text: 'Geht wieder nicht', asRequester: true } });
    assert.equal(back.body.ticket.status, 'open');
    assert.equal(back.body.ticket.reopenCount, 1);
    const types = (await eventsOf(t.id)).map((e) => e.type);
    assert.deepEqual(types, ['created', 'reply', 'reply', 'status_changed', 'note', 'status_changed', 'reply', 'status_changed', 'reopened']);
  });

  it('refuses a change made against an old version with 409 and changes nothing', async () => {
    const t = await makeTicket(s, agent);
    const first = await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: agent, body: { priority: 'high', version: t.version } });
    assert.equal(first.status, 200);
    assert.equal(first.body.version, t.version + 1);
    const stale = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { text: 'stale', version: t.version } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'version_conflict');
    assert.equal(stale.body.error.details.currentVersion, t.version + 1);
    const now = await call(s, 'GET', `/api/v1/tickets/${t.id}`, { as: agent });
    assert.equal(now.body.messageCount, 1);
  });

  it('logs every field change with before and after', async () => {
    const team = await makeTeam(s, 'Billing', [agent]);
    const t = await makeTicket(s, agent);
    const res = await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, {
      as: agent,
      body: { teamId: team.id, assigneeId: agent.id, priority: 'urgent', type: 'incident', addTags: ['refund', 'vip'] },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'open', 'assigning opens a new ticket');
    const byType = Object.fromEntries((await eventsOf(t.id)).map((e) => [e.type, e]));
    assert.deepEqual([byType.team_changed.before, byType.team_changed.after], [null, team.id]);
    assert.deepEqual([byType.assignee_changed.before, byType.assignee_changed.after], [null, agent.id]);
    assert.deepEqual([byType.priority_changed.before, byType.priority_changed.after], ['normal', 'urgent']);
    assert.deepEqual(byType.tags_changed.after, ['refund', 'vip']);
    assert.equal(byType.assignee_changed.actor.id, agent.id);
    assert.equal(byType.assignee_changed.actor.role, 'agent');

    const outsider = await makeAgent(s);
    const bad = await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: agent, body: { assigneeId: outsider.id } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].path, 'body.assigneeId');
  });

  it('closed tickets take no changes and no messages', async () => {
    const t = await makeTicket(s, agent);
    await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: agent, body: { status: 'closed' } });
    assert.equal((await call(s, 'PATCH', `/api/v1/tickets/${t.id}`, { as: agent, body: { status: 'open' } })).status, 409);
    assert.equal((await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { text: 'hi' } })).status, 409);
  });
});

describe('merge and bulk', () => {
  it('merges threads into the target, closes the sources and logs both sides', async () => {
    const target = await makeTicket(s, agent, { subject: 'Target', tags: ['a'] });
    const source = await makeTicket(s, agent, { subject: 'Source', tags: ['b'], message: { text: 'Zweite Nachricht mit Flugzeugträger' } });
    const res = await call(s, 'POST', `/api/v1/tickets/${target.id}/merge`, { as: agent, body: { sourceIds: [source.id] } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.tags, ['a', 'b']);
    const thread = await call(s, 'GET', `/api/v1/tickets/${target.id}/messages`, { as: agent });
    assert.ok(thread.body.data.some((m: any) => m.text.includes('Flugzeugträger')));
    assert.ok(thread.body.data.some((m: any) => m.kind === 'system' && m.text.includes(`#${source.number}`)));
    const src = await call(s, 'GET', `/api/v1/tickets/${source.id}`, { as: agent });
    assert.equal(src.body.status, 'closed');
    assert.equal(src.body.mergedIntoId, target.id);
    assert.ok((await eventsOf(target.id)).some((e) => e.type === 'merged'));
    assert.ok((await eventsOf(source.id)).some((e) => e.type === 'merged_into'));
    const found = await call(s, 'GET', '/api/v1/search?q=Flugzeugträger', { as: agent });
    assert.deepEqual(found.body.data.map((t: any) => t.id), [target.id]);
    const again = await call(s, 'POST', `/api/v1/tickets/${target.id}/merge`, { as: agent, body: { sourceIds: [source.id] } });
    assert.equal(again.status, 409);
    assert.equal((await call(s, 'POST', `/api/v1/tickets/${target.id}/merge`, { as: agent, body: { sourceIds: [target.id] } })).status, 400);
  });

  it('bulk-updates visible tickets and reports the rest as not found', async () => {
    const a = await makeTicket(s, agent);
    const b = await makeTicket(s, agent);
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await call(s, 'POST', '/api/v1/tickets/bulk', { as: agent, body: { ids: [a.id, b.id, missing], changes: { status: 'pending', addTags: ['bulk'] } } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.results.map((r: any) => [r.id, r.ok]), [[a.id, true], [b.id, true], [missing, false]]);
    assert.equal(res.body.results[2].error.code, 'not_found');
    for (const id of [a.id, b.id]) {
      const t = await call(s, 'GET', `/api/v1/tickets/${id}`, { as: agent });
      assert.equal(t.body.status, 'pending');
      assert.deepEqual(t.body.tags, ['bulk']);
    }
  });
});

describe('lists', () => {
  it('filters, sorts and paginates with a cursor without gaps or repeats', async () => {
    const team = await makeTeam(s, 'Paging');
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await makeTicket(s, agent, { teamId: team.id, subject: `Paging ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/tickets?teamId=${team.id}&limit=3&sort=-number${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(s, 'GET', url, { as: admin });
      assert.equal(page.status, 200);
      seen.push(...page.body.data.map((t: any) => t.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...made].reverse());
    const bad = await call(s, 'GET', '/api/v1/tickets?cursor=garbage', { as: admin });
    assert.equal(bad.status, 400);
    const filtered = await call(s, 'GET', `/api/v1/tickets?teamId=${team.id}&status=solved`, { as: admin });
    assert.deepEqual(filtered.body.data, []);
    const badFilter = await call(s, 'GET', '/api/v1/tickets?status=weird', { as: admin });
    assert.equal(badFilter.status, 400);
    assert.ok(badFilter.body.error.details[0].path.startsWith('querystring.status'));
  });
});

describe('custom fields', () => {
  it('accepts only defined fields with values of the right kind', async () => {
    const field = await call(s, 'POST', '/api/v1/ticket-fields', { as: admin, body: { key: 'plan', label: 'Plan', kind: 'select', options: ['basic', 'pro'] } });
    assert.equal(field.status, 201);
    assert.equal((await call(s, 'POST', '/api/v1/ticket-fields', { as: agent, body: { key: 'x', label: 'X', kind: 'text' } })).status, 403);
    const ok = await makeTicket(s, agent, { custom: { plan: 'pro' } });
    assert.deepEqual(ok.custom, { plan: 'pro' });
    const wrong = await call(s, 'PATCH', `/api/v1/tickets/${ok.id}`, { as: agent, body: { custom: { plan: 'gold', unknown: 1 } } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body.error.details.map((d: any) => d.path).sort(), ['body.custom.plan', 'body.custom.unknown']);
  });
});

describe('first reply on tickets an agent opened', () => {
  it('counts only once the customer has written (METRICS §9.2)', async () => {
    const t = await makeTicket(s, agent, { messageAuthor: 'agent', message: { text: 'Ihre Bestellung ist verschickt.' } });
    const early = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { text: 'Nachtrag: Tracking folgt.' } });
    assert.equal(early.body.ticket.firstReplyAt, null);
    await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { text: 'Danke, wo ist das Paket?', asRequester: true } });
    const answer = await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as: agent, body: { text: 'Heute in der Zustellung.' } });
    assert.equal(answer.body.ticket.firstReplyAt, answer.body.message.createdAt);
  });
});
