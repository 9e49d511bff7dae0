import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { reportRows } from './report-query.ts';

/*
 * The backlog at an instant t (METRICS §2.5) is the number of facts whose unsolved ranges
 * contain t. A fact can only contain t when it is unsolved now (its last range runs to
 * infinity) or its last range ends after t, and each of those two groups has its own partial
 * index that carries the ranges, so the count never reads the table: the current backlog
 * reads the open tickets only, and a past instant adds the tickets solved since.
 */

/** The facts that may be unsolved at some instant at or after `since`, in two disjoint groups. */
const candidates = (scope: SQL, since: Date) => [
  sql`select f.unsolved from report_ticket_facts f where ${scope} and upper_inf(f.unsolved)`,
  sql`select f.unsolved from report_ticket_facts f where ${scope} and not upper_inf(f.unsolved) and upper(f.unsolved) > ${since.toISOString()}::timestamptz`,
];

/** Tickets unsolved at an instant (METRICS §2.5). */
export async function backlogAt(db: Executor, scope: SQL, at: Date): Promise<number> {
  const t = sql`${at.toISOString()}::timestamptz`;
  const [open, closed] = candidates(scope, at);
  const [r] = await reportRows<{ n: number }>(
    db,
    sql`select (select count(*) from (${open}) o where o.unsolved @> ${t}) + (select count(*) from (${closed}) c where c.unsolved @> ${t}) as n`,
  );
  return Number(r?.n ?? 0);
}

/** An instant one microsecond later, as PostgreSQL reads it (JavaScript dates are whole milliseconds). */
const microLater = (t: Date) => t.toISOString().replace(/Z$/, '001Z');

/**
 * The backlog at each of several instants in one sweep over the unsolved ranges
 * instead of one count per instant: a range [a, b) covers an instant t exactly when a ≤ t < b,
 * so it adds one to the backlog from the first instant at or after a and takes it away again
 * from the first instant at or after b. `width_bucket(x, instants + 1µs)` is the number of
 * instants before x (timestamps are whole microseconds), which gives both positions; the ranges
 * are counted per pair of positions and the backlog is the running sum.
 */
export async function backlogAtInstants(db: Executor, scope: SQL, instants: readonly Date[]): Promise<number[]> {
  if (instants.length === 0) return [];
  if (instants.length === 1) return [await backlogAt(db, scope, instants[0]!)];
  if (instants.some((t, i) => i > 0 && t < instants[i - 1]!)) {
    const order = instants.map((t, i) => ({ t, i })).sort((x, y) => x.t.getTime() - y.t.getTime());
    const sorted = await backlogAtInstants(db, scope, order.map((x) => x.t));
    const out = new Array<number>(instants.length);
    order.forEach((x, k) => (out[x.i] = sorted[k]!));
    return out;
  }
  const after = sql`array[${sql.join(
    instants.map((t) => sql`${microLater(t)}::timestamptz`),
    sql`, `,
  )}]::timestamptz[]`;
  const micro = sql`interval '1 microsecond'`;
  const [open, closed] = candidates(scope, instants[0]!);
  // Bounds as half-open [a, b): an exclusive lower bound starts a microsecond later, an
  // inclusive upper bound ends a microsecond later (the facts only hold [a, b) ranges).
  const rows = await reportRows<{ a: number; b: number | null; n: number }>(
    db,
    sql`select x.a, x.b, count(*)::int as n from (
          select case when lower_inf(r) then 0 else width_bucket(case when lower_inc(r) then lower(r) else lower(r) + ${micro} end, ${after}) end as a,
                 case when upper_inf(r) then null else width_bucket(case when upper_inc(r) then upper(r) + ${micro} else upper(r) end, ${after}) end as b
            from (${open} union all ${closed}) u cross join lateral unnest(u.unsolved) r) x
        group by 1, 2`,
  );
  // A bound after exactly c instants (c = 0 … n) changes the backlog from the instant at index c on.
  const delta = new Array<number>(instants.length + 1).fill(0);
  for (const row of rows) {
    const n = Number(row.n);
    delta[Number(row.a)]! += n;
    if (row.b !== null) delta[Number(row.b)]! -= n;
  }
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < instants.length; i++) {
    running += delta[i]!;
    out.push(running);
  }
  return out;
}
