import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import type { Ctx } from '../../../platform/context.ts';
import type { AgentActor } from '../../../platform/actor.ts';
import { safeFilename } from '../../../platform/sanitize.ts';
import { attachments, blobs } from '../schema.ts';
import type { AttachmentRow } from '../repository.ts';

/**
 * Streams an upload into content-addressed storage and records it as an unbound attachment of
 * the uploading agent. The stored type comes from the content, not from the client's claim.
 */
export async function uploadAttachment(
  ctx: Ctx & { actor: AgentActor },
  input: { stream: Readable; filename?: string; limit: number },
): Promise<AttachmentRow> {
  const blob = await ctx.storage.put(input.stream, input.limit);
  const sniffed = await fileTypeFromFile(blob.path).catch(() => undefined);
  const contentType = sniffed?.mime ?? 'application/octet-stream';
  const now = ctx.clock.now();
  await ctx.db.insert(blobs).values({ sha256: blob.sha256, size: blob.size, createdAt: now }).onConflictDoNothing();
  const [row] = await ctx.db
    .insert(attachments)
    .values({
      blobSha256: blob.sha256,
      filename: safeFilename(input.filename),
      contentType,
      size: blob.size,
      uploadedByAgentId: ctx.actor.id,
      createdAt: now,
    })
    .returning();
  return row!;
}
