import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { authThrottle } from './schema.ts';

const WINDOW_MS = 15 * 60_000;
const MAX_LOCK_MS = 60 * 60_000;

/**
 * Failed-login counting per key (`acct:<email>` and `ip:<addr>`), stored in the database so
 * every server process shares it. Past `max` failures in 15 minutes the key is locked with
 * an exponential backoff (1, 2, 4 … 60 minutes).
 */
export class LoginThrottle {
  constructor(private readonly db: Db, private readonly now: () => Date) {}

  /** Throws 429 with Retry-After while any of the keys is locked. */
  async assertOpen(keys: string[]): Promise<void> {
    const now = this.now().getTime();
    for (const key of keys) {
      const [row] = await this.db.select().from(authThrottle).where(eq(authThrottle.key, key));
      if (row?.lockedUntil && row.lockedUntil.getTime() > now) {
        const secs = Math.ceil((row.lockedUntil.getTime() - now) / 1000);
        throw new AppError('rate_limited', `too many failed sign-in attempts; try again in ${secs} s`, undefined, {
          'retry-after': String(secs),
        });
      }
    }
  }

  async recordFailure(key: string, max: number): Promise<void> {
    const now = this.now();
    const [row] = await this.db
      .insert(authThrottle)
      .values({ key, failures: 1, windowStart: now })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: sql`case when ${authThrottle.windowStart} < ${new Date(now.getTime() - WINDOW_MS)} and (${authThrottle.lockedUntil} is null or ${authThrottle.lockedUntil} < ${now}) then 1 else ${authThrottle.failures} + 1 end`,
          windowStart: sql`case when ${authThrottle.windowStart} < ${new Date(now.getTime() - WINDOW_MS)} then ${now} else ${authThrottle.windowStart} end`,
        },
      })
      .returning();
    if (row && row.failures >= max) {
      const lockMs = Math.min(MAX_LOCK_MS, 60_000 * 2 ** (row.failures - max));
      await this.db
        .update(authThrottle)
        .set({ lockedUntil: new Date(now.getTime() + lockMs) })
        .where(eq(authThrottle.key, key));
    }
  }

  async reset(key: string): Promise<void> {
    await this.db.delete(authThrottle).where(eq(authThrottle.key, key));
  }
}
