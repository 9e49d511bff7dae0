import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChatConversationSummary, ChatSession, ChatSessionBody } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { resolveRequester } from '../tickets/use-cases/create-ticket.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';
import { chatVisitors } from './schema.ts';
import { agentName, findVisitorByToken, latestConversation, openConversation, type ChatChannelRow, type ChatVisitorRow } from './repository.ts';
import { verifyIdentity } from './identity.ts';
import { markEmailVerified } from './open-conversation.ts';
import { presentSummary } from './presenters.ts';

type SessionInput = z.infer<typeof ChatSessionBody>;
type Identity = NonNullable<SessionInput['identity']>;

/** How long an ended conversation is still shown to its returning visitor. */
const SHOW_ENDED_MS = 24 * 60 * 60 * 1000;

/** The conversation a (re)connecting widget shows: the open one, else one that ended within a day. */
export async function visitorConversation(db: Executor, visitorId: string, now: Date): Promise<ChatConversationSummary | null> {
  const c = (await openConversation(db, visitorId)) ?? (await latestConversation(db, visitorId));
  if (!c) return null;
  if (c.status === 'ended' && (!c.endedAt || now.getTime() - c.endedAt.getTime() > SHOW_ENDED_MS)) return null;
  return presentSummary(c, await agentName(db, c.agentId));
}

const invalidSession = () => new AppError('unauthorized', 'this chat session is not valid here; start a new one');

/**
 * Starts or resumes a visitor session on a channel. A token resumes only on the channel it
 * was made for. A signed identity is checked (a bad one is 401, never accepted anonymously)
 * and links the visitor to the contact with that email; a session that belonged to another
 * signed-in user, or to a signed-in user when the page now signs nobody in, is not resumed, so
 * a shared computer does not show one customer's chat to the next.
 */
export async function startSession(ctx: Ctx, channel: ChatChannelRow, input: SessionInput): Promise<ChatSession> {
  const now = ctx.clock.now();
  if (input.identity) verifyIdentity(channel.identitySecret, input.identity, now);
  let resumed: ChatVisitorRow | undefined;
  if (input.token) {
    const found = await findVisitorByToken(ctx.db, input.token);
    if (!found || found.visitor.channelId !== channel.id) throw invalidSession();
    resumed = found.visitor;
  }
  const sameUser = (v: ChatVisitorRow, id: Identity | undefined) => (id ? !v.verified || (v.externalUserId === id.userId && v.email === id.email) : !v.verified);
  const keep = resumed && sameUser(resumed, input.identity) ? resumed : undefined;
  const token = keep ? input.token! : randomToken(32);
  const visitor = await inTransaction(ctx, async (tx, emit) => {
    const row = keep ?? (await newVisitor(tx, channel, token, input, now));
    await tx
      .update(chatVisitors)
      .set({ lastSeenAt: now, ...(input.locale && { locale: input.locale }), ...(input.page && { page: input.page }) })
      .where(eq(chatVisitors.id, row.id));
    if (input.identity && !row.verified) await linkIdentity(tx, ctx, emit, row, input.identity);
    return row;
  });
  return { token, visitorId: visitor.id, conversation: await visitorConversation(ctx.db, visitor.id, now) };
}

async function newVisitor(tx: Tx, channel: ChatChannelRow, token: string, input: SessionInput, now: Date): Promise<ChatVisitorRow> {
  const [row] = await tx
    .insert(chatVisitors)
    .values({ channelId: channel.id, tokenHash: sha256Hex(token), locale: input.locale ?? null, page: input.page ?? null, createdAt: now, lastSeenAt: now })
    .returning();
  return row!;
}

/** Links a visitor to the contact of a verified identity; an open chat moves to that contact. */
async function linkIdentity(tx: Tx, ctx: Ctx, emit: Emit, visitor: ChatVisitorRow, id: Identity): Promise<void> {
  const contact = await resolveRequester(tx, ctx, emit, { email: id.email, name: id.name || undefined }, ctx.clock.now());
  await markEmailVerified(tx, contact.id, id.email);
  const name = id.name || contact.name || visitor.name;
  await tx.update(chatVisitors).set({ verified: true, externalUserId: id.userId, email: id.email, name, contactId: contact.id }).where(eq(chatVisitors.id, visitor.id));
  const open = await openConversation(tx, visitor.id);
  if (open && visitor.contactId !== contact.id) await applyTicketChanges(tx, ctx, emit, open.ticketId, { requesterId: contact.id });
  Object.assign(visitor, { verified: true, externalUserId: id.userId, email: id.email, name, contactId: contact.id });
}
