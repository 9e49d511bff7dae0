import { sql } from 'drizzle-orm';
import type { BotOutcomeCounts, BotReport } from '@servus/shared';
import type { AgentActor } from '../../../platform/actor.ts';
import { queryRows, type Executor } from '../../../platform/db.ts';
import { visibleTickets } from '../../tickets/policies.ts';

type Row = { channel: 'chat' | 'email'; sessions: number; answered: number; confirmed: number; handed_over: number; abandoned: number; answering: number };

const EMPTY: Omit<BotOutcomeCounts, 'confirmationRate'> = { sessions: 0, answered: 0, confirmed: 0, handedOver: 0, abandoned: 0, answering: 0 };

/** confirmed / answered in percent with one decimal; null when nothing was answered. */
export function confirmationRate(confirmed: number, answered: number): number | null {
  return answered > 0 ? Math.round((confirmed / answered) * 1000) / 10 : null;
}

function counts(c: Omit<BotOutcomeCounts, 'confirmationRate'>): BotOutcomeCounts {
  return { ...c, confirmationRate: confirmationRate(c.confirmed, c.answered) };
}

/**
 * The bot's conversations that started in [from, to), on tickets the caller may see: how many
 * the bot answered, how many the customer confirmed (the only bot resolutions), handed over,
 * abandoned, and still going on; in all and per channel.
 */
export async function botReport(db: Executor, actor: AgentActor, from: Date, to: Date): Promise<BotReport> {
  const vis = visibleTickets(actor);
  const rows = await queryRows<Row>(
    db,
    sql`select s.channel,
          count(*)::int as sessions,
          count(*) filter (where s.answers > 0)::int as answered,
          count(*) filter (where s.outcome = 'confirmed')::int as confirmed,
          count(*) filter (where s.outcome = 'handed_over')::int as handed_over,
          count(*) filter (where s.outcome = 'abandoned')::int as abandoned,
          count(*) filter (where s.outcome = 'answering')::int as answering
        from bot_sessions s
        join tickets on tickets.id = s.ticket_id
        where s.created_at >= ${from.toISOString()}::timestamptz and s.created_at < ${to.toISOString()}::timestamptz
          ${vis ? sql`and ${vis}` : sql``}
        group by s.channel`,
  );
  const by = { chat: { ...EMPTY }, email: { ...EMPTY } };
  for (const r of rows) {
    by[r.channel] = { sessions: Number(r.sessions), answered: Number(r.answered), confirmed: Number(r.confirmed), handedOver: Number(r.handed_over), abandoned: Number(r.abandoned), answering: Number(r.answering) };
  }
  const total = { ...EMPTY };
  for (const c of [by.chat, by.email]) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
  return { period: { from: from.toISOString(), to: to.toISOString() }, ...counts(total), byChannel: { chat: counts(by.chat), email: counts(by.email) } };
}
