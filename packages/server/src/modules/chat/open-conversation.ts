import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { actorRef } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { Emit } from '../../platform/events.ts';
import { contactIdentities, contacts } from '../contacts/schema.ts';
import { findContact, type ContactRow } from '../contacts/repository.ts';
import { tickets } from '../tickets/schema.ts';
import { ticketColumns } from '../tickets/repository.ts';
import { appendHistory } from '../tickets/history.ts';
import { insertMessage } from '../tickets/messages.ts';
import { resolveRequester } from '../tickets/use-cases/create-ticket.ts';
import { readBotSettings } from '../knowledge/bot/settings.ts';
import { openChatBotSession } from '../knowledge/bot/sessions.ts';
import { botLocale } from '../knowledge/bot/texts.ts';
import { chatConversations, chatVisitors } from './schema.ts';
import { openConversation, type ChatChannelRow, type ChatVisitorRow, type ConversationRow } from './repository.ts';
import { chatTexts } from './texts.ts';

export interface VisitorAnswers {
  name?: string;
  email?: string;
  topic?: string;
}

/**
 * The contact behind a visitor, found or made: a signed identity's contact stays; an email
 * the visitor gives finds or creates the contact with that address; otherwise an anonymous
 * contact recognised by the visitor id. Keeps the visitor row in step.
 */
export async function ensureVisitorContact(tx: Tx, ctx: Ctx, emit: Emit, visitor: ChatVisitorRow, answers: VisitorAnswers = {}): Promise<ContactRow> {
  const now = ctx.clock.now();
  const name = answers.name || visitor.name || '';
  let contact = visitor.contactId ? await findContact(tx, visitor.contactId) : undefined;
  if (answers.email && !visitor.verified && (!contact || contact.email !== answers.email)) {
    contact = await resolveRequester(tx, ctx, emit, { email: answers.email, name: name || undefined }, now);
  }
  if (!contact) {
    const [created] = await tx.insert(contacts).values({ name, createdAt: now, updatedAt: now }).returning();
    await tx.insert(contactIdentities).values({ contactId: created!.id, kind: 'chat', value: visitor.id, createdAt: now }).onConflictDoNothing();
    emit({ type: 'contact.created', payload: { contactId: created!.id }, actor: actorRef(ctx.actor) });
    contact = created!;
  } else if (name && !contact.name) {
    [contact] = await tx.update(contacts).set({ name, updatedAt: now }).where(eq(contacts.id, contact.id)).returning();
  }
  const email = visitor.verified ? visitor.email : (answers.email ?? visitor.email ?? contact!.email);
  await tx.update(chatVisitors).set({ contactId: contact!.id, name, email }).where(eq(chatVisitors.id, visitor.id));
  Object.assign(visitor, { contactId: contact!.id, name, email });
  return contact!;
}

/**
 * Opens a conversation for the visitor, with its chat ticket (channel `chat`, the channel's
 * team, a system line saying where the chat started), unless one is open already. Locks the
 * visitor row so that two sockets of one visitor cannot open two conversations. With the answer
 * bot switched on the conversation starts with the bot (status `bot`): nobody is rung and
 * routing leaves the ticket alone until the bot hands it over.
 */
export async function openChat(tx: Tx, ctx: Ctx, emit: Emit, visitor: ChatVisitorRow, channel: ChatChannelRow, answers: VisitorAnswers = {}): Promise<{ conversation: ConversationRow; opened: boolean }> {
  await tx.select({ id: chatVisitors.id }).from(chatVisitors).where(eq(chatVisitors.id, visitor.id)).for('update');
  const existing = await openConversation(tx, visitor.id);
  if (existing) return { conversation: existing, opened: false };
  const contact = await ensureVisitorContact(tx, ctx, emit, visitor, answers);
  const contactCtx: Ctx = { ...ctx, actor: { kind: 'contact', id: contact.id } };
  const now = ctx.clock.now();
  const texts = chatTexts(visitor.locale);
  const who = visitor.name || contact.name || texts.anonymous(visitor.id.slice(0, 4));
  const topic = answers.topic || null;
  const withBot = (await readBotSettings(tx)).chatEnabled;
  const [ticket] = await tx
    .insert(tickets)
    .values({
      subject: texts.subject(who, topic),
      status: 'new',
      channel: 'chat',
      channelId: channel.id,
      requesterId: contact.id,
      organizationId: contact.organizationId,
      teamId: channel.teamId,
      createdAt: now,
      updatedAt: now,
      lastMessageAt: now,
      messageCount: 1,
    })
    .returning(ticketColumns);
  const t = ticket!;
  const lines = [`Chat started on ${channel.name}.`];
  if (visitor.page?.url) lines.push(`Page: ${visitor.page.title ? `${visitor.page.title} – ` : ''}${visitor.page.url}`);
  if (topic) lines.push(`Topic: ${topic}`);
  if (visitor.email) lines.push(`Email: ${visitor.email}${visitor.verified ? ' (verified)' : ''}`);
  const opening = await insertMessage(tx, ctx, t.id, { kind: 'system', author: { kind: 'system' }, text: lines.join('\n'), source: 'chat' }, now);
  const [conversation] = await tx
    .insert(chatConversations)
    .values({ channelId: channel.id, visitorId: visitor.id, ticketId: t.id, status: withBot ? 'bot' : 'waiting', topic, startedAt: now, visitorSeenAt: now })
    .returning();
  if (withBot) await openChatBotSession(tx, { conversationId: conversation!.id, ticketId: t.id, locale: botLocale(visitor.locale), at: now });
  const snapshot = { status: t.status, priority: t.priority, type: t.type, channel: t.channel, requesterId: t.requesterId, assigneeId: null, teamId: t.teamId, tags: [], subject: t.subject };
  await appendHistory(tx, contactCtx, t.id, [
    { type: 'created', after: snapshot },
    { type: 'chat_started', after: { conversationId: conversation!.id, channelId: channel.id, visitorId: visitor.id } },
  ], now);
  const by = actorRef(contactCtx.actor);
  emit({ type: 'ticket.created', payload: { ticketId: t.id, number: t.number, teamId: t.teamId, assigneeId: null }, actor: by });
  emit({ type: 'message.created', payload: { ticketId: t.id, messageId: opening.id, kind: 'system', authorKind: 'system' }, actor: by });
  emit({ type: 'chat.updated', payload: { ticketId: t.id, conversationId: conversation!.id, status: conversation!.status, agentId: null, change: 'started' }, actor: by });
  return { conversation: conversation!, opened: true };
}

/** Marks a verified email identity on the contact of a signed-in visitor. */
export async function markEmailVerified(tx: Tx, contactId: string, email: string): Promise<void> {
  await tx.update(contactIdentities).set({ verified: true }).where(and(eq(contactIdentities.contactId, contactId), eq(contactIdentities.kind, 'email'), eq(contactIdentities.value, email)));
}
