/**
 * Test harness: a real database per test file (a clone of a migrated PGlite snapshot, or a
 * throwaway PostgreSQL database when TEST_DATABASE_URL is set), a real Servus app, and
 * factories that create agents, teams, contacts and tickets through the same use cases the
 * API uses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { MIGRATIONS_DIR, PGLITE_EXTENSIONS, openDatabase, runMigrations, wrapPglite, type Database } from '../src/platform/db.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { ManualClock, systemClock, type Clock } from '../src/platform/clock.ts';
import { createServus, type Servus } from '../src/app.ts';
import { makeCtx } from '../src/platform/context.ts';
import { SYSTEM_ACTOR, type AgentActor, type AgentRole } from '../src/platform/actor.ts';
import { createAgent } from '../src/modules/auth/use-cases/create-agent.ts';
import { createApiToken } from '../src/modules/auth/use-cases/api-tokens.ts';
import { createTeam } from '../src/modules/auth/use-cases/teams.ts';
import type { DnsResolver } from '../src/modules/email/auth.ts';

export { ManualClock };

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    if (f.endsWith('.sql')) h.update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  }
  return h.digest('hex').slice(0, 16);
}

/** A migrated PGlite data dir (with pg-boss's schema), built once per migration set and reused. */
async function pgliteSnapshot(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `servus-test-snapshot-${migrationsHash()}.tar.gz`);
  if (!fs.existsSync(file)) {
    const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const database = wrapPglite(client);
    await runMigrations(database);
    const boss = new PgBoss({ db: database.raw as PgBoss.Db, supervise: false, schedule: false });
    await boss.start();
    await boss.stop({ graceful: false, wait: true });
    const dump = await client.dumpDataDir('gzip');
    await client.close();
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  return new Blob([fs.readFileSync(file)]);
}

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `servus_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir(), poolSize: 10 });
    await runMigrations(database);
    return {
      database,
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const client = await PGlite.create({ loadDataDir: await pgliteSnapshot(), extensions: PGLITE_EXTENSIONS });
  const database = wrapPglite(client);
  return { database, drop: () => database.close() };
}

export interface TestServer {
  servus: Servus;
  config: Config;
  clock: Clock;
  dataDir: string;
  close(): Promise<void>;
}

/** A whole Servus app on a fresh database and a temp data dir. */
export async function startTestServer(opts: { env?: Record<string, string>; clock?: Clock; mailResolver?: DnsResolver } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SERVUS_ROLES: 'http',
    SMTP_PORT: '0',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...opts.env,
  });
  const tdb = await openTestDatabase();
  const clock = opts.clock ?? systemClock;
  const servus = await createServus({ config, database: tdb.database, clock, logger: false, mailResolver: opts.mailResolver });
  return {
    servus,
    config,
    clock,
    dataDir,
    async close() {
      await servus.close();
      await tdb.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestAgent {
  id: string;
  email: string;
  password: string;
  token: string;
  actor: AgentActor;
  /** Headers that authenticate as this agent. */
  auth: { authorization: string };
}

let seq = 0;
/** Creates an agent with an API token. */
export async function makeAgent(s: TestServer, o: { role?: AgentRole; name?: string; teamIds?: string[] } = {}): Promise<TestAgent> {
  const services = s.servus.services;
  const n = ++seq;
  const email = `agent${n}-${randomBytes(3).toString('hex')}@example.com`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const role = o.role ?? 'agent';
  const row = await createAgent(makeCtx(services, SYSTEM_ACTOR), { email, name: o.name ?? `Agent ${n}`, role, password });
  const actor: AgentActor = { kind: 'agent', id: row.id, role, teamIds: o.teamIds ?? [], via: 'token' };
  const { secret } = await createApiToken({ ...makeCtx(services, actor), actor }, { name: 'test' });
  return { id: row.id, email, password, token: secret, actor, auth: { authorization: `Bearer ${secret}` } };
}

/** Creates a team with the given members. */
export async function makeTeam(s: TestServer, name: string, members: TestAgent[] = []) {
  const team = await createTeam(makeCtx(s.servus.services, SYSTEM_ACTOR), { name, memberIds: members.map((m) => m.id) });
  for (const m of members) m.actor.teamIds.push(team.id);
  return team;
}

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/** Calls the API in-process through Fastify's full request pipeline. */
export async function call<T = any>(
  s: TestServer,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  opts: { as?: TestAgent | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Res<T>> {
  const res = await s.servus.app.inject({
    method,
    url,
    headers: { ...(opts.as ? opts.as.auth : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    payload: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  let body: any = res.body;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body, headers: res.headers as Res['headers'] };
}

/** Opens a ticket through the API and returns it. */
export async function makeTicket(s: TestServer, as: TestAgent, body: Record<string, unknown> = {}) {
  const res = await call(s, 'POST', '/api/v1/tickets', {
    as,
    body: { subject: 'Printer on fire', requester: { email: `customer-${++seq}@example.org` }, message: { text: 'Please help.' }, ...body },
  });
  if (res.status !== 201) throw new Error(`makeTicket failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
