/**
 * The insert ceiling of the PostgreSQL server itself: pgbench inserting one row per
 * transaction into a throwaway table shaped like `tickets` (uuid, bigserial number, text
 * subject, a few short columns), so REST create throughput can be read as a fraction of it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../packages/server/src/platform/db.ts';

/** Result of one pgbench run. */
export interface PgbenchResult {
  tps: number;
  clients: number;
  threads: number;
  seconds: number;
  latencyAvgMs: number | null;
  command: string;
}

/** pgbench from PATH, or from the installed PostgreSQL's bin folder. */
export function pgbenchBinary(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = path.join(dir, 'pgbench');
    if (fs.existsSync(p)) return p;
  }
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    for (const v of fs.readdirSync(base).sort().reverse()) {
      const p = path.join(base, v, 'bin', 'pgbench');
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

/** Runs pgbench against the database `url` points at; the table is created and dropped here. */
export async function runPgbench(database: Database, url: string, opts: { clients: number; threads: number; seconds: number }): Promise<PgbenchResult> {
  const bin = pgbenchBinary();
  if (!bin) throw new Error('pgbench not found (install postgresql-contrib or the postgresql client)');
  await database.raw.executeSql(`drop table if exists bench_pgbench_tickets;
    create table bench_pgbench_tickets (
      id uuid primary key default gen_random_uuid(),
      number bigserial not null,
      subject text not null,
      status text not null default 'new',
      priority text not null default 'normal',
      requester_id uuid not null,
      tags text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servus-pgbench-'));
  const script = path.join(dir, 'insert.sql');
  fs.writeFileSync(
    script,
    `\\set r random(1, 1000000)\ninsert into bench_pgbench_tickets (subject, requester_id, tags) values ('Frage zu meiner Bestellung ' || :r, gen_random_uuid(), '{bench}');\n`,
  );
  const u = new URL(url);
  const args = ['-n', '-f', script, '-c', String(opts.clients), '-j', String(opts.threads), '-T', String(opts.seconds),
    '-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1)];
  try {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(bin, args, { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } }, (err, stdout, stderr) =>
        err ? reject(new Error(`pgbench failed: ${stderr || err.message}`)) : resolve(stdout),
      );
    });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
    const lat = /latency average = ([\d.]+) ms/.exec(out);
    if (!tps) throw new Error(`could not read pgbench output:\n${out}`);
    return {
      tps: Number(tps[1]),
      clients: opts.clients,
      threads: opts.threads,
      seconds: opts.seconds,
      latencyAvgMs: lat ? Number(lat[1]) : null,
      command: `pgbench -n -f insert.sql -c ${opts.clients} -j ${opts.threads} -T ${opts.seconds}`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.raw.executeSql('drop table if exists bench_pgbench_tickets');
  }
}
