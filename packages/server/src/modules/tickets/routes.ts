import { liveTicketSla } from '../sla/ticket-sla.ts';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, ilike } from 'drizzle-orm';
import {
  BulkUpdateBody,
  CreateMessageBody,
  CreateTicketBody,
  CreateTicketFieldBody,
  MergeBody,
  PageQuery,
  TagName,
  TicketListQuery,
  UpdateTicketBody,
  UpdateTicketFieldBody,
  Uuid,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { requireAdmin, requireWriter } from '../auth/policies.ts';
import { findContact, findOrganization } from '../contacts/repository.ts';
import { attachments, tags as tagsTable, ticketFields, tickets } from './schema.ts';
import {
  attachmentsOfMessages,
  eventsOf,
  findVisibleTicket,
  listTickets,
  messagesOf,
  requestersOf,
  requesterSummary,
  sortOf,
  type TicketView,
} from './repository.ts';
import { canSeeTicket } from './policies.ts';
import { presentAttachment, presentEvent, presentListedTicket, presentMessage, presentTicket } from './presenters.ts';
import { createTicket } from './use-cases/create-ticket.ts';
import { updateTicket } from './use-cases/update-ticket.ts';
import { addMessage } from './use-cases/add-message.ts';
import { mergeTickets } from './use-cases/merge-tickets.ts';
import { bulkUpdateTickets } from './use-cases/bulk-update-tickets.ts';
import { uploadAttachment } from './use-cases/upload-attachment.ts';
import { escapeLike, isUniqueViolation, type Executor } from '../../platform/db.ts';

const IdParams = z.strictObject({ id: Uuid });
const TicketQuery = z.strictObject({
  include: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['messages', 'requester'])).max(2))
    .optional(),
});

export function ticketRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get('/api/v1/tickets', { schema: { tags: ['tickets'], summary: 'List tickets with filters and a sort order (cursor pagination)', querystring: TicketListQuery } }, async (req) => {
    const ctx = agentCtx(services, req);
    const q = req.query;
    const rows = await listTickets(db, ctx.actor, { ...q, cursor: decodeCursor(q.cursor), now: ctx.clock.now() });
    return ticketPage(db, rows, q.limit, q.sort);
  });

  app.post('/api/v1/tickets', { schema: { tags: ['tickets'], summary: 'Open a ticket with its first message (Idempotency-Key supported)', body: CreateTicketBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    return idempotent(db, req, reply, 201, async () => presentTicket(await createTicket(ctx, req.body)));
  });

  app.get('/api/v1/tickets/:id', { schema: { tags: ['tickets'], summary: 'Get a ticket; include=messages,requester embeds the thread and requester', params: IdParams, querystring: TicketQuery } }, async (req) => {
    const ctx = agentCtx(services, req);
    const t = await findVisibleTicket(db, ctx.actor, req.params.id);
    const include = new Set(req.query.include ?? []);
    const body: Record<string, unknown> = presentTicket(t);
    body.sla = await liveTicketSla(db, t, services.clock.now());
    if (include.has('requester')) body.requester = await requesterSummary(db, t.requesterId);
    if (include.has('messages')) {
      const msgs = await messagesOf(db, t.id, { cursor: null, limit: 100 });
      const page = msgs.slice(0, 100);
      const atts = await attachmentsOfMessages(db, page.map((m) => m.id));
      body.messages = page.map((m) => presentMessage(m, atts));
    }
    return body;
  });

  app.patch('/api/v1/tickets/:id', { schema: { tags: ['tickets'], summary: 'Change a ticket; send `version` to detect concurrent edits', params: IdParams, body: UpdateTicketBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    await findVisibleTicket(db, ctx.actor, req.params.id);
    requireWriter(ctx.actor);
    return presentTicket(await updateTicket(ctx, req.params.id, req.body));
  });

  app.post('/api/v1/tickets/bulk', { schema: { tags: ['tickets'], summary: 'Apply one change to up to 100 tickets; results per ticket', body: BulkUpdateBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    return { results: await bulkUpdateTickets(ctx, req.body.ids, req.body.changes) };
  });

  app.post('/api/v1/tickets/:id/merge', { schema: { tags: ['tickets'], summary: 'Merge other tickets into this one', params: IdParams, body: MergeBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    await findVisibleTicket(db, ctx.actor, req.params.id);
    requireWriter(ctx.actor);
    return presentTicket(await mergeTickets(ctx, req.params.id, req.body.sourceIds));
  });

  app.get(
    '/api/v1/tickets/:id/messages',
    { schema: { tags: ['tickets'], summary: 'The thread, oldest first', params: IdParams, querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: PageQuery.cursor }) } },
    async (req) => {
      const ctx = agentCtx(services, req);
      const t = await findVisibleTicket(db, ctx.actor, req.params.id);
      const rows = await messagesOf(db, t.id, { cursor: decodeCursor(req.query.cursor), limit: req.query.limit });
      const atts = await attachmentsOfMessages(db, rows.slice(0, req.query.limit).map((m) => m.id));
      return pageOf(rows, req.query.limit, (m) => presentMessage(m, atts), (m) => ({ v: m.createdAt.toISOString(), id: m.id }));
    },
  );

  app.post(
    '/api/v1/tickets/:id/messages',
    { schema: { tags: ['tickets'], summary: 'Add a public reply or internal note, optionally changing the status', params: IdParams, body: CreateMessageBody } },
    async (req, reply) => {
      const ctx = agentCtx(services, req);
      await findVisibleTicket(db, ctx.actor, req.params.id);
      requireWriter(ctx.actor);
      return idempotent(db, req, reply, 201, async () => {
        const { ticket, message } = await addMessage(ctx, req.params.id, req.body);
        const atts = await attachmentsOfMessages(db, [message.id]);
        return { ticket: presentTicket(ticket), message: presentMessage(message, atts) };
      });
    },
  );

  app.get(
    '/api/v1/tickets/:id/events',
    { schema: { tags: ['tickets'], summary: 'The append-only event log of a ticket', params: IdParams, querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(200), cursor: PageQuery.cursor }) } },
    async (req) => {
      const ctx = agentCtx(services, req);
      const t = await findVisibleTicket(db, ctx.actor, req.params.id);
      const cursor = decodeCursor(req.query.cursor);
      const rows = await eventsOf(db, t.id, { afterId: cursor ? Number(cursor.v) : undefined, limit: req.query.limit });
      return pageOf(rows, req.query.limit, presentEvent, (e) => ({ v: e.id, id: String(e.id) }));
    },
  );

  app.get(
    '/api/v1/contacts/:id/tickets',
    { schema: { tags: ['contacts'], summary: "A contact's tickets across all channels, newest first", params: IdParams, querystring: z.strictObject(PageQuery) } },
    async (req) => {
      const ctx = agentCtx(services, req);
      if (!(await findContact(db, req.params.id))) throw notFound('contact');
      const rows = await listTickets(db, ctx.actor, { requesterId: req.params.id, sort: '-created_at', limit: req.query.limit, cursor: decodeCursor(req.query.cursor) });
      return ticketPage(db, rows, req.query.limit, '-created_at');
    },
  );

  app.get(
    '/api/v1/organizations/:id/tickets',
    { schema: { tags: ['organizations'], summary: "An organization's tickets, newest first", params: IdParams, querystring: z.strictObject(PageQuery) } },
    async (req) => {
      const ctx = agentCtx(services, req);
      if (!(await findOrganization(db, req.params.id))) throw notFound('organization');
      const rows = await listTickets(db, ctx.actor, { organizationId: req.params.id, sort: '-created_at', limit: req.query.limit, cursor: decodeCursor(req.query.cursor) });
      return ticketPage(db, rows, req.query.limit, '-created_at');
    },
  );

  // Attachments: raw upload in its own scope so only this route accepts any content type.
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('*', { bodyLimit: services.config.ATTACHMENT_LIMIT_BYTES }, (_req, payload, done) => done(null, payload));
    scope.post(
      '/api/v1/attachments',
      {
        bodyLimit: services.config.ATTACHMENT_LIMIT_BYTES,
        schema: {
          tags: ['attachments'],
          summary: 'Upload a file (raw request body); bind it by passing its id in attachmentIds',
          querystring: z.strictObject({ filename: z.string().min(1).max(10_000) }),
        },
      },
      async (req, reply) => {
        const ctx = agentCtx(services, req);
        requireWriter(ctx.actor);
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > services.config.ATTACHMENT_LIMIT_BYTES) {
          throw new AppError('payload_too_large', `attachments may be at most ${services.config.ATTACHMENT_LIMIT_BYTES} bytes`);
        }
        const row = await uploadAttachment(ctx, {
          stream: req.body as NodeJS.ReadableStream as import('node:stream').Readable,
          filename: req.query.filename,
          limit: services.config.ATTACHMENT_LIMIT_BYTES,
        });
        reply.code(201);
        return presentAttachment(row);
      },
    );
  });

  app.get('/api/v1/attachments/:id', { schema: { tags: ['attachments'], summary: 'Download an attachment (always as a download, never inline)', params: IdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    const [a] = await db.select().from(attachments).where(eq(attachments.id, req.params.id));
    if (!a) throw notFound('attachment');
    if (a.ticketId) {
      const [t] = await db.select({ teamId: tickets.teamId, assigneeId: tickets.assigneeId }).from(tickets).where(eq(tickets.id, a.ticketId));
      if (!t || !canSeeTicket(ctx.actor, t)) throw notFound('attachment');
    } else if (a.uploadedByAgentId !== ctx.actor.id) {
      throw notFound('attachment');
    }
    const inlineSafe = /^image\/(png|jpeg|gif|webp)$/.test(a.contentType);
    reply
      .header('content-type', inlineSafe ? a.contentType : 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${a.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('content-length', String(a.size));
    return reply.send(services.storage.open(a.blobSha256));
  });

  // Tags
  app.get('/api/v1/tags', { schema: { tags: ['tags'], summary: 'Tag names, for suggestions', querystring: z.strictObject({ q: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) } }, async (req) => {
    const rows = await db
      .select()
      .from(tagsTable)
      .where(req.query.q ? ilike(tagsTable.name, `${escapeLike(req.query.q.toLowerCase())}%`) : undefined)
      .orderBy(asc(tagsTable.name))
      .limit(req.query.limit);
    return { data: rows.map((r) => ({ name: r.name, createdAt: r.createdAt.toISOString() })), nextCursor: null };
  });

  app.post('/api/v1/tags', { schema: { tags: ['tags'], summary: 'Add a tag to the list', body: z.strictObject({ name: TagName }) } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    const [row] = await db.insert(tagsTable).values({ name: req.body.name, createdAt: ctx.clock.now() }).onConflictDoNothing().returning();
    if (!row) throw new AppError('conflict', 'this tag exists', [{ path: 'body.name', message: 'already exists' }]);
    reply.code(201);
    return { name: row.name, createdAt: row.createdAt.toISOString() };
  });

  // Custom ticket fields
  app.get('/api/v1/ticket-fields', { schema: { tags: ['ticket fields'], summary: 'Custom ticket fields' } }, async () => ({
    data: (await db.select().from(ticketFields).orderBy(asc(ticketFields.position), asc(ticketFields.key))).map(presentField),
    nextCursor: null,
  }));

  app.post('/api/v1/ticket-fields', { schema: { tags: ['ticket fields'], summary: 'Define a custom ticket field (admin)', body: CreateTicketFieldBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    if (req.body.kind === 'select' && !req.body.options?.length) {
      throw new AppError('validation_failed', 'a select field needs options', [{ path: 'body.options', message: 'at least one option' }]);
    }
    try {
      const [row] = await db.insert(ticketFields).values({ ...req.body, createdAt: ctx.clock.now() }).returning();
      reply.code(201);
      return presentField(row!);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', 'a field with this key exists', [{ path: 'body.key', message: 'already in use' }]);
      throw err;
    }
  });

  app.patch('/api/v1/ticket-fields/:id', { schema: { tags: ['ticket fields'], summary: 'Change a custom ticket field (admin)', params: IdParams, body: UpdateTicketFieldBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    const [row] = await db.update(ticketFields).set(req.body).where(and(eq(ticketFields.id, req.params.id))).returning();
    if (!row) throw notFound('ticket field');
    return presentField(row);
  });
}

/** One page of tickets with requesters, and the cursor for the given sort. */
export async function ticketPage(db: Executor, rows: TicketView[], limit: number, sort: string) {
  const requesters = await requestersOf(db, rows.slice(0, limit));
  const key = sortOf(sort).key;
  return pageOf(rows, limit, (t) => presentListedTicket(t, requesters), (r) => ({
    v: key === 'number' ? r.number : key === 'sla_next_breach_at' ? (r.slaNextBreachAt?.toISOString() ?? null) : (key === 'updated_at' ? r.updatedAt : r.createdAt).toISOString(),
    id: r.id,
  }));
}

function presentField(f: typeof ticketFields.$inferSelect) {
  return { id: f.id, key: f.key, label: f.label, kind: f.kind, options: f.options, required: f.required, active: f.active, position: f.position };
}
