import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { settings } from '../../system/schema.ts';
import { anyAdminExists, type AgentRow } from '../repository.ts';
import { createAgent } from './create-agent.ts';

/**
 * Creates the first admin on an empty installation. Once an admin exists this answers 404,
 * so the setup route disappears after install; a concurrent second call loses the race on
 * the `installed` settings row.
 */
export async function setupAdmin(ctx: Ctx, input: { email: string; name: string; password: string }): Promise<AgentRow> {
  if (await anyAdminExists(ctx.db)) throw new AppError('not_found', 'no route POST /api/v1/setup');
  const claimed = await ctx.db
    .insert(settings)
    .values({ key: 'installed', value: { at: ctx.clock.now().toISOString() } })
    .onConflictDoNothing()
    .returning();
  if (claimed.length === 0) throw new AppError('not_found', 'no route POST /api/v1/setup');
  return createAgent(ctx, { ...input, role: 'admin' });
}

/** True while the installation still needs its first admin. */
export async function needsSetup(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  return !(await anyAdminExists(ctx.db));
}
