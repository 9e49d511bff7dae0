import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { AgentRole } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { randomToken, sha256Hex } from '../../../platform/crypto.ts';
import { textToHtml } from '../../../platform/sanitize.ts';
import { agentInvites } from '../invites-schema.ts';
import { agents } from '../schema.ts';
import { findAgent, type AgentRow } from '../repository.ts';
import { hashPassword } from '../passwords.ts';
import { recordAudit } from '../../system/audit.ts';
import { createAgent } from './create-agent.ts';

const INVITE_TTL_MS = 7 * 86400_000;

const MAIL = {
  en: (name: string, url: string) => ({
    subject: 'You are invited to Servus',
    text: `Hello ${name},\n\nyou have been invited to work in Servus. Choose your password here (the link works once and expires in 7 days):\n\n${url}\n`,
  }),
  de: (name: string, url: string) => ({
    subject: 'Einladung zu Servus',
    text: `Hallo ${name},\n\nSie wurden eingeladen, in Servus zu arbeiten. Legen Sie hier Ihr Passwort fest (der Link gilt einmal und 7 Tage lang):\n\n${url}\n`,
  }),
};

/**
 * Creates a single-use invitation for an agent and mails it when system mail is configured.
 * Earlier open invitations of the agent stop working. Returns the link so an admin can pass it on.
 */
export async function issueInvite(ctx: Ctx, agent: AgentRow, baseUrl: string): Promise<{ inviteUrl: string; emailed: boolean }> {
  const token = randomToken(32);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(agentInvites).set({ usedAt: now }).where(and(eq(agentInvites.agentId, agent.id), isNull(agentInvites.usedAt)));
    await tx.insert(agentInvites).values({
      tokenHash: sha256Hex(token),
      agentId: agent.id,
      createdById: ctx.actor.kind === 'agent' ? ctx.actor.id : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
    });
    await recordAudit(tx, ctx, 'agent.invited', 'agent', agent.id);
  });
  const inviteUrl = `${baseUrl.replace(/\/$/, '')}/invite/${token}`;
  let emailed = false;
  if (ctx.mailer.configured) {
    const m = (agent.locale === 'de' ? MAIL.de : MAIL.en)(agent.name, inviteUrl);
    try {
      await ctx.mailer.send({ to: agent.email, subject: m.subject, text: m.text, html: textToHtml(m.text) });
      emailed = true;
    } catch (err) {
      ctx.log.warn({ err, agentId: agent.id }, 'could not send the invitation mail');
    }
  }
  return { inviteUrl, emailed };
}

/** Creates an agent without a password and invites it. */
export async function inviteAgent(
  ctx: Ctx,
  input: { email: string; name: string; role: AgentRole; locale?: 'en' | 'de' },
  baseUrl: string,
) {
  const agent = await createAgent(ctx, input);
  return { agent, ...(await issueInvite(ctx, agent, baseUrl)) };
}

/** Sends a fresh invitation to an agent who has not set a password yet. */
export async function reinviteAgent(ctx: Ctx, agentId: string, baseUrl: string) {
  const agent = await findAgent(ctx.db, agentId);
  if (!agent) throw notFound('agent');
  if (agent.passwordHash) throw new AppError('conflict', 'this agent has already accepted an invitation');
  if (!agent.active) throw new AppError('conflict', 'this agent is deactivated');
  return { agent, ...(await issueInvite(ctx, agent, baseUrl)) };
}

async function liveInvite(ctx: Ctx, token: string) {
  if (token.length < 20) return undefined;
  const [row] = await ctx.db
    .select({ invite: agentInvites, agent: agents })
    .from(agentInvites)
    .innerJoin(agents, eq(agents.id, agentInvites.agentId))
    .where(and(eq(agentInvites.tokenHash, sha256Hex(token)), isNull(agentInvites.usedAt), gt(agentInvites.expiresAt, ctx.clock.now()), eq(agents.active, true)));
  return row;
}

/** What the invitation page shows; an unknown, used or expired token is 404. */
export async function readInvite(ctx: Ctx, token: string): Promise<{ email: string; name: string }> {
  const row = await liveInvite(ctx, token);
  if (!row) throw notFound('invitation');
  return { email: row.agent.email, name: row.agent.name };
}

/** Sets the invited agent's password and uses the token up. */
export async function acceptInvite(ctx: Ctx, token: string, password: string): Promise<AgentRow> {
  const found = await liveInvite(ctx, token);
  if (!found) throw notFound('invitation');
  const hash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const used = await tx
      .update(agentInvites)
      .set({ usedAt: ctx.clock.now() })
      .where(and(eq(agentInvites.tokenHash, found.invite.tokenHash), isNull(agentInvites.usedAt)))
      .returning();
    if (used.length === 0) throw notFound('invitation');
    const [agent] = await tx.update(agents).set({ passwordHash: hash, updatedAt: ctx.clock.now() }).where(eq(agents.id, found.agent.id)).returning();
    await recordAudit(tx, { ...ctx, actor: { kind: 'agent', id: found.agent.id, role: found.agent.role, teamIds: [], via: 'session' } }, 'agent.invite_accepted', 'agent', found.agent.id);
    return agent!;
  });
}
