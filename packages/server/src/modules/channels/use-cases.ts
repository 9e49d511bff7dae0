import { eq, sql } from 'drizzle-orm';
import {
  AutoAckSettings,
  MAIL_SIZE_DEFAULT,
  type CreateEmailChannelInput,
  type EmailChannel,
  type UpdateEmailChannelInput,
} from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { isUniqueViolation, queryRows } from '../../platform/db.ts';
import { recordAudit } from '../system/audit.ts';
import { teams } from '../auth/schema.ts';
import { inboundMails, outboundMails } from '../email/schema.ts';
import { channels, type DkimConfig, type ImapConfig, type SmtpConfig } from './schema.ts';
import { findChannel, type ChannelRow } from './repository.ts';
import { assertCalendarExists } from '../sla/calendar-store.ts';

/** A channel as the API shows it: secrets are never returned, only whether one is stored. */
export function presentChannel(c: ChannelRow): EmailChannel {
  return {
    id: c.id,
    kind: 'email',
    name: c.name,
    address: c.address,
    displayName: c.displayName,
    active: c.active,
    teamId: c.teamId,
    calendarId: c.calendarId,
    imap: c.imap ? { host: c.imap.host, port: c.imap.port, secure: c.imap.secure, user: c.imap.user, mailbox: c.imap.mailbox, deleteAfterImport: c.imap.deleteAfterImport, hasPassword: Boolean(c.imap.password) } : null,
    smtp: c.smtp ? { host: c.smtp.host, port: c.smtp.port, secure: c.smtp.secure, user: c.smtp.user, hasPassword: Boolean(c.smtp.password) } : null,
    autoAck: c.autoAck,
    dkim: c.dkim ? { domain: c.dkim.domain, selector: c.dkim.selector, hasPrivateKey: Boolean(c.dkim.privateKey) } : null,
    maxMessageBytes: c.maxMessageBytes,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A secret from a request: undefined keeps the stored one, null clears it. */
function secret(given: string | null | undefined, stored: string | null | undefined): string | null {
  return given === undefined ? (stored ?? null) : given;
}

function imapOf(given: CreateEmailChannelInput['imap'], stored: ImapConfig | null): ImapConfig | null {
  if (given === undefined) return stored;
  if (given === null) return null;
  return { ...given, password: secret(given.password, stored?.password) };
}

function smtpOf(given: CreateEmailChannelInput['smtp'], stored: SmtpConfig | null): SmtpConfig | null {
  if (given === undefined) return stored;
  if (given === null) return null;
  return { host: given.host, port: given.port, secure: given.secure, user: given.user ?? '', password: secret(given.password, stored?.password) };
}

function dkimOf(given: CreateEmailChannelInput['dkim'], stored: DkimConfig | null): DkimConfig | null {
  if (given === undefined) return stored;
  if (given === null) return null;
  const privateKey = secret(given.privateKey, stored?.privateKey);
  if (privateKey && !/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(privateKey)) {
    throw new AppError('validation_failed', 'the DKIM key is not a PEM private key', [{ path: 'body.dkim.privateKey', message: 'paste the PEM private key (-----BEGIN PRIVATE KEY-----)' }]);
  }
  return { domain: given.domain.toLowerCase(), selector: given.selector, privateKey };
}

async function assertTeam(ctx: Ctx, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const [t] = await ctx.db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!t) throw new AppError('validation_failed', 'unknown team', [{ path: 'body.teamId', message: 'no such team' }]);
}

const addressTaken = () =>
  new AppError('conflict', 'another channel already uses this address', [{ path: 'body.address', message: 'already used by another channel' }]);

export async function createEmailChannel(ctx: Ctx, input: CreateEmailChannelInput): Promise<ChannelRow> {
  await assertTeam(ctx, input.teamId);
  await assertCalendarExists(ctx.db, input.calendarId);
  const now = ctx.clock.now();
  try {
    const [row] = await ctx.db
      .insert(channels)
      .values({
        kind: 'email',
        name: input.name,
        address: input.address,
        displayName: input.displayName ?? '',
        active: input.active,
        teamId: input.teamId ?? null,
        calendarId: input.calendarId ?? null,
        imap: imapOf(input.imap, null),
        smtp: smtpOf(input.smtp, null),
        autoAck: input.autoAck ?? AutoAckSettings.parse({}),
        dkim: dkimOf(input.dkim, null),
        maxMessageBytes: input.maxMessageBytes ?? MAIL_SIZE_DEFAULT,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(ctx.db, ctx, 'channel.created', 'channel', row!.id, { address: row!.address });
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw addressTaken();
    throw err;
  }
}

export async function updateEmailChannel(ctx: Ctx, id: string, input: UpdateEmailChannelInput): Promise<ChannelRow> {
  const current = await findChannel(ctx.db, id);
  if (!current) throw notFound('channel');
  await assertTeam(ctx, input.teamId);
  await assertCalendarExists(ctx.db, input.calendarId);
  try {
    const [row] = await ctx.db
      .update(channels)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.address !== undefined && { address: input.address }),
        ...(input.displayName !== undefined && { displayName: input.displayName }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.teamId !== undefined && { teamId: input.teamId }),
        ...(input.calendarId !== undefined && { calendarId: input.calendarId }),
        ...(input.maxMessageBytes !== undefined && { maxMessageBytes: input.maxMessageBytes }),
        ...(input.autoAck !== undefined && { autoAck: input.autoAck }),
        imap: imapOf(input.imap, current.imap ?? null),
        smtp: smtpOf(input.smtp, current.smtp ?? null),
        dkim: dkimOf(input.dkim, current.dkim ?? null),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(channels.id, id))
      .returning();
    await recordAudit(ctx.db, ctx, 'channel.updated', 'channel', id, { fields: Object.keys(input) });
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw addressTaken();
    throw err;
  }
}

/** Deletes a channel that never received or sent mail; one with history can only be deactivated. */
export async function deleteEmailChannel(ctx: Ctx, id: string): Promise<void> {
  const current = await findChannel(ctx.db, id);
  if (!current) throw notFound('channel');
  const [used] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select (select count(*) from ${inboundMails} where channel_id = ${id}) + (select count(*) from ${outboundMails} where channel_id = ${id}) as n`,
  );
  if (Number(used?.n ?? 0) > 0) throw new AppError('conflict', 'mail has already gone through this channel; deactivate it instead');
  await ctx.db.delete(channels).where(eq(channels.id, id));
  await recordAudit(ctx.db, ctx, 'channel.deleted', 'channel', id, { address: current.address });
}
