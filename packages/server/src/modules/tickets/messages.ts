import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { messageBody } from '../../platform/sanitize.ts';
import { attachments, messages, tickets, type MessageEmailMeta } from './schema.ts';
import type { MessageRow } from './repository.ts';

export interface NewMessage {
  kind: 'public' | 'note' | 'system';
  author: { kind: 'agent'; id: string } | { kind: 'contact'; id: string } | { kind: 'system' | 'automation' };
  text?: string;
  html?: string;
  attachmentIds?: string[];
  source?: string;
  /** Already sanitized text and HTML (from `messageBody`), to avoid doing the work twice. */
  body?: { text: string; html: string };
  emailMessageId?: string | null;
  email?: MessageEmailMeta | null;
}

/**
 * Stores a message with sanitized HTML, binds the caller's uploaded attachments to it and
 * adds its text to the ticket's search text (unless the caller already did, `indexText: false`).
 * Counters are the caller's business.
 */
export async function insertMessage(
  tx: Tx,
  ctx: Ctx,
  ticketId: string,
  m: NewMessage,
  now: Date,
  opts: { indexText?: boolean } = {},
): Promise<MessageRow> {
  const body = m.body ?? messageBody(m);
  const [row] = await tx
    .insert(messages)
    .values({
      ticketId,
      kind: m.kind,
      authorKind: m.author.kind,
      authorAgentId: m.author.kind === 'agent' ? m.author.id : null,
      authorContactId: m.author.kind === 'contact' ? m.author.id : null,
      bodyText: body.text,
      bodyHtml: body.html,
      source: m.source ?? 'web',
      emailMessageId: m.emailMessageId ?? null,
      email: m.email ?? null,
      createdAt: now,
    })
    .returning();
  const ids = [...new Set(m.attachmentIds ?? [])];
  if (ids.length) {
    const uploader = ctx.actor.kind === 'agent' ? ctx.actor.id : null;
    const bound = await tx
      .update(attachments)
      .set({ messageId: row!.id, ticketId })
      .where(
        and(
          inArray(attachments.id, ids),
          isNull(attachments.messageId),
          uploader ? eq(attachments.uploadedByAgentId, uploader) : isNull(attachments.uploadedByAgentId),
        ),
      )
      .returning({ id: attachments.id });
    if (bound.length !== ids.length) {
      const missing = ids.filter((id) => !bound.some((b) => b.id === id));
      throw new AppError('validation_failed', 'unknown or already used attachments', missing.map((id) => ({ path: 'body.attachmentIds', message: `no unused upload ${id}` })));
    }
  }
  if (opts.indexText !== false && m.kind !== 'system' && body.text) {
    await tx
      .update(tickets)
      .set({ searchText: sql`left(${tickets.searchText} || ' ' || ${body.text}, 200000)` })
      .where(eq(tickets.id, ticketId));
  }
  return row!;
}
