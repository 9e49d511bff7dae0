import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CreateEmailChannelBody, UpdateEmailChannelBody, Uuid, type ChannelTestResult } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { requireAdmin } from '../auth/policies.ts';
import type { Mail } from '../email/module.ts';
import { storeInbound } from '../email/intake.ts';
import { testImap } from '../email/imap/test-connection.ts';
import { testSmtp } from '../email/outbound/test-connection.ts';
import { findChannel, listChannels } from './repository.ts';
import { createEmailChannel, deleteEmailChannel, presentChannel, updateEmailChannel } from './use-cases.ts';

const IdParams = z.strictObject({ id: Uuid });

/** Email channels: admin configuration, connection tests and raw MIME upload. */
export function channelRoutes(app: App, services: Services, mail: Mail): void {
  const db = services.database.db;

  app.get('/api/v1/channels', { schema: { tags: ['channels'], summary: 'List channels (admin)' } }, async (req) => {
    requireAdmin(agentCtx(services, req).actor);
    return { data: (await listChannels(db)).map(presentChannel) };
  });

  app.get('/api/v1/channels/:id', { schema: { tags: ['channels'], summary: 'Get a channel (admin)', params: IdParams } }, async (req) => {
    requireAdmin(agentCtx(services, req).actor);
    const c = await findChannel(db, req.params.id);
    if (!c) throw notFound('channel');
    return presentChannel(c);
  });

  app.post('/api/v1/channels', { schema: { tags: ['channels'], summary: 'Create an email channel (admin)', body: CreateEmailChannelBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return idempotent(db, req, reply, 201, async () => {
      const row = await createEmailChannel(ctx, req.body);
      await mail.channelsChanged();
      return presentChannel(row);
    });
  });

  app.patch('/api/v1/channels/:id', { schema: { tags: ['channels'], summary: 'Change an email channel; omitted secrets are kept (admin)', params: IdParams, body: UpdateEmailChannelBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    const row = await updateEmailChannel(ctx, req.params.id, req.body);
    await mail.channelsChanged();
    return presentChannel(row);
  });

  app.delete('/api/v1/channels/:id', { schema: { tags: ['channels'], summary: 'Delete a channel that has no mail yet (admin)', params: IdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    await deleteEmailChannel(ctx, req.params.id);
    await mail.channelsChanged();
    return reply.code(204).send();
  });

  app.post('/api/v1/channels/:id/test', { schema: { tags: ['channels'], summary: 'Try the IMAP and SMTP settings: connect and log in (admin)', params: IdParams } }, async (req): Promise<ChannelTestResult> => {
    requireAdmin(agentCtx(services, req).actor);
    const c = await findChannel(db, req.params.id);
    if (!c) throw notFound('channel');
    const [imap, smtp] = await Promise.all([c.imap ? testImap(c.imap) : null, c.smtp ? testSmtp(c.smtp) : null]);
    return { imap, smtp };
  });

  // Raw MIME from an MTA pipe, in its own scope so only this route takes message/rfc822 as a stream.
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(['message/rfc822', 'application/octet-stream', 'text/plain'], { bodyLimit: 100 * 1024 * 1024 }, (_req, payload, done) => done(null, payload));
    scope.post(
      '/api/v1/channels/:id/inbound',
      {
        bodyLimit: 100 * 1024 * 1024,
        schema: {
          tags: ['channels'],
          summary: 'Deliver one raw message (Content-Type: message/rfc822) to an email channel (admin); 202 once stored',
          params: IdParams,
        },
      },
      async (req, reply) => {
        const ctx = agentCtx(services, req);
        requireAdmin(ctx.actor);
        const channel = await findChannel(db, req.params.id);
        if (!channel) throw notFound('channel');
        const stored = await storeInbound(ctx, {
          channel,
          source: 'upload',
          raw: req.body as Readable,
          envelope: { from: null, to: [channel.address], remoteIp: null },
        });
        if (!stored.duplicate && stored.status === 'pending') mail.processor.kick(stored.id);
        return reply.code(202).send(stored);
      },
    );
  });
}
