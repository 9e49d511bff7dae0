import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { randomToken } from '../../platform/crypto.ts';
import { settings } from './schema.ts';

export async function getSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}

/**
 * The secret that signs session cookies: SESSION_SECRET when set (required in production),
 * else one generated on first start and kept in the database.
 */
export async function resolveSessionSecret(db: Executor, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const existing = await getSetting<string>(db, 'session_secret');
  if (existing) return existing;
  await db.insert(settings).values({ key: 'session_secret', value: randomToken(48) }).onConflictDoNothing();
  return (await getSetting<string>(db, 'session_secret'))!;
}
