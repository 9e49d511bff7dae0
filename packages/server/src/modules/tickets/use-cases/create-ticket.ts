import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import type { Emit } from '../../../platform/events.ts';
import { AppError } from '../../../platform/errors.ts';
import { contactIdentities, contacts } from '../../contacts/schema.ts';
import { findContact, findContactByIdentity, type ContactRow } from '../../contacts/repository.ts';
import { tickets } from '../schema.ts';
import { findTicket, ticketColumns, type MessageRow, type TicketView } from '../repository.ts';
import type { MessageEmailMeta } from '../schema.ts';
import { messageBody } from '../../../platform/sanitize.ts';
import { planChanges, registerTags } from '../changes.ts';
import { appendHistory } from '../history.ts';
import { insertMessage } from '../messages.ts';
import { validateCustom } from '../custom-fields.ts';

export interface CreateTicketInput {
  subject: string;
  requester: { id: string } | { email: string; name?: string };
  message: { text?: string; html?: string; attachmentIds?: string[] };
  messageAuthor: 'requester' | 'agent';
  messageKind: 'public' | 'note';
  status?: 'new' | 'open' | 'pending' | 'on_hold' | 'solved';
  priority?: TicketView['priority'];
  type?: TicketView['type'];
  channel: TicketView['channel'];
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
  custom?: Record<string, unknown>;
}

/**
 * Opens a ticket with its first message. The requester is found by id or email, or created
 * from the email. Writes the `created` entry and the first message to the event log.
 */
export async function createTicket(ctx: Ctx & { actor: AgentActor }, input: CreateTicketInput): Promise<TicketView> {
  if (input.messageAuthor === 'requester' && input.messageKind === 'note') {
    throw new AppError('validation_failed', 'a requester cannot write an internal note', [{ path: 'body.messageKind', message: 'must be public' }]);
  }
  return inTransaction(ctx, async (tx, emit) => (await openTicket(tx, emit, ctx, input)).ticket);
}

/** Extra parts of a ticket opened from a mail: the channel, and the first message's mail details. */
export interface OpenTicketExtras {
  channelId?: string | null;
  /** An already sanitized body (inbound mail is sanitized by the parser). */
  body?: { text: string; html: string };
  email?: MessageEmailMeta | null;
  emailMessageId?: string | null;
  source?: string;
}

/**
 * What createTicket does, inside the caller's transaction. The actor may be the system (a ticket
 * opened by inbound mail); then the first message must come from the requester.
 */
export async function openTicket(
  tx: Tx,
  emit: Emit,
  ctx: Ctx,
  input: CreateTicketInput & OpenTicketExtras,
): Promise<{ ticket: TicketView; message: MessageRow; requester: ContactRow }> {
  const now = ctx.clock.now();
  const requester = await resolveRequester(tx, ctx, emit, input.requester, now);
  const custom = input.custom ? await validateCustom(tx, input.custom) : {};
  const tags = [...new Set(input.tags ?? [])].sort();
  const body = input.body ?? messageBody(input.message);
  const [created] = await tx
    .insert(tickets)
    .values({
      subject: input.subject,
      status: 'new',
      priority: input.priority ?? 'normal',
      type: input.type ?? null,
      channel: input.channel,
      channelId: input.channelId ?? null,
      requesterId: requester.id,
      organizationId: requester.organizationId,
      tags,
      custom,
      createdAt: now,
      updatedAt: now,
      lastMessageAt: now,
      messageCount: 1,
      searchText: body.text.slice(0, 200_000),
    })
    .returning(ticketColumns);
  let ticket: TicketView = created!;
  const id = ticket.id;
  await registerTags(tx, tags, now);

  const fromRequester = input.messageAuthor === 'requester';
  if (!fromRequester && ctx.actor.kind !== 'agent') throw new AppError('forbidden', 'only an agent can write as an agent');
  const message = await insertMessage(
    tx,
    ctx,
    id,
    {
      kind: input.messageKind,
      author: fromRequester ? { kind: 'contact', id: requester.id } : { kind: 'agent', id: ctx.actor.id! },
      attachmentIds: input.message.attachmentIds,
      body,
      source: input.source ?? input.channel,
      email: input.email ?? null,
      emailMessageId: input.emailMessageId ?? null,
    },
    now,
    { indexText: false },
  );
  const author = fromRequester ? { kind: 'contact' as const, id: requester.id } : undefined;
  await appendHistory(
    tx,
    ctx,
    id,
    [
      { type: 'created', after: snapshot(ticket) },
      { type: input.messageKind === 'note' ? 'note' : 'reply', messageId: message.id, after: { kind: input.messageKind, opening: true }, actor: author },
    ],
    now,
  );

  // Assignment, team and an initial status go through the same rules as later changes.
  const initial = {
    ...(input.assigneeId !== undefined && { assigneeId: input.assigneeId }),
    ...(input.teamId !== undefined && { teamId: input.teamId }),
    ...(input.status !== undefined && input.status !== 'new' && { status: input.status }),
  };
  if (Object.keys(initial).length) {
    const plan = await planChanges(tx, ctx, ticket, initial, now);
    if (plan.history.length) {
      await tx.update(tickets).set(plan.set).where(eq(tickets.id, id));
      await appendHistory(tx, ctx, id, plan.history, now);
      ticket = (await findTicket(tx, id))!;
    }
  }
  emit({ type: 'ticket.created', payload: { ticketId: id, number: ticket.number, teamId: ticket.teamId, assigneeId: ticket.assigneeId }, actor: actorRef(ctx.actor) });
  emit({ type: 'message.created', payload: { ticketId: id, messageId: message.id, kind: message.kind, authorKind: message.authorKind }, actor: author ?? actorRef(ctx.actor) });
  return { ticket, message, requester };
}

function snapshot(t: TicketView) {
  return {
    status: t.status, priority: t.priority, type: t.type, channel: t.channel, requesterId: t.requesterId,
    assigneeId: t.assigneeId, teamId: t.teamId, tags: t.tags, subject: t.subject,
  };
}

/** Finds the requester by id or email, creating a contact for an unknown email. */
export async function resolveRequester(tx: Tx, ctx: Ctx, emit: Emit, ref: CreateTicketInput['requester'], now: Date): Promise<ContactRow> {
  if ('id' in ref) {
    const c = await findContact(tx, ref.id);
    if (!c) throw new AppError('validation_failed', 'unknown requester', [{ path: 'body.requester.id', message: 'no such contact' }]);
    return c;
  }
  const existing = await findContactByIdentity(tx, 'email', ref.email);
  if (existing) return existing;
  const [c] = await tx
    .insert(contacts)
    .values({ name: ref.name ?? '', email: ref.email, createdAt: now, updatedAt: now })
    .returning();
  const claimed = await tx
    .insert(contactIdentities)
    .values({ contactId: c!.id, kind: 'email', value: ref.email, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: contactIdentities.id });
  if (claimed.length === 0) {
    // Another request created this contact a moment ago: use theirs.
    await tx.delete(contacts).where(eq(contacts.id, c!.id));
    return (await findContactByIdentity(tx, 'email', ref.email))!;
  }
  emit({ type: 'contact.created', payload: { contactId: c!.id }, actor: actorRef(ctx.actor) });
  return c!;
}
