import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { makeChannel, startSmtpSink, type SmtpSink } from './mail-support.ts';
import { inTransaction, makeCtx } from '../src/platform/context.ts';
import { applyMacroInTx } from '../src/modules/macros/apply.ts';

describe('applying macros to tickets', () => {
  let s: TestServer;
  let sink: SmtpSink;
  let admin: TestAgent;
  let anna: TestAgent;
  let ben: TestAgent;
  let olga: TestAgent;
  let reader: TestAgent;
  let support: { id: string };
  let billing: { id: string };
  let maria: { id: string };
  let refund: any;
  let escalate: any;
  let annasOwn: any;

  async function macro(as: TestAgent, body: Record<string, unknown>) {
    const res = await call(s, 'POST', '/api/v1/macros', { as, body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function ticket(body: Record<string, unknown> = {}) {
    const res = await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject: 'Lieferung fehlt', requester: { id: maria.id }, message: { text: 'Wo bleibt meine Bestellung?' }, teamId: support.id, ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  const apply = (as: TestAgent, ticketId: string, macroId: string, body: Record<string, unknown> = {}) =>
    call(s, 'POST', `/api/v1/tickets/${ticketId}/macros/${macroId}/apply`, { as, body });

  before(async () => {
    sink = await startSmtpSink();
    s = await startTestServer({ env: { SERVUS_ROLES: 'http,worker' } });
    admin = await makeAgent(s, { role: 'admin', name: 'Ada Admin' });
    anna = await makeAgent(s, { name: 'Anna Berger' });
    ben = await makeAgent(s, { name: 'Ben Krause' });
    olga = await makeAgent(s, { name: 'Olga Other' });
    reader = await makeAgent(s, { role: 'readonly', name: 'Rita Read' });
    support = await makeTeam(s, 'Support', [anna, ben, reader]);
    billing = await makeTeam(s, 'Billing', [ben]);
    await makeTeam(s, 'Elsewhere', [olga]);
    await makeChannel(s, admin, { smtpPort: sink.port });
    const org = await call(s, 'POST', '/api/v1/organizations', { as: admin, body: { name: 'Muster GmbH' } });
    const c = await call(s, 'POST', '/api/v1/contacts', { as: admin, body: { name: 'Maria Muster', email: 'maria@muster.example', locale: 'de', organizationId: org.body.id } });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    maria = c.body;
    refund = await macro(admin, {
      name: 'Refund granted',
      shortcut: 'refund',
      scope: 'shared',
      texts: {
        en: 'Hello {{customer.first_name}}, the refund for #{{ticket.number}} ({{ticket.subject}}) is on its way. Status: {{ticket.status}}. {{agent.name}}, {{organization.name}}',
        de: 'Hallo {{customer.first_name}} {{customer.last_name}}, die Erstattung zu #{{ticket.number}} ist unterwegs. Status: {{ticket.status}}. Ihr {{agent.first_name}} ({{customer.email}}, {{organization.name}})',
      },
      actions: { status: 'pending', priority: 'high', addTags: ['refund'] },
    });
    escalate = await macro(admin, { name: 'To billing', scope: 'shared', texts: { en: 'Our billing team takes over.' }, actions: { teamId: billing.id } });
    annasOwn = await macro(anna, { name: 'Take it', texts: { en: 'I am on it, {{customer.name}}.' }, actions: { assigneeId: 'me' } });
  });
  after(async () => {
    await s?.close();
    await sink?.close();
  });

  it('applies the field actions in one go, writes the event log and returns the text in the requester’s language', async () => {
    const t = await ticket();
    const res = await apply(anna, t.id, refund.id);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.locale, 'de');
    assert.equal(res.body.text, `Hallo Maria Muster, die Erstattung zu #${t.number} ist unterwegs. Status: wartend. Ihr Anna (maria@muster.example, Muster GmbH)`);
    assert.equal(res.body.changed, true);
    assert.equal(res.body.message, null, 'nothing is posted unless asked');
    assert.equal(res.body.ticket.status, 'pending');
    assert.equal(res.body.ticket.priority, 'high');
    assert.deepEqual(res.body.ticket.tags, ['refund']);
    assert.equal(res.body.ticket.version, t.version + 1, 'one change of the ticket');
    const events = (await call(s, 'GET', `/api/v1/tickets/${t.id}/events`, { as: anna })).body.data;
    const byAnna = events.filter((e: any) => e.actor?.id === anna.id || e.actorId === anna.id);
    assert.deepEqual(byAnna.map((e: any) => e.type).sort(), ['priority_changed', 'status_changed', 'tags_changed']);
    const thread = (await call(s, 'GET', `/api/v1/tickets/${t.id}/messages`, { as: anna })).body.data;
    assert.equal(thread.length, 1);
    const counted = (await call(s, 'GET', `/api/v1/macros/${refund.id}`, { as: anna })).body;
    assert.equal(counted.usageCount, 1);
    assert.ok(counted.lastUsedAt);
    const again = await apply(anna, t.id, refund.id);
    assert.equal(again.body.changed, false, 'a second time changes nothing');
    assert.equal(again.body.ticket.version, res.body.ticket.version);
  });

  it('falls back to the agent’s screen language, then to the variant that exists, and renders missing values as empty', async () => {
    const anon = await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject: 'No name', requester: { email: 'someone@example.org' }, message: { text: 'Hi' }, teamId: support.id } });
    assert.equal(anon.status, 201);
    const en = await apply(anna, anon.body.id, refund.id, { locale: 'en' });
    assert.equal(en.body.locale, 'en');
    assert.equal(en.body.text, `Hello , the refund for #${anon.body.number} (No name) is on its way. Status: pending. Anna Berger, `);
    assert.ok(!/undefined|null/.test(en.body.text));
    const de = await apply(anna, anon.body.id, refund.id, { locale: 'de' });
    assert.equal(de.body.locale, 'de');
    assert.match(de.body.text, /^Hallo {2}, die Erstattung/);
    // Without a screen language, the agent's own setting decides.
    assert.equal((await call(s, 'PATCH', '/api/v1/auth/me', { as: anna, body: { locale: 'de' } })).status, 200);
    assert.equal((await apply(anna, anon.body.id, refund.id)).body.locale, 'de');
    // Maria reads German, but this macro only speaks English.
    const t = await ticket();
    const own = await apply(anna, t.id, annasOwn.id, { locale: 'de' });
    assert.equal(own.body.locale, 'en');
    assert.equal(own.body.text, 'I am on it, Maria Muster.');
    assert.equal(own.body.ticket.assigneeId, anna.id, "'me' assigns the agent who applies it");
  });

  it('inserts values as text, never as markup, also when posted as a note', async () => {
    const c = await call(s, 'POST', '/api/v1/contacts', { as: admin, body: { name: '<img src=x onerror=alert(1)> Eve', email: 'eve@evil.example' } });
    const t = await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject: '<b>bold</b>', requester: { id: c.body.id }, message: { text: 'x' }, teamId: support.id } });
    const res = await apply(anna, t.body.id, annasOwn.id, { post: 'note', locale: 'en' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.text, 'I am on it, <img src=x onerror=alert(1)> Eve.');
    assert.equal(res.body.message.kind, 'note');
    assert.ok(!res.body.message.html.includes('<img'), res.body.message.html);
    assert.ok(res.body.message.html.includes('&lt;img'), res.body.message.html);
    const events = (await call(s, 'GET', `/api/v1/tickets/${t.body.id}/events`, { as: anna })).body.data.map((e: any) => e.type);
    assert.ok(events.includes('note'));
  });

  it('posts the text as a public reply that goes out by mail like any agent reply', async () => {
    const t = await call(s, 'POST', '/api/v1/tickets', { as: admin, body: { subject: 'Erstattung', channel: 'email', requester: { id: maria.id }, message: { text: 'Bitte erstatten' }, teamId: support.id } });
    assert.equal(t.status, 201, JSON.stringify(t.body));
    const res = await apply(anna, t.body.id, refund.id, { post: 'reply' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.message.kind, 'public');
    assert.equal(res.body.ticket.status, 'pending', 'the macro’s status stays after the reply');
    const [mail] = await sink.waitFor(1);
    assert.deepEqual(mail!.envelope.to, ['maria@muster.example']);
    assert.match(mail!.parsed.text ?? '', /Hallo Maria Muster, die Erstattung zu #\d+ ist unterwegs/);
  });

  it('moves a ticket to another team and unassigns it when the assignee is not in that team', async () => {
    const t = await ticket({ assigneeId: anna.id });
    const res = await apply(anna, t.id, escalate.id);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.ticket.teamId, billing.id);
    assert.equal(res.body.ticket.assigneeId, null);
    const kept = await ticket({ assigneeId: ben.id });
    const r2 = await apply(ben, kept.id, escalate.id);
    assert.equal(r2.body.ticket.assigneeId, ben.id, 'Ben is in Billing, so he keeps it');
  });

  it('refuses what the caller may not do: hidden tickets and macros are 404, read-only 403, stale versions 409, switched-off macros 409', async () => {
    const t = await ticket();
    const hidden = await apply(olga, t.id, refund.id);
    assert.equal(hidden.status, 404);
    assert.equal(hidden.body.error.code, 'not_found');
    const others = await apply(ben, t.id, annasOwn.id);
    assert.equal(others.status, 404, "another agent's personal macro");
    assert.equal((await apply(reader, t.id, refund.id)).status, 403);
    const stale = await apply(anna, t.id, refund.id, { version: t.version + 5 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'version_conflict');
    const off = await macro(admin, { name: 'Old', scope: 'shared', texts: { en: 'old' }, active: false });
    assert.equal((await apply(anna, t.id, off.id)).status, 409);
    const after = await call(s, 'GET', `/api/v1/tickets/${t.id}`, { as: anna });
    assert.equal(after.body.version, t.version, 'nothing was changed by the refused calls');
    assert.equal((await call(s, 'GET', `/api/v1/macros/${refund.id}`, { as: anna })).body.usageCount >= 1, true);
  });

  it('lets automation apply shared macros only, rendering the assignee as the agent', async () => {
    const t = await ticket({ assigneeId: ben.id });
    const ctx = makeCtx(s.servus.services, { kind: 'automation', id: null });
    const done = await inTransaction(ctx, (tx, emit) => applyMacroInTx(tx, ctx, emit, t.id, refund.id, { post: 'note' }));
    assert.equal(done.changed, true);
    assert.match(done.text!, /Ihr Ben \(maria@muster\.example/);
    const events = (await call(s, 'GET', `/api/v1/tickets/${t.id}/events`, { as: admin })).body.data;
    assert.ok(events.some((e: any) => e.type === 'status_changed' && (e.actor?.kind ?? e.actorKind) === 'automation'), JSON.stringify(events));
    const replied = await inTransaction(ctx, (tx, emit) => applyMacroInTx(tx, ctx, emit, t.id, refund.id, { post: 'reply' }));
    assert.equal(replied.changed, false);
    const thread = (await call(s, 'GET', `/api/v1/tickets/${t.id}/messages`, { as: admin })).body.data;
    assert.deepEqual(thread.slice(-2).map((m: any) => [m.kind, m.author.kind]), [['note', 'automation'], ['public', 'automation']]);
    const after = (await call(s, 'GET', `/api/v1/tickets/${t.id}`, { as: admin })).body;
    assert.equal(after.agentReplyCount, 0, 'a reply by automation is no agent reply');
    assert.equal(after.firstReplyAt, null);
    for (const id of [annasOwn.id, '00000000-0000-4000-8000-000000000000']) {
      await assert.rejects(
        () => inTransaction(ctx, (tx, emit) => applyMacroInTx(tx, ctx, emit, t.id, id, { post: 'none' })),
        (err: any) => err.code === 'validation_failed',
      );
    }
  });
});
