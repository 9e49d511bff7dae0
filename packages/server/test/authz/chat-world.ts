/**
 * The chat part of the authorization world: a chat channel per team, a visitor on team Y's
 * channel with a chat (with an email, so it can be converted) and an upload, and a chat on
 * team X's channel. Chats are opened through the same use cases the widget's socket calls.
 */
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { call, type TestAgent, type TestServer } from '../harness.ts';
import { makeCtx } from '../../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../../src/platform/actor.ts';
import { findChatChannel, findVisitorByToken } from '../../src/modules/chat/repository.ts';
import { postVisitorMessage, startChat } from '../../src/modules/chat/visitor-actions.ts';
import { uploadChatFile } from '../../src/modules/chat/uploads.ts';

/** The website every world chat channel allows. */
export const WORLD_SHOP = 'https://shop.example';

export interface ChatWorld {
  channelX: { id: string };
  channelY: { id: string };
  /** A visitor on team Y's channel, with its session token. */
  visitor: { id: string; token: string };
  /** The ticket of team Y's chat (the visitor's) and of team X's chat. */
  tyChat: string;
  txChat: string;
  /** An upload of the visitor, not sent yet. */
  upload: string;
}

async function ok(res: { status: number; body: any }, what: string) {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A new visitor session on a channel. */
export async function chatVisitor(s: TestServer, channelId: string): Promise<{ id: string; token: string }> {
  const res = await ok(await call(s, 'POST', `/api/v1/chat/channels/${channelId}/sessions`, { body: {}, headers: { origin: WORLD_SHOP } }), 'chat session');
  return { id: res.visitorId, token: res.token };
}

/** Opens a chat for a (new) visitor on a channel, with a first message; returns the chat's ticket id. */
export async function chatOn(s: TestServer, channelId: string, visitor?: { id: string; token: string }): Promise<string> {
  const v = visitor ?? (await chatVisitor(s, channelId));
  const ctx = makeCtx(s.servus.services, SYSTEM_ACTOR);
  const channel = (await findChatChannel(ctx.db, channelId))!;
  await startChat(ctx, v.id, channel, { name: 'Vera Visitor', email: `vera-${randomUUID().slice(0, 8)}@kunde.example` });
  const { ack } = await postVisitorMessage(ctx, v.id, channel, { clientId: randomUUID(), text: 'Hallo aus dem Widget', attachmentIds: [] });
  return ack.ticketId;
}

/** An unsent upload of a visitor. */
export async function chatUpload(s: TestServer, token: string): Promise<string> {
  const ctx = makeCtx(s.servus.services, SYSTEM_ACTOR);
  const found = (await findVisitorByToken(ctx.db, token))!;
  const row = await uploadChatFile(ctx, found.visitor.id, found.channel, { stream: Readable.from([Buffer.from('a note from the visitor')]), filename: 'note.txt' });
  return row.id;
}

/** A new chat channel made by the admin. */
export async function chatChannel(s: TestServer, admin: TestAgent, teamId: string | null = null): Promise<{ id: string }> {
  return ok(await call(s, 'POST', '/api/v1/chat-channels', { as: admin, body: { name: `Chat ${randomUUID().slice(0, 8)}`, teamId, allowedOrigins: [WORLD_SHOP] } }), 'chat channel');
}

export async function buildChatWorld(s: TestServer, admin: TestAgent, teamX: { id: string }, teamY: { id: string }): Promise<ChatWorld> {
  const channelX = await chatChannel(s, admin, teamX.id);
  const channelY = await chatChannel(s, admin, teamY.id);
  const visitor = await chatVisitor(s, channelY.id);
  const tyChat = await chatOn(s, channelY.id, visitor);
  const txChat = await chatOn(s, channelX.id);
  return { channelX, channelY, visitor, tyChat, txChat, upload: await chatUpload(s, visitor.token) };
}

/** A multipart body with one small text file, as the widget uploads it. */
export function multipartFile(): { raw: string; headers: Record<string, string> } {
  const boundary = `----walker${randomUUID().slice(0, 8)}`;
  const raw = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="walker.txt"', 'Content-Type: text/plain', '', 'uploaded by the walker', `--${boundary}--`, ''].join('\r\n');
  return { raw, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, origin: WORLD_SHOP } };
}
