import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createServus, type Servus } from '../../../app.ts';
import { loadConfig } from '../../../platform/config.ts';
import { makeCtx } from '../../../platform/context.ts';
import { openDatabase, PGLITE_EXTENSIONS, wrapPglite, type Database } from '../../../platform/db.ts';
import { SYSTEM_ACTOR, type AgentActor } from '../../../platform/actor.ts';
import { createAgent } from '../../auth/use-cases/create-agent.ts';
import { articleIdBySlug } from '../repository.ts';
import { slugify } from '../slug.ts';
import { DEMO_KB_ARTICLES } from '../../../demo/kb/index.ts';
import { seedKnowledgeBase } from '../../../demo/kb/seed.ts';

/** A throwaway Servus with the demo knowledge base, for measuring search against it. */
export interface DemoKb {
  servus: Servus;
  database: Database;
  /** The article id of each demo article key. */
  articleIds: Map<string, string>;
  /** Seconds it took to create the database and seed the articles. */
  setupSeconds: number;
  close(): Promise<void>;
}

/**
 * Opens an empty database (in-memory PGlite, or a new database on the PostgreSQL server at
 * `pgUrl`, dropped on close), starts Servus on it (which migrates it) and loads the demo
 * knowledge base through the knowledge base's own use cases, as `npm run demo` does.
 */
export async function openDemoKb(opts: { pgUrl?: string } = {}): Promise<DemoKb> {
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-kb-eval-'));
  let database: Database;
  let drop = async () => {};
  if (opts.pgUrl) {
    const name = `servus_kb_eval_${randomBytes(5).toString('hex')}`;
    await withAdmin(opts.pgUrl, (c) => c.query(`create database ${name}`));
    const url = new URL(opts.pgUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString(), dataDir, poolSize: 4 });
    drop = () => withAdmin(opts.pgUrl!, (c) => c.query(`drop database if exists ${name} with (force)`));
  } else {
    database = wrapPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
  }
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SERVUS_ROLES: 'http', SMTP_PORT: '0' });
  const servus = await createServus({ config, database, logger: false });
  const close = async () => {
    await servus.close();
    await database.close().catch(() => undefined);
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const services = servus.services;
    const admin = await createAgent(makeCtx(services, SYSTEM_ACTOR), { email: 'kb-eval@example.com', name: 'KB eval', role: 'admin' });
    const actor: AgentActor = { kind: 'agent', id: admin.id, role: 'admin', teamIds: [], via: 'session' };
    await seedKnowledgeBase({ ...makeCtx(services, actor), actor });
    const articleIds = new Map<string, string>();
    for (const a of DEMO_KB_ARTICLES) {
      const id = await articleIdBySlug(database.db, 'de', slugify(a.de.title));
      if (id) articleIds.set(a.key, id);
    }
    return { servus, database, articleIds, setupSeconds: (performance.now() - started) / 1000, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function withAdmin(url: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}
