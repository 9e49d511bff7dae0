import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Uuid, type KbAttachment } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { agentAttachment, KB_FILE_TYPES, KB_INLINE_TYPES, uploadKbAttachment } from './attachments.ts';
import { presentAttachment } from './presenters.ts';
import { requireKbEditor } from './policies.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['knowledge base'];

/** A Content-Disposition header that survives any filename (ASCII fallback plus RFC 5987 form). */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  return `${kind}; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Files in articles: editors upload images, PDFs and videos (multipart, field `file`); agents
 * fetch the files of articles they may read. Images and videos are shown in place, everything
 * else is a download; all under a sandbox CSP with sniffing off.
 */
export function kbAttachmentRoutes(app: App, services: Services): void {
  const db = services.database.db;
  const limit = services.config.ATTACHMENT_LIMIT_BYTES;

  // Multipart in its own scope, so no other route accepts it.
  app.register(async (plain) => {
    await plain.register(multipart, { limits: { files: 1, fields: 2, parts: 3 } });
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/v1/kb/attachments',
      {
        bodyLimit: limit + 64 * 1024,
        schema: { tags, summary: `Upload an image, PDF or video for an article (multipart, field \`file\`; ${KB_FILE_TYPES.join(', ')}; type from the content, SVG refused) (editors)` },
      },
      async (req, reply): Promise<KbAttachment> => {
        const ctx = agentCtx(services, req);
        // Refused before a byte of the file is read.
        await requireKbEditor(db, ctx.actor);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data');
        const file = await req.file({ limits: { fileSize: limit + 1 } });
        if (!file) throw new AppError('validation_failed', 'no file in the request', [{ path: 'file', message: 'required' }]);
        const row = await uploadKbAttachment(ctx, { stream: file.file as Readable, filename: file.filename, limit });
        reply.code(201);
        return presentAttachment(row);
      },
    );
  });

  app.get('/api/v1/kb/attachments/:id', { schema: { tags, summary: 'About one article file', params: IdParams } }, async (req): Promise<KbAttachment> => {
    const ctx = agentCtx(services, req);
    const a = await agentAttachment(db, ctx.actor, req.params.id);
    if (!a) throw notFound('attachment');
    return presentAttachment(a);
  });

  app.get('/api/v1/kb/attachments/:id/content', { schema: { tags, summary: 'The bytes of an article file: images and videos inline, the rest as a download', params: IdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    const a = await agentAttachment(db, ctx.actor, req.params.id);
    if (!a) throw notFound('attachment');
    const inline = KB_INLINE_TYPES.has(a.contentType);
    reply
      .header('content-type', inline ? a.contentType : 'application/octet-stream')
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', a.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, max-age=300')
      .header('content-length', String(a.size));
    return reply.send(services.storage.open(a.blobSha256));
  });
}
