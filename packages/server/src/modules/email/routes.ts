import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { InboundListQuery, OutboundListQuery, Uuid, type InboundMail, type OutboundMail } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { requireAdmin } from '../auth/policies.ts';
import { tickets } from '../tickets/schema.ts';
import { inboundMails, outboundMails } from './schema.ts';
import type { InboundRow } from './intake.ts';
import type { Mail } from './module.ts';
import { retryOutbound } from './outbound/send.ts';

const IdParams = z.strictObject({ id: Uuid });

type OutboundRow = typeof outboundMails.$inferSelect;

function presentInbound(r: InboundRow & { ticketNumber: number | null }): InboundMail {
  return {
    id: r.id,
    channelId: r.channelId,
    source: r.source,
    status: r.status,
    reason: r.reason,
    detail: r.detail,
    attempts: r.attempts,
    messageId: r.headerMessageId,
    subject: r.subject,
    from: r.fromAddress,
    size: r.size,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    receivedAt: r.receivedAt.toISOString(),
    processedAt: r.processedAt?.toISOString() ?? null,
  };
}

export function presentOutbound(r: OutboundRow): OutboundMail {
  return {
    id: r.id,
    channelId: r.channelId,
    ticketId: r.ticketId,
    kind: r.kind,
    to: r.to,
    cc: r.cc,
    subject: r.subject,
    messageId: r.emailMessageId,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

/** Keyset condition for lists ordered by (time desc, id desc). */
function before(col: typeof inboundMails.receivedAt | typeof outboundMails.createdAt, idCol: typeof inboundMails.id | typeof outboundMails.id, raw: string | undefined): SQL | undefined {
  const c = decodeCursor(raw);
  if (!c) return undefined;
  if (typeof c.v !== 'string' || Number.isNaN(Date.parse(c.v))) throw new AppError('validation_failed', 'invalid cursor', [{ path: 'querystring.cursor', message: 'not a cursor from this API' }]);
  return sql`(${col}, ${idCol}) < (${new Date(c.v)}, ${c.id})`;
}

/** The admin's view of mail flow: health per channel, inbound mail with its fate, outbound mail. */
export function mailRoutes(app: App, services: Services, mail: Mail): void {
  const db = services.database.db;
  const inboundWithNumber = { ...getTableColumns(inboundMails), ticketNumber: tickets.number };
  const findInbound = async (id: string) => {
    const [row] = await db.select(inboundWithNumber).from(inboundMails).leftJoin(tickets, eq(tickets.id, inboundMails.ticketId)).where(eq(inboundMails.id, id));
    if (!row) throw notFound('inbound mail');
    return row;
  };

  app.get('/api/v1/mail/health', { schema: { tags: ['mail'], summary: 'Mail health per channel: last fetch, backlog, failures, quarantine, loops (admin)' } }, async (req) => {
    requireAdmin(agentCtx(services, req).actor);
    return mail.health();
  });

  app.get('/api/v1/mail/inbound', { schema: { tags: ['mail'], summary: 'Inbound mail, newest first, by channel and status (admin)', querystring: InboundListQuery } }, async (req) => {
    requireAdmin(agentCtx(services, req).actor);
    const q = req.query;
    const rows = await db
      .select(inboundWithNumber)
      .from(inboundMails)
      .leftJoin(tickets, eq(tickets.id, inboundMails.ticketId))
      .where(
        and(
          q.channelId ? eq(inboundMails.channelId, q.channelId) : undefined,
          q.status ? eq(inboundMails.status, q.status) : undefined,
          before(inboundMails.receivedAt, inboundMails.id, q.cursor),
        ),
      )
      .orderBy(desc(inboundMails.receivedAt), desc(inboundMails.id))
      .limit(q.limit + 1);
    return pageOf(rows, q.limit, presentInbound, (r) => ({ v: r.receivedAt.toISOString(), id: r.id }));
  });

  app.get('/api/v1/mail/inbound/:id', { schema: { tags: ['mail'], summary: 'One inbound mail (admin)', params: IdParams } }, async (req) => {
    requireAdmin(agentCtx(services, req).actor);
    return presentInbound(await findInbound(req.params.id));
  });

  app.get('/api/v1/mail/inbound/:id/raw', { schema: { tags: ['mail'], summary: 'Download the original message as stored (admin)', params: IdParams } }, async (req, reply) => {
    requireAdmin(agentCtx(services, req).actor);
    const row = await findInbound(req.params.id);
    if (!row.blobSha256) throw notFound('raw message');
    reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="mail-${row.id}.eml"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'");
    return reply.send(services.storage.open(row.blobSha256));
  });

  app.post('/api/v1/mail/inbound/:id/reprocess', { schema: { tags: ['mail'], summary: 'Process a quarantined, failed or ignored mail again (admin)', params: IdParams } }, async (req) => {
    requireAdmin(agentCtx(services, req).actor);
    const row = await findInbound(req.params.id);
    if (!['quarantined', 'failed', 'ignored'].includes(row.status)) throw new AppError('conflict', `this mail is ${row.status}; only quarantined, failed or ignored mail can be reprocessed`);
    if (!row.blobSha256 || row.reason === 'oversize') throw new AppError('conflict', 'only the headers of this mail were kept; it cannot be processed');
    await db.update(inboundMails).set({ status: 'pending', attempts: 0, reason: null, detail: null, processedAt: null }).where(eq(inboundMails.id, row.id));
    await mail.processor.processOne(row.id);
    return presentInbound(await findInbound(row.id));
  });

  app.get('/api/v1/mail/outbound', { schema: { tags: ['mail'], summary: 'Outbound mail, newest first (admin)', querystring: OutboundListQuery } }, async (req) => {
    requireAdmin(agentCtx(services, req).actor);
    const q = req.query;
    const rows = await db
      .select()
      .from(outboundMails)
      .where(
        and(
          q.channelId ? eq(outboundMails.channelId, q.channelId) : undefined,
          q.status ? eq(outboundMails.status, q.status) : undefined,
          q.ticketId ? eq(outboundMails.ticketId, q.ticketId) : undefined,
          before(outboundMails.createdAt, outboundMails.id, q.cursor),
        ),
      )
      .orderBy(desc(outboundMails.createdAt), desc(outboundMails.id))
      .limit(q.limit + 1);
    return pageOf(rows, q.limit, presentOutbound, (r) => ({ v: r.createdAt.toISOString(), id: r.id }));
  });

  app.post('/api/v1/mail/outbound/:id/retry', { schema: { tags: ['mail'], summary: 'Send a failed mail again (admin)', params: IdParams } }, async (req) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    const [row] = await db.select().from(outboundMails).where(eq(outboundMails.id, req.params.id));
    if (!row) throw notFound('outbound mail');
    if (row.status !== 'failed') throw new AppError('conflict', `this mail is ${row.status}; only failed mail can be retried`);
    await retryOutbound(ctx, row.id);
    const [after] = await db.select().from(outboundMails).where(eq(outboundMails.id, row.id));
    return presentOutbound(after!);
  });
}
