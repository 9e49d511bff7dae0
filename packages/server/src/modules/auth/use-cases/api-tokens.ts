import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { notFound } from '../../../platform/errors.ts';
import { randomToken, sha256Hex } from '../../../platform/crypto.ts';
import { apiTokens } from '../schema.ts';
import { recordAudit } from '../../system/audit.ts';

type AgentCtx = Ctx & { actor: AgentActor };

/** Creates a personal API token. The secret is returned once; only its hash is stored. */
export async function createApiToken(ctx: AgentCtx, input: { name: string; expiresInDays?: number }) {
  const secret = `svs_${randomToken(32)}`;
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({
      agentId: ctx.actor.id,
      name: input.name.trim(),
      prefix: secret.slice(0, 10),
      tokenHash: sha256Hex(secret),
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86400_000) : null,
    })
    .returning();
  await recordAudit(ctx.db, ctx, 'api_token.created', 'api_token', row!.id);
  return { row: row!, secret };
}

export async function listApiTokens(ctx: AgentCtx) {
  return ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.agentId, ctx.actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the caller's own tokens; another agent's token is 404. */
export async function revokeApiToken(ctx: AgentCtx, id: string): Promise<void> {
  const rows = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.agentId, ctx.actor.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw notFound('api token');
  await recordAudit(ctx.db, ctx, 'api_token.revoked', 'api_token', id);
}
