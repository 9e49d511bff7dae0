/**
 * What "no side effect" means in this suite: every table of the app reads the same before and
 * after a refused call (row count and a hash of the rows), no blob was stored, and team Y's
 * ticket reads the same through the API. Columns that change by merely being used (a token's
 * last use, a session's last activity, the outbox's dispatch mark) are left out, and so is
 * the audit log: recording a refused attempt is not a change to anyone's data.
 */
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { call } from '../harness.ts';
import type { World } from './world.ts';

/** Columns that change by being used, per table. */
const VOLATILE: Record<string, string[]> = {
  sessions: ['last_seen_at'],
  api_tokens: ['last_used_at'],
  outbox_events: ['dispatched_at'],
};
/** Tables left out: the audit log may record refused attempts. */
const IGNORED = new Set(['audit_log']);

/** Row count and content hash of every table in the app's schema, plus the number of stored blob files. */
export async function digest(w: World): Promise<Record<string, string>> {
  const raw = w.s.servus.services.database.raw;
  const tables = await raw.executeSql("select tablename from pg_tables where schemaname = 'public' order by tablename", [] as unknown[]);
  const out: Record<string, string> = {};
  for (const { tablename: table } of tables.rows as { tablename: string }[]) {
    if (IGNORED.has(table)) continue;
    const row = `(to_jsonb(t) - $1::text[])::text`;
    const r = await raw.executeSql(`select count(*)::int as n, coalesce(md5(string_agg(${row}, '|' order by ${row})), '') as h from "${table}" t`, [VOLATILE[table] ?? []]);
    out[table] = `${r.rows[0].n} rows, ${r.rows[0].h}`;
  }
  out['blob files'] = String(countFiles(path.join(w.s.dataDir, 'blobs')));
  return out;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

/** Team Y's ticket as the admin reads it: version, update time, status, tags and how much is in it. */
export async function tyState(w: World) {
  const t = await call(w.s, 'GET', `/api/v1/tickets/${w.ty.id}`, { as: w.admin });
  const msgs = await call(w.s, 'GET', `/api/v1/tickets/${w.ty.id}/messages?limit=200`, { as: w.admin });
  const events = await call(w.s, 'GET', `/api/v1/tickets/${w.ty.id}/events?limit=500`, { as: w.admin });
  const rows = await w.s.servus.services.database.raw.executeSql('select count(*)::int as n from ticket_events where ticket_id = $1', [w.ty.id]);
  return {
    version: t.body.version,
    updatedAt: t.body.updatedAt,
    status: t.body.status,
    tags: t.body.tags,
    teamId: t.body.teamId,
    assigneeId: t.body.assigneeId,
    messageCount: t.body.messageCount,
    messages: msgs.body.data.length,
    events: events.body.data.length,
    eventRows: Number(rows.rows[0].n),
  };
}

export interface Observation {
  digest: Record<string, string>;
  ty: Awaited<ReturnType<typeof tyState>>;
}

export async function observe(w: World): Promise<Observation> {
  return { ty: await tyState(w), digest: await digest(w) };
}

/** Fails, naming the call, when anything changed between two observations. */
export function assertUnchanged(before: Observation, after: Observation, what: string): void {
  assert.deepEqual(after.ty, before.ty, `${what}: team Y's ticket changed`);
  assert.deepEqual(after.digest, before.digest, `${what}: the database changed`);
}

/** Runs `fn` and asserts it changed nothing; returns what `fn` returned. */
export async function withoutSideEffects<T>(w: World, what: string, fn: () => Promise<T>): Promise<T> {
  const before = await observe(w);
  const result = await fn();
  assertUnchanged(before, await observe(w), what);
  return result;
}
