import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { ChatListQuery, ChatTransferBody, CreateChatChannelBody, UpdateChatChannelBody, Uuid, type ChatChannel, type ChatDetail, type ChatListItem, type CreatedChatChannel } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { requireAdmin, requireWriter } from '../auth/policies.ts';
import { findChatChannel, listChatChannels } from './repository.ts';
import { createChatChannel, deleteChatChannel, rotateChatSecret, updateChatChannel } from './channels.ts';
import { acceptChat, convertChat, endChat, transferChat } from './agent-actions.ts';
import { chatDetail, listChats } from './agent-queries.ts';
import { presentChatChannel } from './presenters.ts';

const IdParams = z.strictObject({ id: Uuid });
const TicketParams = z.strictObject({ ticketId: Uuid });

/** Agents' chat actions under /api/v1/chats/:ticketId, and the admins' chat channels. */
export function chatRoutes(app: App, services: Services): void {
  const db = services.database.db;
  const baseUrl = (req: FastifyRequest) => services.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`;

  app.get('/api/v1/chats', { schema: { tags: ['chat'], summary: 'Waiting or active chats on tickets you may see', querystring: ChatListQuery } }, async (req): Promise<{ data: ChatListItem[] }> => {
    const ctx = agentCtx(services, req);
    return { data: await listChats(db, ctx.actor, req.query.status) };
  });

  app.get('/api/v1/chats/:ticketId', { schema: { tags: ['chat'], summary: "A chat ticket's conversation with its messages in order", params: TicketParams } }, async (req): Promise<ChatDetail> => {
    const ctx = agentCtx(services, req);
    return chatDetail(db, ctx.actor, req.params.ticketId);
  });

  /** A chat action: 404 for a chat the agent may not see, then 403 for read-only users; answers the chat as it is afterwards. */
  const action = (verb: string, summary: string, run: (ctx: ReturnType<typeof agentCtx>, ticketId: string, body: unknown) => Promise<void>, body?: z.ZodType) =>
    app.post(`/api/v1/chats/:ticketId/${verb}`, { schema: { tags: ['chat'], summary, params: TicketParams, ...(body && { body }) } }, async (req): Promise<ChatDetail> => {
      const ctx = agentCtx(services, req);
      await chatDetail(db, ctx.actor, req.params.ticketId);
      requireWriter(ctx.actor);
      await run(ctx, req.params.ticketId, req.body);
      return chatDetail(db, null, req.params.ticketId);
    });
  action('accept', 'Accept a waiting chat; 409 when another agent was faster or you are at your chat limit', acceptChat);
  action('transfer', 'Transfer a chat to an online agent (below their chat limit) or back to a team queue', (ctx, id, body) => transferChat(ctx, id, body as z.infer<typeof ChatTransferBody>), ChatTransferBody);
  action('end', 'End a chat; a served chat solves its ticket', endChat);
  action('convert', "Convert a chat into a regular ticket answered by email (needs the visitor's email)", convertChat);

  app.get('/api/v1/chat-channels', { schema: { tags: ['chat'], summary: 'List chat channels (admin)' } }, async (req): Promise<{ data: ChatChannel[] }> => {
    requireAdmin(agentCtx(services, req).actor);
    return { data: (await listChatChannels(db)).map((c) => presentChatChannel(c, baseUrl(req))) };
  });

  app.get('/api/v1/chat-channels/:id', { schema: { tags: ['chat'], summary: 'Get a chat channel with its embed snippet (admin)', params: IdParams } }, async (req): Promise<ChatChannel> => {
    requireAdmin(agentCtx(services, req).actor);
    const c = await findChatChannel(db, req.params.id);
    if (!c) throw notFound('chat channel');
    return presentChatChannel(c, baseUrl(req));
  });

  app.post('/api/v1/chat-channels', { schema: { tags: ['chat'], summary: 'Create a chat channel; the identity secret is in this answer only (admin)', body: CreateChatChannelBody } }, async (req, reply): Promise<CreatedChatChannel> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return idempotent(db, req, reply, 201, async () => {
      const { row, secret } = await createChatChannel(ctx, req.body);
      return { ...presentChatChannel(row, baseUrl(req)), secret };
    });
  });

  app.patch('/api/v1/chat-channels/:id', { schema: { tags: ['chat'], summary: 'Change a chat channel; fields left out keep their value (admin)', params: IdParams, body: UpdateChatChannelBody } }, async (req): Promise<ChatChannel> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return presentChatChannel(await updateChatChannel(ctx, req.params.id, req.body), baseUrl(req));
  });

  app.delete('/api/v1/chat-channels/:id', { schema: { tags: ['chat'], summary: 'Delete a chat channel nobody has chatted on; one with chats is refused (409) and can only be deactivated (admin)', params: IdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    await deleteChatChannel(ctx, req.params.id);
    return reply.code(204).send();
  });

  app.post('/api/v1/chat-channels/:id/rotate-secret', { schema: { tags: ['chat'], summary: 'Replace the identity secret; the new one is in this answer only (admin)', params: IdParams } }, async (req): Promise<{ secret: string }> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return { secret: await rotateChatSecret(ctx, req.params.id) };
  });
}
