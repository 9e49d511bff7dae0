import type { Readable } from 'node:stream';
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChatOfflineBody,
  ChatSessionBody,
  ChatTranscriptBody,
  Locale,
  Uuid,
  type ChatAttachment,
  type ChatSession,
  type ChatWidgetConfig,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { makeCtx } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findChatChannel, findVisitorByToken, type ChatChannelRow, type ChatVisitorRow } from './repository.ts';
import { channelOnline } from './availability.ts';
import { startSession } from './sessions.ts';
import { leaveOfflineMessage, sendTranscript } from './offline.ts';
import { uploadChatFile, visitorAttachment } from './uploads.ts';
import { presentChatAttachment } from './presenters.ts';
import { assertOrigin } from './origin.ts';
import { readBotSettings } from '../knowledge/bot/settings.ts';
import { RateLimiter } from './rate-limit.ts';

const ChannelParams = z.strictObject({ id: Uuid });
const TokenQuery = z.strictObject({ token: z.string().min(20).max(200) });
const Public = { public: true } as const;

/**
 * What the widget calls without an agent's sign-in: its configuration, the visitor session,
 * the offline form, uploads, attachments and the transcript. The token names the visitor and
 * is valid on its own channel only; the Origin must be one of the channel's websites (or this
 * server, where the widget's iframe runs).
 */
export function chatPublicRoutes(app: App, services: Services): void {
  const db = services.database.db;
  const ctx = makeCtx(services, SYSTEM_ACTOR);
  const publicUrl = services.config.PUBLIC_URL;
  const perIp = new RateLimiter(services.config.CHAT_SESSIONS_PER_IP_PER_MINUTE, 60_000);
  const uploads = new RateLimiter(20, 60_000);
  const transcripts = new RateLimiter(3, 60 * 60_000);

  const limitIp = (req: FastifyRequest) => {
    if (!perIp.take(req.ip)) throw new AppError('rate_limited', 'too many new chats from your network; try again in a minute', undefined, { 'retry-after': String(perIp.retryAfter(req.ip)) });
  };

  async function activeChannel(id: string): Promise<ChatChannelRow> {
    const channel = await findChatChannel(db, id);
    if (!channel?.active) throw notFound('chat channel');
    return channel;
  }

  /** The visitor of a token with its channel; 401 for an unknown token or an inactive channel. */
  async function visitorOf(token: string): Promise<{ visitor: ChatVisitorRow; channel: ChatChannelRow }> {
    const found = await findVisitorByToken(db, token);
    if (!found || !found.channel.active) throw new AppError('unauthorized', 'this chat session is not valid; start a new one');
    return found;
  }

  app.get(
    '/api/v1/chat/channels/:id/widget-config',
    { config: Public, schema: { tags: ['chat widget'], summary: 'What the widget shows: colours, texts, forms, limits, and whether live chat is offered now (public)', params: ChannelParams, querystring: z.strictObject({ lang: Locale.optional() }) } },
    async (req, reply): Promise<ChatWidgetConfig> => {
      const channel = await activeChannel(req.params.id);
      const locale = req.query.lang ?? 'en';
      reply.header('cache-control', 'no-store');
      return {
        channelId: channel.id,
        name: channel.name,
        color: channel.color,
        locale,
        greeting: channel.texts[locale].greeting,
        offlineMessage: channel.texts[locale].offlineMessage,
        online: await channelOnline(db, channel, services.clock.now()),
        bot: (await readBotSettings(db)).chatEnabled,
        preChatForm: channel.preChatForm,
        maxUploadBytes: Math.min(channel.maxUploadBytes, services.config.ATTACHMENT_LIMIT_BYTES),
        allowedUploadTypes: channel.allowedUploadTypes,
      };
    },
  );

  app.post(
    '/api/v1/chat/channels/:id/sessions',
    { config: Public, schema: { tags: ['chat widget'], summary: 'Start or resume a visitor session; a signed identity links the known contact (public)', params: ChannelParams, body: ChatSessionBody } },
    async (req): Promise<ChatSession> => {
      const channel = await activeChannel(req.params.id);
      assertOrigin(req, channel, publicUrl);
      if (!req.body.token) limitIp(req);
      return startSession(ctx, channel, req.body);
    },
  );

  app.post(
    '/api/v1/chat/channels/:id/offline',
    { config: Public, schema: { tags: ['chat widget'], summary: 'Leave a message while nobody is online: a ticket answered by email (public)', params: ChannelParams, body: ChatOfflineBody } },
    async (req, reply): Promise<{ ticketNumber: number }> => {
      const channel = await activeChannel(req.params.id);
      assertOrigin(req, channel, publicUrl);
      let visitor: ChatVisitorRow | null = null;
      if (req.body.token) {
        const found = await visitorOf(req.body.token);
        if (found.channel.id !== channel.id) throw new AppError('unauthorized', 'this chat session is not valid here; start a new one');
        visitor = found.visitor;
      }
      limitIp(req);
      reply.code(201);
      return leaveOfflineMessage(ctx, channel, visitor, req.body);
    },
  );

  app.post(
    '/api/v1/chat/transcript',
    { config: Public, schema: { tags: ['chat widget'], summary: 'Email the visitor the transcript of their chat (public, with the session token)', querystring: TokenQuery, body: ChatTranscriptBody } },
    async (req): Promise<{ sentTo: string }> => {
      const { visitor, channel } = await visitorOf(req.query.token);
      assertOrigin(req, channel, publicUrl);
      if (!transcripts.take(visitor.id)) throw new AppError('rate_limited', 'at most 3 transcripts an hour');
      return { sentTo: (await sendTranscript(ctx, channel, visitor, req.body.email)).to };
    },
  );

  // Uploads: multipart in their own scope, so no other route accepts it.
  app.register(async (plain) => {
    await plain.register(multipart, { limits: { files: 1, fields: 5, parts: 6 } });
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/v1/chat/uploads',
      {
        config: Public,
        bodyLimit: services.config.ATTACHMENT_LIMIT_BYTES + 64 * 1024,
        schema: { tags: ['chat widget'], summary: 'Upload one file (multipart, field `file`) to send in the chat; type sniffed, HTML and SVG refused (public, with the session token)', querystring: TokenQuery },
      },
      async (req, reply): Promise<ChatAttachment> => {
        const { visitor, channel } = await visitorOf(req.query.token);
        assertOrigin(req, channel, publicUrl);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data');
        if (!uploads.take(visitor.id)) throw new AppError('rate_limited', 'too many files at once; try again in a minute');
        const limit = Math.min(channel.maxUploadBytes, services.config.ATTACHMENT_LIMIT_BYTES);
        const file = await req.file({ limits: { fileSize: limit + 1 } });
        if (!file) throw new AppError('validation_failed', 'no file in the request', [{ path: 'file', message: 'required' }]);
        const row = await uploadChatFile(ctx, visitor.id, channel, { stream: file.file as Readable, filename: file.filename });
        reply.code(201);
        return presentChatAttachment(row, 'visitor');
      },
    );
  });

  app.get(
    '/api/v1/chat/attachments/:id',
    { config: Public, schema: { tags: ['chat widget'], summary: "Download a file of the visitor's own chat (public, with the session token); always as a download", params: ChannelParams, querystring: TokenQuery } },
    async (req, reply) => {
      const { visitor } = await visitorOf(req.query.token);
      const a = await visitorAttachment(db, visitor.id, req.params.id);
      if (!a) throw notFound('attachment');
      const inlineSafe = /^image\/(png|jpeg|gif|webp)$/.test(a.contentType);
      reply
        .header('content-type', inlineSafe ? a.contentType : 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${a.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .header('content-length', String(a.size));
      return reply.send(services.storage.open(a.blobSha256));
    },
  );
}
