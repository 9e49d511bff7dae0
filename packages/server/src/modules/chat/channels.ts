import { eq, sql } from 'drizzle-orm';
import type { CreateChatChannelInput, UpdateChatChannelInput } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { randomToken } from '../../platform/crypto.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../system/audit.ts';
import { teams } from '../auth/schema.ts';
import { businessCalendars } from '../sla/schema.ts';
import { chatChannels, chatConversations } from './schema.ts';
import type { ChatChannelRow } from './repository.ts';

/** Types a visitor may never upload, whatever the channel allows: they run script in a browser. */
export const ACTIVE_CONTENT_TYPES = ['image/svg+xml', 'text/html', 'application/xhtml+xml', 'application/xml', 'text/xml', 'application/javascript', 'text/javascript'];

async function checkReferences(tx: Tx, input: { teamId?: string | null; calendarId?: string | null }): Promise<void> {
  if (input.teamId) {
    const [t] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!t) throw new AppError('validation_failed', 'unknown team', [{ path: 'body.teamId', message: 'no such team' }]);
  }
  if (input.calendarId) {
    const [c] = await tx.select({ id: businessCalendars.id }).from(businessCalendars).where(eq(businessCalendars.id, input.calendarId));
    if (!c) throw new AppError('validation_failed', 'unknown calendar', [{ path: 'body.calendarId', message: 'no such calendar' }]);
  }
}

function checkRules(next: { availability: string; calendarId: string | null; allowedUploadTypes: string[] }): void {
  if (next.availability === 'business_hours' && !next.calendarId) {
    throw new AppError('validation_failed', 'chat within business hours needs a calendar', [{ path: 'body.calendarId', message: 'required for business_hours' }]);
  }
  const active = next.allowedUploadTypes.filter((t) => ACTIVE_CONTENT_TYPES.includes(t) || t === 'text/*' || t === 'application/*' || t === '*/*');
  if (active.length) {
    throw new AppError('validation_failed', 'these upload types can carry scripts and are never allowed', [{ path: 'body.allowedUploadTypes', message: active.join(', ') }]);
  }
}

/** Creates a chat channel with a fresh identity secret, which the caller shows once. */
export async function createChatChannel(ctx: Ctx, input: CreateChatChannelInput): Promise<{ row: ChatChannelRow; secret: string }> {
  checkRules({ availability: input.availability, calendarId: input.calendarId ?? null, allowedUploadTypes: input.allowedUploadTypes });
  const secret = randomToken(32);
  const row = await inTransaction(ctx, async (tx) => {
    await checkReferences(tx, input);
    const now = ctx.clock.now();
    const [created] = await tx
      .insert(chatChannels)
      .values({
        name: input.name,
        active: input.active,
        teamId: input.teamId ?? null,
        calendarId: input.calendarId ?? null,
        availability: input.availability,
        allowedOrigins: [...new Set(input.allowedOrigins)],
        color: input.color,
        texts: input.texts,
        preChatForm: input.preChatForm,
        maxUploadBytes: input.maxUploadBytes,
        allowedUploadTypes: [...new Set(input.allowedUploadTypes)],
        missedAfterSeconds: input.missedAfterSeconds,
        identitySecret: secret,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, 'chat_channel.created', 'chat_channel', created!.id, { name: created!.name });
    return created!;
  });
  return { row, secret };
}

/** Changes a chat channel; fields left out keep their value. */
export async function updateChatChannel(ctx: Ctx, id: string, input: UpdateChatChannelInput): Promise<ChatChannelRow> {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(chatChannels).where(eq(chatChannels.id, id)).for('update');
    if (!current) throw notFound('chat channel');
    await checkReferences(tx, input);
    const set: Partial<typeof chatChannels.$inferInsert> = { updatedAt: ctx.clock.now() };
    for (const key of Object.keys(input) as (keyof UpdateChatChannelInput)[]) {
      const value = input[key];
      if (value === undefined) continue;
      (set as Record<string, unknown>)[key] = Array.isArray(value) ? [...new Set(value)] : value;
    }
    checkRules({
      availability: set.availability ?? current.availability,
      calendarId: set.calendarId !== undefined ? set.calendarId : current.calendarId,
      allowedUploadTypes: set.allowedUploadTypes ?? current.allowedUploadTypes,
    });
    const [row] = await tx.update(chatChannels).set(set).where(eq(chatChannels.id, id)).returning();
    await recordAudit(tx, ctx, 'chat_channel.updated', 'chat_channel', id, { fields: Object.keys(input) });
    return row!;
  });
}

/** A new identity secret; signatures made with the old one stop working at once. */
export async function rotateChatSecret(ctx: Ctx, id: string): Promise<string> {
  const secret = randomToken(32);
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.update(chatChannels).set({ identitySecret: secret, updatedAt: ctx.clock.now() }).where(eq(chatChannels.id, id)).returning({ id: chatChannels.id });
    if (!row) throw notFound('chat channel');
    await recordAudit(tx, ctx, 'chat_channel.secret_rotated', 'chat_channel', id);
  });
  return secret;
}

/** Deletes a channel nobody has chatted on yet; one with conversations can only be deactivated. */
export async function deleteChatChannel(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.select({ id: chatChannels.id, name: chatChannels.name }).from(chatChannels).where(eq(chatChannels.id, id)).for('update');
    if (!row) throw notFound('chat channel');
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(chatConversations).where(eq(chatConversations.channelId, id))) as [{ n: number }];
    if (Number(n) > 0) throw new AppError('conflict', 'this channel has conversations; deactivate it instead');
    await tx.delete(chatChannels).where(eq(chatChannels.id, id));
    await recordAudit(tx, ctx, 'chat_channel.deleted', 'chat_channel', id, { name: row.name });
  });
}
