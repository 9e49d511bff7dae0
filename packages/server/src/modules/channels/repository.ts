import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { channels } from './schema.ts';

export type ChannelRow = typeof channels.$inferSelect;

export async function findChannel(db: Executor, id: string): Promise<ChannelRow | undefined> {
  const [row] = await db.select().from(channels).where(eq(channels.id, id));
  return row;
}

/** The channel whose address is `address` (already without a `+tag`), active or not. */
export async function findChannelByAddress(db: Executor, address: string): Promise<ChannelRow | undefined> {
  const [row] = await db.select().from(channels).where(sql`lower(${channels.address}) = ${address.toLowerCase()}`);
  return row;
}

export async function listChannels(db: Executor, opts: { activeOnly?: boolean } = {}): Promise<ChannelRow[]> {
  return db
    .select()
    .from(channels)
    .where(opts.activeOnly ? and(eq(channels.active, true)) : undefined)
    .orderBy(asc(channels.name), asc(channels.id));
}
