/**
 * Database-side evidence for the read measurements: the inbox and search statements the
 * server issues, run under EXPLAIN ANALYZE directly on the benchmark database, so a slow
 * endpoint can be split into time in the database and time in Node and HTTP.
 */
import type { Database } from '../packages/server/src/platform/db.ts';

/** One explained statement. */
export interface Explained {
  label: string;
  executionMs: number;
  planningMs: number;
  /** Rows the statement matched before LIMIT (search), when known. */
  matches?: number;
  /** The first lines of the plan, for the report. */
  plan: string[];
}

const TICKET_COLS = `id, number, subject, status, priority, type, channel, requester_id, organization_id, assignee_id, team_id, tags, custom,
  version, merged_into_id, first_reply_at, solved_at, closed_at, reopen_count, agent_reply_count, message_count, last_message_at, created_at, updated_at`;
const TSQ = `(websearch_to_tsquery('german', $1) || websearch_to_tsquery('english', $1) || websearch_to_tsquery('simple', $1))`;

async function explain(database: Database, label: string, text: string, values: unknown[]): Promise<Explained> {
  // Warm once, as the HTTP series were warm too.
  await database.raw.executeSql(text, values);
  const r = await database.raw.executeSql(`explain (analyze, buffers) ${text}`, values);
  const lines = r.rows.map((row) => String(Object.values(row)[0]));
  const num = (re: RegExp) => Number(re.exec(lines.join('\n'))?.[1] ?? NaN);
  return {
    label,
    executionMs: num(/Execution Time: ([\d.]+) ms/),
    planningMs: num(/Planning Time: ([\d.]+) ms/),
    plan: lines.filter((l) => !/^(Planning|Execution)/.test(l.trim())).slice(0, 14),
  };
}

/** Explains the inbox page and a common and a rare ticket search; counts the search matches. */
export async function explainReads(database: Database, teamId: string, words: { common: string; rare: string }): Promise<Explained[]> {
  const out: Explained[] = [];
  // The what-ifs sort the way tickets_created_idx is built, whichever way that is.
  const def = await database.raw.executeSql(`select pg_get_indexdef('public.tickets_created_idx'::regclass) as d`, []);
  const DESC = /NULLS LAST/i.test(String(def.rows[0]?.d ?? '')) ? 'desc nulls last' : 'desc';
  out.push(
    await explain(
      database,
      'inbox page 1',
      `select ${TICKET_COLS} from tickets where status in ($1, $2) and team_id = $3 order by created_at desc, id desc limit 26`,
      ['new', 'open', teamId],
    ),
  );
  // When the server's sort and the index order differ (nulls first versus last), no index can
  // deliver the order; the what-if sorts the way the indexes are built.
  out.push(
    await explain(
      database,
      `what-if: inbox page 1 ordered ${DESC} (the index order)`,
      `select ${TICKET_COLS} from tickets where status in ($1, $2) and team_id = $3
        order by created_at ${DESC}, id ${DESC} limit 26`,
      ['new', 'open', teamId],
    ),
  );
  out.push(
    await explain(
      database,
      'what-if: inbox page 2, same order, cursor as a row comparison',
      `select ${TICKET_COLS} from tickets where status in ($1, $2) and team_id = $3
          and (created_at, id) < (select created_at, id from tickets where status in ($1, $2) and team_id = $3
                                   order by created_at ${DESC}, id ${DESC} offset 25 limit 1)
        order by created_at ${DESC}, id ${DESC} limit 26`,
      ['new', 'open', teamId],
    ),
  );
  for (const [kind, word] of [['common', words.common], ['rare', words.rare]] as const) {
    const e = await explain(
      database,
      `search "${word}" (${kind})`,
      `select ${TICKET_COLS}, ts_rank_cd(search_vector, ${TSQ}) as rank from tickets where search_vector @@ ${TSQ}
        order by rank desc, created_at desc limit 20`,
      [word],
    );
    const c = await database.raw.executeSql(`select count(*)::int as n from tickets where search_vector @@ ${TSQ}`, [word]);
    e.matches = Number(c.rows[0]?.n ?? 0);
    out.push(e);
  }
  // What-if variants of the common-word search, as evidence for a cheaper default order; they sort
  // the way tickets_created_idx is built so the index can deliver the newest matches first.
  out.push(
    await explain(
      database,
      `what-if: "${words.common}" newest first (index order), no ranking`,
      `select ${TICKET_COLS} from tickets where search_vector @@ ${TSQ} order by created_at ${DESC}, id ${DESC} limit 20`,
      [words.common],
    ),
  );
  out.push(
    await explain(
      database,
      `what-if: "${words.common}" ranking only the newest 500 matches`,
      `select * from (select ${TICKET_COLS}, search_vector from tickets where search_vector @@ ${TSQ} order by created_at ${DESC}, id ${DESC} limit 500) m
        order by ts_rank_cd(m.search_vector, ${TSQ}) desc, m.created_at desc limit 20`,
      [words.common],
    ),
  );
  out.push(
    await explain(
      database,
      `what-if: "${words.rare}" ranking only the newest 500 matches`,
      `select * from (select ${TICKET_COLS}, search_vector from tickets where search_vector @@ ${TSQ} order by created_at ${DESC}, id ${DESC} limit 500) m
        order by ts_rank_cd(m.search_vector, ${TSQ}) desc, m.created_at desc limit 20`,
      [words.rare],
    ),
  );
  return out;
}
