import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { safeFilename } from '../../platform/sanitize.ts';
import { attachments } from '../tickets/schema.ts';
import { chatConversations, chatMessages, chatUploads } from './schema.ts';
import { ACTIVE_CONTENT_TYPES } from './channels.ts';
import { recordBlob, storeCheckedBlob } from '../tickets/blob-upload.ts';
import type { AttachmentRow, ChatChannelRow } from './repository.ts';

/** Markup that a browser would run if it ever rendered the file: refused whatever its name says. */
const MARKUP = /<\s*(svg|html|script|!doctype|\?xml|iframe|body|head|object|embed)\b/i;

/**
 * The content type of a stored file from its bytes: a known binary format, plain text, or
 * unknown. HTML, SVG and XML are refused outright (SECURITY.md D34, A3).
 */
export async function sniffType(file: string): Promise<string> {
  const known = await fileTypeFromFile(file).catch(() => undefined);
  if (known) {
    if (ACTIVE_CONTENT_TYPES.includes(known.mime) || known.mime.endsWith('+xml')) throw activeContent();
    return known.mime;
  }
  const handle = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8192), 0, 8192, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return 'application/octet-stream';
    const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
    if (MARKUP.test(text)) throw activeContent();
    return 'text/plain';
  } finally {
    await handle.close();
  }
}

const activeContent = () => new AppError('unsupported_media_type', 'files with HTML, SVG or XML are not accepted in chat');

/** Whether `type` is among the channel's allowed types (`image/*` allows every image type). */
export function typeAllowed(allowed: string[], type: string): boolean {
  return allowed.some((a) => a === type || (a.endsWith('/*') && type.startsWith(a.slice(0, -1))));
}

/**
 * Stores a visitor's file: streamed to storage up to the channel's size limit, its type sniffed
 * from the content and checked against the channel's allowed types, recorded as an unsent
 * upload that only this visitor may attach or fetch.
 */
export async function uploadChatFile(ctx: Ctx, visitorId: string, channel: ChatChannelRow, input: { stream: Readable; filename?: string }): Promise<AttachmentRow> {
  const limit = Math.min(channel.maxUploadBytes, ctx.config.ATTACHMENT_LIMIT_BYTES);
  if (limit === 0) throw new AppError('forbidden', 'this chat takes no files');
  const blob = await storeCheckedBlob(ctx, input.stream, limit, async (file) => {
    const type = await sniffType(file);
    if (!typeAllowed(channel.allowedUploadTypes, type)) {
      throw new AppError('unsupported_media_type', `files of type ${type} are not accepted in this chat`, [{ path: 'file', message: `allowed: ${channel.allowedUploadTypes.join(', ')}` }]);
    }
    return type;
  });
  const { contentType } = blob;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await recordBlob(tx, blob, now);
    const [row] = await tx
      .insert(attachments)
      .values({ blobSha256: blob.sha256, filename: safeFilename(input.filename), contentType, size: blob.size, createdAt: now })
      .returning();
    await tx.insert(chatUploads).values({ attachmentId: row!.id, visitorId, createdAt: now });
    return row!;
  });
}

/**
 * The attachment if this visitor may fetch it: their own upload, or a file on a message of one
 * of their conversations. Anything else is undefined, answered like a missing file.
 */
export async function visitorAttachment(db: Executor, visitorId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  const [a] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!a) return undefined;
  const [own] = await db.select({ id: chatUploads.attachmentId }).from(chatUploads).where(and(eq(chatUploads.attachmentId, a.id), eq(chatUploads.visitorId, visitorId)));
  if (own) return a;
  if (!a.messageId) return undefined;
  const [shared] = await db
    .select({ id: chatMessages.messageId })
    .from(chatMessages)
    .innerJoin(chatConversations, eq(chatConversations.id, chatMessages.conversationId))
    .where(and(eq(chatMessages.messageId, a.messageId), eq(chatConversations.visitorId, visitorId)));
  return shared ? a : undefined;
}
