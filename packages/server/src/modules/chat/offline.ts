import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChatOfflineBody } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { textToHtml } from '../../platform/sanitize.ts';
import { contacts } from '../contacts/schema.ts';
import { appendHistory } from '../tickets/history.ts';
import { openTicket } from '../tickets/use-cases/create-ticket.ts';
import { chatVisitors } from './schema.ts';
import { attachmentsOf, chatMessagesOf, latestConversation, type ChatChannelRow, type ChatVisitorRow } from './repository.ts';
import { chatTexts, shorten } from './texts.ts';

/**
 * The widget's offline form: a ticket answered by email (channel `email`, the chat channel's
 * team), marked `chat_offline_message` in its log so chat counts leave it out (METRICS §2.6).
 */
export async function leaveOfflineMessage(ctx: Ctx, channel: ChatChannelRow, visitor: ChatVisitorRow | null, input: z.infer<typeof ChatOfflineBody>): Promise<{ ticketNumber: number }> {
  const texts = chatTexts(visitor?.locale);
  return inTransaction(ctx, async (tx, emit) => {
    const { ticket, requester } = await openTicket(tx, emit, ctx, {
      subject: texts.offlineSubject(shorten(input.message, 60)),
      requester: { email: input.email, name: input.name || undefined },
      message: { text: input.message },
      messageAuthor: 'requester',
      messageKind: 'public',
      channel: 'email',
      teamId: channel.teamId,
      source: 'chat_offline',
    });
    await appendHistory(tx, ctx, ticket.id, [{ type: 'chat_offline_message', after: { channelId: channel.id, visitorId: visitor?.id ?? null } }], ctx.clock.now());
    if (visitor && !visitor.verified) {
      await tx.update(chatVisitors).set({ contactId: requester.id, email: input.email, ...(input.name && { name: input.name }) }).where(eq(chatVisitors.id, visitor.id));
    }
    return { ticketNumber: ticket.number };
  });
}

/**
 * Mails the visitor's latest conversation to them (to the address given, else the one they
 * gave before) through the server's system mail.
 */
export async function sendTranscript(ctx: Ctx, channel: ChatChannelRow, visitor: ChatVisitorRow, email: string | undefined): Promise<{ to: string }> {
  let to = email ?? visitor.email ?? null;
  if (!to && visitor.contactId) {
    const [c] = await ctx.db.select({ email: contacts.email }).from(contacts).where(eq(contacts.id, visitor.contactId));
    to = c?.email ?? null;
  }
  if (!to) throw new AppError('validation_failed', 'an email address is needed', [{ path: 'body.email', message: 'required' }]);
  if (!ctx.mailer.configured) throw new AppError('unavailable', 'this server cannot send email at the moment');
  const conv = await latestConversation(ctx.db, visitor.id);
  if (!conv) throw new AppError('conflict', 'there is no chat to send yet');
  const texts = chatTexts(visitor.locale);
  const rows = await chatMessagesOf(ctx.db, conv.id, 0, undefined, 5000);
  const atts = await attachmentsOf(ctx.db, rows.map((m) => m.messageId));
  const lines = rows.map((m) => {
    const who = m.author === 'visitor' ? texts.you : m.author === 'agent' ? (m.agentName ?? channel.name) : channel.name;
    const files = atts.filter((a) => a.messageId === m.messageId).map((a) => `[${a.filename}]`);
    const time = m.createdAt.toISOString().slice(0, 16).replace('T', ' ');
    return `${time} UTC  ${who}: ${[m.text, ...files].filter(Boolean).join(' ')}`;
  });
  const text = `${texts.transcriptIntro(channel.name)}\n\n${lines.join('\n')}\n`;
  await ctx.mailer.send({ to, subject: texts.transcriptSubject(channel.name), text, html: textToHtml(text) });
  return { to };
}
