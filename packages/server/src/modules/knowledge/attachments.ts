import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { safeFilename } from '../../platform/sanitize.ts';
import { recordBlob, storeCheckedBlob } from '../tickets/blob-upload.ts';
import { isKbEditor, requireKbEditor, statusesFor } from './policies.ts';
import { kbArticles, kbAttachments } from './schema.ts';

export type KbAttachmentRow = typeof kbAttachments.$inferSelect;

/** What articles may carry, by the type sniffed from the bytes (never the name or the client's claim). */
export const KB_FILE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'video/mp4', 'video/webm'] as const;

/** Types a browser may show in place (the rest is always a download). */
export const KB_INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'video/mp4', 'video/webm']);

const MARKUP = /^\s*(?:\ufeff)?\s*<(?:\?xml|svg|!doctype|html)\b/i;

async function sniff(file: string): Promise<string> {
  const known = await fileTypeFromFile(file).catch(() => undefined);
  if (known && (KB_FILE_TYPES as readonly string[]).includes(known.mime)) return known.mime;
  const handle = await fs.open(file, 'r');
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0).finally(() => handle.close());
  if (MARKUP.test(buffer.subarray(0, bytesRead).toString('utf8'))) {
    throw new AppError('unsupported_media_type', 'SVG, HTML and XML files can carry scripts and are not accepted; upload a PNG or JPEG image instead', [
      { path: 'file', message: `allowed: ${KB_FILE_TYPES.join(', ')}` },
    ]);
  }
  throw new AppError('unsupported_media_type', `files of type ${known?.mime ?? 'unknown'} cannot go into articles`, [{ path: 'file', message: `allowed: ${KB_FILE_TYPES.join(', ')}` }]);
}

/**
 * Stores an image, PDF or video for an article: streamed to content-addressed storage up to the
 * size limit, its type taken from its bytes. It belongs to no article until a saved article
 * body uses it.
 */
export async function uploadKbAttachment(ctx: Ctx & { actor: AgentActor }, input: { stream: Readable; filename?: string; limit: number }): Promise<KbAttachmentRow> {
  await requireKbEditor(ctx.db, ctx.actor);
  const blob = await storeCheckedBlob(ctx, input.stream, input.limit, sniff);
  const { contentType } = blob;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await recordBlob(tx, blob, now);
    const [row] = await tx
      .insert(kbAttachments)
      .values({ blobSha256: blob.sha256, filename: safeFilename(input.filename), contentType, size: blob.size, uploadedById: ctx.actor.id, createdAt: now })
      .returning();
    return row!;
  });
}

/**
 * The file if the public may fetch it: it belongs to an article that is published right now.
 * Files of drafts, internal or archived articles, and files no article uses, are null.
 */
export async function publicAttachment(db: Executor, id: string): Promise<KbAttachmentRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db
    .select({ a: kbAttachments })
    .from(kbAttachments)
    .innerJoin(kbArticles, eq(kbArticles.id, kbAttachments.articleId))
    .where(and(eq(kbAttachments.id, id), eq(kbArticles.status, 'published')));
  return row?.a ?? null;
}

/**
 * The file if this agent may fetch it: editors all files; other agents the files of articles
 * they may read (published and internal). Anything else is null, answered as not found.
 */
export async function agentAttachment(db: Executor, actor: AgentActor, id: string): Promise<KbAttachmentRow | null> {
  const [row] = await db
    .select({ a: kbAttachments, status: kbArticles.status })
    .from(kbAttachments)
    .leftJoin(kbArticles, eq(kbArticles.id, kbAttachments.articleId))
    .where(eq(kbAttachments.id, id));
  if (!row) return null;
  const editor = await isKbEditor(db, actor);
  if (editor) return row.a;
  return row.status && statusesFor(false).includes(row.status) ? row.a : null;
}
