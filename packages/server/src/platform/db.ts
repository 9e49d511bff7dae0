import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type Schema = typeof schema;
/** The Drizzle handle every repository uses; it is the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

/** A raw SQL runner in the shape pg-boss's `db` option expects. */
export interface RawExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount?: number }>;
}

/** One open database, whichever backend runs it. Nothing outside this file knows which. */
export interface Database {
  kind: DbKind;
  db: Db;
  raw: RawExecutor;
  close(): Promise<void>;
  /** Only for PGlite: the client, for snapshots in tests. */
  pglite?: PGlite;
  /** Only for PostgreSQL: the URL, so pg-boss can open its own pool. */
  url?: string;
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

/** Wraps an existing PGlite client as a Database. */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    raw: {
      async executeSql(text, values) {
        if (!values || values.length === 0) {
          // pg-boss sends parameterless multi-statement scripts; only exec() runs those.
          const results = await client.exec(text);
          const last = results[results.length - 1];
          return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
        }
        const r = await client.query(text, values);
        return { rows: r.rows as any[], rowCount: r.affectedRows ?? 0 };
      },
    },
    close: () => client.close(),
  };
}

/** Opens the database the config asks for: external PostgreSQL when a URL is given, else PGlite under dataDir. */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    // An idle connection the server drops (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
    // Fail fast and clearly when the server is unreachable.
    const c = await pool.connect();
    c.release();
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      url: opts.databaseUrl,
      raw: {
        async executeSql(text, values) {
          const r = await pool.query(text, values as any[]);
          return { rows: r.rows, rowCount: r.rowCount ?? 0 };
        },
      },
      close: () => pool.end(),
    };
  }
  const dir = path.join(opts.dataDir, 'pglite');
  await fs.mkdir(dir, { recursive: true });
  const unlock = lockDataDir(dir);
  try {
    const database = wrapPglite(await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS }));
    return { ...database, close: () => database.close().finally(unlock) };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** Applies every pending SQL migration (the same folder on both backends). */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    await migratePg(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
  }
}

let journalTags: Promise<string[]> | null = null;

/** The migration tags in order; the journal ships with the code, so it is read once. */
function migrationTags(): Promise<string[]> {
  journalTags ??= fs
    .readFile(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { entries: { tag: string }[] }).entries.map((e) => e.tag));
  return journalTags;
}

/** The tag of the newest applied migration, for /healthz. */
export async function migrationVersion(database: Database): Promise<string | null> {
  const r = await database.raw
    .executeSql('select count(*)::int as n from drizzle.__drizzle_migrations', [])
    .catch(() => ({ rows: [{ n: 0 }] }));
  const n = Number(r.rows[0]?.n ?? 0);
  return n > 0 ? ((await migrationTags())[n - 1] ?? null) : null;
}

/** Runs a raw SQL fragment and returns its rows, on either backend. */
export async function queryRows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const r = (await exec.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** True for a unique-constraint violation, on either backend and through Drizzle's wrapping. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Escapes `%`, `_` and `\\` so user text matches literally inside a LIKE pattern. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}
