import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';

/**
 * Runs one report query in its own short transaction with settings that suit it: enough sort
 * memory for exact percentiles to stay off disk, and no JIT compilation. Report queries are
 * scans of covering indexes that finish in tens of milliseconds; on a large installation the
 * planner's cost estimates cross the JIT thresholds and compiling then takes longer than the
 * query itself. The settings end with the transaction.
 */
export async function reportRows<T>(db: Executor, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
    return queryRows<T>(tx, query);
  });
}

/** A list of instants as a `timestamptz[]` literal with one parameter per instant. */
export function instantArray(instants: readonly Date[]): SQL {
  return sql`array[${sql.join(
    instants.map((i) => sql`${i.toISOString()}::timestamptz`),
    sql`, `,
  )}]::timestamptz[]`;
}
