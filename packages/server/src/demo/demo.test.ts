import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { call, makeAgent, startTestServer, type TestServer } from '../../test/harness.ts';
import { queryRows } from '../platform/db.ts';
import { DEFAULT_DEMO_PASSWORD, generateDemo, type DemoOptions, type DemoResult } from './generate-demo.ts';
import { DemoAlreadyLoadedError } from './marker.ts';
import { TOPICS } from './plan-demo.ts';
import { ticketFacts } from './facts.ts';
import { fill } from './topic.ts';
import { Random } from './random.ts';

// A fixed present makes the data identical on every run, whatever day the test runs on.
const NOW = new Date('2026-03-04T15:30:00Z');
const SMALL: DemoOptions = { tickets: 40, contacts: 20, organizations: 5, seed: 7, now: NOW };

function rows<T>(s: TestServer, query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(s.servus.services.database.db, query);
}

async function one<T>(s: TestServer, query: ReturnType<typeof sql>): Promise<T> {
  return (await rows<T>(s, query))[0]!;
}

describe('demo templates', () => {
  it('have the same cases in German and English, and every placeholder fills', () => {
    const facts = ticketFacts(new Random(1), NOW);
    for (const topic of TOPICS) {
      assert.equal(topic.de.cases.length, topic.en.cases.length, topic.key);
      for (const lang of ['de', 'en'] as const) {
        const text = topic[lang];
        const templates = [...text.cases.flatMap((c) => [...c.subjects, c.opening, c.ask, c.detail, c.solution]), ...text.notes, ...(text.holds ?? [])];
        for (const t of templates) assert.doesNotMatch(fill(t, facts[lang]), /[{}]/, `${topic.key}/${lang}: ${t}`);
      }
    }
  });
});

describe('npm run demo on a new installation', () => {
  let s: TestServer;
  let result: DemoResult;
  before(async () => {
    s = await startTestServer();
    result = await generateDemo(s.servus.services, SMALL);
  });
  after(() => s.close());

  it('creates three teams and eight agents, one admin and one read-only, all in teams', async () => {
    const teams = await rows<{ name: string; members: number }>(
      s,
      sql`select t.name, count(m.agent_id)::int as members from teams t left join team_members m on m.team_id = t.id group by t.name order by t.name`,
    );
    assert.deepEqual(teams.map((t) => t.name), ['1st Level Support', 'Billing & Accounts', 'Technik / Technical']);
    assert.ok(teams.every((t) => t.members >= 2));
    const agents = await rows<{ name: string; role: string; locale: string; teams: number }>(
      s,
      sql`select a.name, a.role, a.locale, (select count(*)::int from team_members m where m.agent_id = a.id) as teams from agents a`,
    );
    assert.equal(agents.length, 8);
    assert.deepEqual(agents.filter((a) => a.role === 'admin').map((a) => a.name), ['Sabine Krüger']);
    assert.equal(agents.filter((a) => a.role === 'readonly').length, 1);
    assert.ok(agents.every((a) => a.teams >= 1));
    assert.deepEqual([...new Set(agents.map((a) => a.locale))].sort(), ['de', 'en']);
    assert.ok(agents.some((a) => /[äöüß]/.test(a.name)));
  });

  it('creates the organizations with domains, and contacts on those domains or none', async () => {
    const orgs = await rows<{ name: string; domains: string[] }>(s, sql`select name, domains from organizations`);
    assert.equal(orgs.length, 5);
    assert.ok(orgs.some((o) => o.name === 'Bäckerei Schröder GmbH' && o.domains[0] === 'baeckerei-schroeder.example'));
    const contacts = await rows<{ email: string; locale: string; domains: string[] | null }>(
      s,
      sql`select c.email, c.locale, o.domains from contacts c left join organizations o on o.id = c.organization_id`,
    );
    assert.equal(contacts.length, 20);
    for (const c of contacts) if (c.domains) assert.equal(c.email.split('@')[1], c.domains[0]);
    assert.deepEqual([...new Set(contacts.map((c) => c.locale))].sort(), ['de', 'en']);
  });

  it('creates the asked number of tickets, each with a message and a created event', async () => {
    assert.equal((await one<{ n: number }>(s, sql`select count(*)::int as n from tickets`)).n, 40);
    assert.equal(result.created.tickets, 40);
    const bare = await one<{ n: number }>(s, sql`select count(*)::int as n from tickets t where not exists (select 1 from messages m where m.ticket_id = t.id)`);
    assert.equal(bare.n, 0);
    const unlogged = await one<{ n: number }>(
      s,
      sql`select count(*)::int as n from tickets t where not exists (select 1 from ticket_events e where e.ticket_id = t.id and e.type = 'created')`,
    );
    assert.equal(unlogged.n, 0);
    const threads = await rows<{ n: number }>(s, sql`select count(*)::int as n from messages group by ticket_id`);
    assert.ok(threads.some((t) => t.n >= 4), 'some threads have several messages');
  });

  it('mixes statuses, channels and both languages like a help desk in use', async () => {
    const statuses = (await rows<{ status: string }>(s, sql`select distinct status from tickets`)).map((r) => r.status);
    for (const expected of ['solved', 'closed', 'open']) assert.ok(statuses.includes(expected), `status ${expected} in ${statuses}`);
    const channels = await rows<{ channel: string }>(s, sql`select distinct channel from tickets`);
    assert.ok(channels.length >= 3);
    const subjects = (await rows<{ subject: string }>(s, sql`select subject from tickets`)).map((r) => r.subject);
    assert.ok(subjects.some((x) => /Rechnung|Lieferung|Passwort|Anmeldung|Kündigung|Login|Bestellung|[äöüß]/.test(x)), 'a German subject');
    assert.ok(subjects.some((x) => /invoice|delivery|password|log in|cancel|order|printer|charged/i.test(x) && !/[äöüß]/.test(x)), 'an English subject');
    const kinds = (await rows<{ kind: string }>(s, sql`select distinct kind from messages`)).map((r) => r.kind);
    assert.ok(kinds.includes('public') && kinds.includes('note'));
    const merged = await one<{ n: number }>(s, sql`select count(*)::int as n from tickets where merged_into_id is not null and status = 'closed'`);
    assert.equal(merged.n, result.created.merges);
    assert.ok(merged.n >= 1);
  });

  it('keeps every timestamp in the past and every thread in order', async () => {
    const latest = await one<Record<string, Date | null>>(
      s,
      sql`select (select max(greatest(created_at, updated_at, solved_at, closed_at, last_message_at)) from tickets) as tickets,
                 (select max(created_at) from messages) as messages,
                 (select max(created_at) from ticket_events) as events,
                 (select max(created_at) from contacts) as contacts,
                 (select max(created_at) from agents) as agents`,
    );
    for (const [table, at] of Object.entries(latest)) assert.ok(new Date(at!).getTime() <= NOW.getTime(), `${table}: ${new Date(at!).toISOString()}`);
    const early = await one<{ n: number }>(
      s,
      sql`select count(*)::int as n from messages m join tickets t on t.id = m.ticket_id where m.created_at < t.created_at`,
    );
    assert.equal(early.n, 0, 'no message is older than its ticket');
    const outOfOrder = await one<{ n: number }>(
      s,
      sql`select count(*)::int as n from (select created_at < lag(created_at) over (partition by ticket_id order by id) as back from ticket_events) e where e.back`,
    );
    assert.equal(outOfOrder.n, 0, 'each ticket log runs forward in time');
    const first = await one<{ at: Date }>(s, sql`select min(created_at) as at from tickets`);
    assert.ok(NOW.getTime() - new Date(first.at).getTime() <= 90 * 86_400_000);
  });

  it('leaves no event undispatched', async () => {
    assert.equal((await one<{ n: number }>(s, sql`select count(*)::int as n from outbox_events where dispatched_at is null`)).n, 0);
  });

  it('lets the demo admin sign in with the printed password and see tickets', async () => {
    assert.equal(result.password, DEFAULT_DEMO_PASSWORD);
    assert.equal(result.admin.isNew, true);
    const login = await call(s, 'POST', '/api/v1/auth/login', { body: { email: result.admin.email, password: result.password } });
    assert.equal(login.status, 200);
    const setCookie = login.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0]! : String(setCookie)).split(';')[0]!;
    const list = await call(s, 'GET', '/api/v1/tickets?limit=5', { headers: { cookie } });
    assert.equal(list.status, 200);
    assert.equal(list.body.data.length, 5);
    assert.equal((await call(s, 'GET', '/api/v1/setup')).body.needsSetup, false);
  });

  it('gives the dashboard its figures and the survey report its scores', async () => {
    const login = await call(s, 'POST', '/api/v1/auth/login', { body: { email: result.admin.email, password: result.password } });
    const setCookie = login.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie[0]! : String(setCookie)).split(';')[0]!;
    const period = `from=${new Date(NOW.getTime() - 120 * 86_400_000).toISOString()}&to=${NOW.toISOString()}`;
    const kpis = await call(s, 'GET', `/api/v1/reports/kpis?${period}`, { headers: { cookie } });
    assert.equal(kpis.status, 200, JSON.stringify(kpis.body));
    assert.ok(kpis.body.volume.total > 0, 'tickets in the period');
    assert.ok(kpis.body.frt.byCreationDate.calendar.n > 0, 'answered tickets have a first reply time');
    assert.ok(result.surveys.csatAnswered > 0 && result.surveys.npsAnswered > 0, JSON.stringify(result.surveys));
    const surveys = await call(s, 'GET', `/api/v1/reports/surveys?${period}`, { headers: { cookie } });
    assert.equal(surveys.status, 200, JSON.stringify(surveys.body));
    assert.equal(surveys.body.csat.responses, result.surveys.csatAnswered);
    assert.equal(surveys.body.nps.responses, result.surveys.npsAnswered);
  });

  it('refuses a second run without force and changes nothing', async () => {
    await assert.rejects(generateDemo(s.servus.services, SMALL), DemoAlreadyLoadedError);
    assert.equal((await one<{ n: number }>(s, sql`select count(*)::int as n from tickets`)).n, 40);
  });

  it('with force loads the same tickets again and reuses agents, teams and customers', async () => {
    const again = await generateDemo(s.servus.services, { ...SMALL, force: true });
    assert.deepEqual(again.created, { ...result.created, agents: 0, teams: 0, organizations: 0, contacts: 0 });
    assert.equal(again.admin.isNew, false);
    assert.equal((await one<{ n: number }>(s, sql`select count(*)::int as n from agents`)).n, 8);
    const subjects = (await rows<{ subject: string }>(s, sql`select subject from tickets order by number`)).map((r) => r.subject);
    assert.deepEqual(subjects.slice(40), subjects.slice(0, 40), 'the same seed gives the same tickets');
  });
});

describe('npm run demo where an admin already exists', () => {
  let s: TestServer;
  after(() => s.close());

  it('adds the demo admin next to the existing one', async () => {
    s = await startTestServer();
    const owner = await makeAgent(s, { role: 'admin', name: 'Owner' });
    const result = await generateDemo(s.servus.services, { ...SMALL, tickets: 5 });
    assert.equal(result.created.tickets, 5);
    const admins = await rows<{ email: string }>(s, sql`select email from agents where role = 'admin' order by email`);
    assert.deepEqual(admins.map((a) => a.email).sort(), [owner.email, result.admin.email].sort());
  });
});
