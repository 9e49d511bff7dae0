import { inArray } from 'drizzle-orm';
import {
  DEFAULT_DIGEST_INTERVAL,
  DEFAULT_NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationPreferences,
  type NotificationPreferencesInput,
} from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import type { Ctx } from '../../platform/context.ts';
import { notificationPreferences } from './schema.ts';

export type ResolvedPreferences = NotificationPreferencesInput;

/** The defaults, for an agent who never saved a choice. */
export function defaultPreferences(): ResolvedPreferences {
  return {
    kinds: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, { ...DEFAULT_NOTIFICATION_CHANNELS[k] }])) as ResolvedPreferences['kinds'],
    digest: DEFAULT_DIGEST_INTERVAL,
    teamReplies: true,
  };
}

function resolve(row: typeof notificationPreferences.$inferSelect | undefined): ResolvedPreferences {
  const out = defaultPreferences();
  if (!row) return out;
  for (const k of NOTIFICATION_KINDS) if (row.kinds[k]) out.kinds[k] = { inApp: row.kinds[k]!.inApp, email: row.kinds[k]!.email };
  out.digest = row.digest;
  out.teamReplies = row.teamReplies;
  return out;
}

/** Each agent's choices, with the defaults filled in. */
export async function preferencesOf(db: Executor, agentIds: string[]): Promise<Map<string, ResolvedPreferences>> {
  const rows = agentIds.length ? await db.select().from(notificationPreferences).where(inArray(notificationPreferences.agentId, agentIds)) : [];
  return new Map(agentIds.map((id) => [id, resolve(rows.find((r) => r.agentId === id))]));
}

/** The caller's own choices, and whether e-mail can be sent at all. */
export async function getPreferences(ctx: Ctx & { actor: { id: string } }): Promise<NotificationPreferences> {
  const prefs = (await preferencesOf(ctx.db, [ctx.actor.id])).get(ctx.actor.id)!;
  return { ...prefs, emailAvailable: ctx.mailer.configured };
}

/** Replaces the caller's choices. */
export async function savePreferences(ctx: Ctx & { actor: { id: string } }, input: NotificationPreferencesInput): Promise<NotificationPreferences> {
  const values = { kinds: input.kinds, digest: input.digest, teamReplies: input.teamReplies, updatedAt: ctx.clock.now() };
  await ctx.db
    .insert(notificationPreferences)
    .values({ agentId: ctx.actor.id, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.agentId, set: values });
  return getPreferences(ctx);
}
