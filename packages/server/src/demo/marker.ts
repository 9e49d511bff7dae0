import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import type { Clock } from '../platform/clock.ts';
import { settings } from '../modules/system/schema.ts';
import { getSetting } from '../modules/system/settings.ts';

/** The settings key that records a demo load. */
export const DEMO_MARKER_KEY = 'demo_loaded';

/** What the marker row holds: when, with which seed, whether it finished, and what it made. */
export interface DemoMarker {
  state: 'running' | 'done';
  startedAt: string;
  finishedAt?: string;
  seed: number;
  tickets: number;
}

/** The demo was loaded before (or a load is running or was cut short); nothing was changed. */
export class DemoAlreadyLoadedError extends Error {
  constructor(readonly marker: DemoMarker) {
    super(
      marker.state === 'done'
        ? `demo data is already loaded (${marker.tickets} tickets, finished ${marker.finishedAt}); pass force to load another set`
        : `a demo load started ${marker.startedAt} and has not finished (it is still running or was stopped); pass force to load anyway`,
    );
    this.name = 'DemoAlreadyLoadedError';
  }
}

/**
 * Records that a demo load starts. The insert is the lock: of two runs at once only one gets
 * the row. Without `force`, an existing marker stops the run.
 */
export async function claimDemoMarker(db: Db, clock: Clock, marker: DemoMarker, force: boolean): Promise<void> {
  const now = clock.now();
  const claimed = await db.insert(settings).values({ key: DEMO_MARKER_KEY, value: marker, updatedAt: now }).onConflictDoNothing().returning();
  if (claimed.length > 0) return;
  if (!force) throw new DemoAlreadyLoadedError((await getSetting<DemoMarker>(db, DEMO_MARKER_KEY))!);
  await db.update(settings).set({ value: marker, updatedAt: now }).where(eq(settings.key, DEMO_MARKER_KEY));
}

/** Marks the load as finished. */
export async function completeDemoMarker(db: Db, clock: Clock, marker: DemoMarker): Promise<void> {
  const now = clock.now();
  const done: DemoMarker = { ...marker, state: 'done', finishedAt: now.toISOString() };
  await db.update(settings).set({ value: done, updatedAt: now }).where(eq(settings.key, DEMO_MARKER_KEY));
}
