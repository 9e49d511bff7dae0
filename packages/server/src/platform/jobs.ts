import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from './db.ts';

/** A background job: a validated payload and an idempotent handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  handler: (data: z.infer<S>) => Promise<void>;
  /** Cron expression (UTC) when the job also runs on a schedule. */
  cron?: string;
}

export interface Jobs {
  boss: PgBoss;
  send<S extends z.ZodType>(job: Pick<JobDefinition<S>, 'name' | 'schema'>, data: z.infer<S>, options?: PgBoss.SendOptions): Promise<string | null>;
  /** Jobs waiting to run, over every queue. */
  depth(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss on whichever backend runs, through its `db` executor: our pool on PostgreSQL,
 * our single session on PGlite. It opens no connections of its own, so closing the database
 * closes everything.
 */
export async function startJobs(
  database: Database,
  defs: JobDefinition[],
  opts: { work: boolean; schedule: boolean; onError: (err: unknown) => void },
): Promise<Jobs> {
  const boss = new PgBoss({ db: database.raw as PgBoss.Db, schedule: opts.schedule, supervise: opts.work });
  boss.on('error', opts.onError);
  await boss.start();
  for (const def of defs) {
    await boss.createQueue(def.name).catch(() => undefined);
    if (opts.work) {
      await boss.work(def.name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) {
          const data = def.schema.parse(job.data);
          await def.handler(data);
        }
      });
    }
    if (opts.schedule && def.cron) await boss.schedule(def.name, def.cron, {});
  }
  return {
    boss,
    async send(job, data, options) {
      return boss.send(job.name, job.schema.parse(data) as object, options ?? {});
    },
    async depth() {
      let total = 0;
      for (const def of defs) total += await boss.getQueueSize(def.name);
      return total;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}

/**
 * pg-boss's `db` executor over an open transaction, so a job sent through it exists exactly when
 * the transaction commits. pg-boss writes `$n` placeholders; each becomes a bound parameter of
 * one Drizzle statement.
 */
export function jobsIn(tx: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const pieces = text.split(/\$(\d+)/);
      const parts: SQL[] = pieces.map((piece, i) => (i % 2 === 0 ? sql.raw(piece) : sql`${values[Number(piece) - 1] ?? null}`));
      const res = (await tx.execute(sql.join(parts))) as unknown as { rows: any[] };
      return { rows: res.rows };
    },
  };
}

/** Queues a job in the caller's transaction: rolled back with it, visible to workers only after commit. */
export async function sendInTx<S extends z.ZodType>(
  jobs: Jobs,
  tx: Executor,
  job: Pick<JobDefinition<S>, 'name' | 'schema'>,
  data: z.infer<S>,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  return jobs.send(job, data, { ...options, db: jobsIn(tx) });
}
