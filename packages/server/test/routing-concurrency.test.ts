/**
 * Eight routing workers drain 1,000 tickets at once: every ticket is assigned exactly once and
 * no agent ever holds more than their capacity per channel. On PostgreSQL half of the workers
 * run in a second Servus instance on the same database, as two processes would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { routeTeam, setRouting } from './routing-fixtures.ts';
import { createServus, type Servus } from '../src/app.ts';
import { openDatabase, queryRows, type Database } from '../src/platform/db.ts';
import { drainAll } from '../src/modules/routing/drain.ts';
import { ticketEvents, tickets } from '../src/modules/tickets/schema.ts';

const CHANNELS = ['email', 'chat', 'web'] as const;
type Channel = (typeof CHANNELS)[number];
/** Capacity per channel of six agents; agents 1–4 work team A, agents 3–6 team B. 590 slots in all. */
const CAPACITY: { capacity: Partial<Record<Channel, number>>; defaultCapacity: number }[] = [
  { capacity: { email: 40, chat: 30 }, defaultCapacity: 50 },
  { capacity: { email: 60 }, defaultCapacity: 20 },
  { capacity: { chat: 50 }, defaultCapacity: 40 },
  { capacity: {}, defaultCapacity: 30 },
  { capacity: { web: 70 }, defaultCapacity: 25 },
  { capacity: { email: 10, chat: 10, web: 10 }, defaultCapacity: 5 },
];
const capOf = (i: number, ch: Channel) => CAPACITY[i]!.capacity[ch] ?? CAPACITY[i]!.defaultCapacity;

describe('routing under concurrency: 8 workers, 1,000 tickets', () => {
  let s: TestServer;
  let second: { servus: Servus; database: Database; dir: string } | null = null;
  let admin: TestAgent;
  let agents: TestAgent[];
  let teamA: string;
  let teamB: string;

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
    agents = [];
    for (let i = 0; i < CAPACITY.length; i++) agents.push(await makeAgent(s, { name: `Worker ${i + 1}` }));
    teamA = (await makeTeam(s, 'Team A', agents.slice(0, 4))).id;
    teamB = (await makeTeam(s, 'Team B', agents.slice(2, 6))).id;
    await routeTeam(s, admin, teamA, { mode: 'load_balanced' });
    await routeTeam(s, admin, teamB, { mode: 'round_robin' });
    for (const [i, a] of agents.entries()) await setRouting(s, admin, a, { status: 'online', ...CAPACITY[i] });

    const url = s.servus.services.database.url;
    if (url) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-second-'));
      const database = await openDatabase({ databaseUrl: url, dataDir: dir, poolSize: 10 });
      const servus = await createServus({ config: { ...s.config, DATA_DIR: dir }, database, logger: false });
      second = { servus, database, dir };
    }
    await insertTickets();
  });
  after(async () => {
    if (second) {
      await second.servus.close();
      await second.database.close();
      fs.rmSync(second.dir, { recursive: true, force: true });
    }
    await s?.close();
  });

  /** 600 tickets in team A and 400 in team B, channels in turn, written in bulk with their `created` events. */
  async function insertTickets() {
    const db = s.servus.services.database.db;
    const contact = await call(s, 'POST', '/api/v1/contacts', { as: admin, body: { name: 'Bulk customer', email: 'bulk@example.org' } });
    assert.equal(contact.status, 201);
    const base = Date.parse('2026-01-05T08:00:00Z');
    for (let chunk = 0; chunk < 1000; chunk += 250) {
      const values = Array.from({ length: 250 }, (_, j) => {
        const i = chunk + j;
        const at = new Date(base + i * 1000);
        return { subject: `Bulk ${i}`, status: 'new' as const, channel: CHANNELS[i % 3]!, requesterId: contact.body.id, teamId: i % 5 < 3 ? teamA : teamB, createdAt: at, updatedAt: at };
      });
      const rows = await db.insert(tickets).values(values).returning({ id: tickets.id, channel: tickets.channel, teamId: tickets.teamId, createdAt: tickets.createdAt });
      await db.insert(ticketEvents).values(
        rows.map((r) => ({
          ticketId: r.id,
          type: 'created',
          actorKind: 'system' as const,
          after: { status: 'new', priority: 'normal', type: null, channel: r.channel, requesterId: contact.body.id, assigneeId: null, teamId: r.teamId, tags: [], subject: 'Bulk' },
          createdAt: r.createdAt,
        })),
      );
    }
  }

  /** Eight drains at once; on PostgreSQL four of them in the second instance. */
  async function eightWorkers(): Promise<number> {
    const instances = [s.servus.services, second?.servus.services ?? s.servus.services];
    const counts = await Promise.all(Array.from({ length: 8 }, (_, i) => drainAll(instances[i % 2]!)));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Per ticket: its assignee, and how many assignments from unassigned and routed entries its log holds. */
  async function ledger() {
    return queryRows<{ id: string; team_id: string; channel: Channel; assignee_id: string | null; assigns: number; routed: number }>(
      s.servus.services.database.db,
      sql`select t.id, t.team_id, t.channel, t.assignee_id,
                 (select count(*) from ticket_events e where e.ticket_id = t.id and e.type = 'assignee_changed' and e.before is null and e.after is not null)::int as assigns,
                 (select count(*) from ticket_events e where e.ticket_id = t.id and e.type = 'routed')::int as routed
          from tickets t where t.subject like 'Bulk %'`,
    );
  }

  function assertEachOnce(rows: Awaited<ReturnType<typeof ledger>>) {
    assert.equal(rows.length, 1000);
    const members = new Map([[teamA, new Set(agents.slice(0, 4).map((a) => a.id))], [teamB, new Set(agents.slice(2, 6).map((a) => a.id))]]);
    for (const r of rows) {
      const expected = r.assignee_id ? 1 : 0;
      assert.equal(Number(r.assigns), expected, `ticket ${r.id}: ${r.assigns} assignments from unassigned`);
      assert.equal(Number(r.routed), expected, `ticket ${r.id}: ${r.routed} routed entries`);
      if (r.assignee_id) assert.ok(members.get(r.team_id)!.has(r.assignee_id), `ticket ${r.id} went to an agent outside its team`);
    }
  }

  function loads(rows: Awaited<ReturnType<typeof ledger>>) {
    const out = agents.map(() => ({ email: 0, chat: 0, web: 0 }) as Record<Channel, number>);
    for (const r of rows) if (r.assignee_id) out[agents.findIndex((a) => a.id === r.assignee_id)]![r.channel]++;
    return out;
  }

  it('fills every agent exactly to capacity per channel, assigning each ticket at most once', async () => {
    const assigned = await eightWorkers();
    const rows = await ledger();
    assertEachOnce(rows);
    const expected = agents.map((_, i) => Object.fromEntries(CHANNELS.map((ch) => [ch, capOf(i, ch)])));
    assert.deepEqual(loads(rows), expected, 'load per agent and channel equals capacity: none over, none left unused');
    assert.equal(assigned, 590);
    assert.equal(rows.filter((r) => r.assignee_id).length, 590);
  });

  it('when capacity is raised, the rest of the queue drains, still once per ticket', async () => {
    for (const a of agents) await setRouting(s, admin, a, { capacity: {}, defaultCapacity: 300 });
    assert.equal(await eightWorkers(), 410);
    const rows = await ledger();
    assertEachOnce(rows);
    assert.equal(rows.filter((r) => !r.assignee_id).length, 0);
    for (const load of loads(rows)) for (const ch of CHANNELS) assert.ok(load[ch] <= 300);
  });
});
