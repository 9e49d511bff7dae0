import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../platform/context.ts';
import { makeCtx } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { requesterSummary } from '../tickets/repository.ts';
import { findPortalTicket } from './access.ts';
import { MAX_MESSAGE, MAX_SUBJECT, PAGE_SIZE } from './constants.ts';
import { openCustomerTicket, replyAsCustomer } from './customer-actions.ts';
import { notFoundPage, stalePage } from './pages/frame.ts';
import { listHref, listPage } from './pages/lists.ts';
import { signInPage } from './pages/sign-in.ts';
import { newTicketPage, ticketPage } from './pages/ticket.ts';
import { attachmentsOf, listPortalTickets, publicAttachment, publicMessages, type PortalFilter, type PortalTab } from './queries.ts';
import { csrfOk, formOf, loadPortal, safeReturnTo, sendPage, toSignIn, type PortalRequestState } from './request.ts';
import type { PortalViewer } from './sessions.ts';
import type { PortalTexts } from './texts.ts';

type NumberParams = { number: string };
const NUMBER = /^[1-9][0-9]{0,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const one = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

/** A customer's text: trimmed, checked for being there and not too long; the message or an error. */
function checkText(t: PortalTexts, raw: string | undefined, max: number, emptyMessage: string): { value: string; error?: string } {
  const value = (raw ?? '').replace(/\r\n/g, '\n').trim();
  if (!value) return { value, error: emptyMessage };
  if (value.length > max) return { value, error: t.tooLong(max) };
  return { value };
}

/** The customer's requests: the lists, one request with its files, replies and new requests. */
export function ticketRoutes(scope: FastifyInstance, services: Services): void {
  const db = services.database.db;
  const ctx = () => makeCtx(services, SYSTEM_ACTOR);

  /** Renders a request's page for a signed-in viewer (after a GET, or a refused reply). */
  async function showTicket(reply: FastifyReply, s: PortalRequestState & { viewer: PortalViewer }, number: number, status: number, extra: { notice?: string; reply?: { text: string; error?: string } } = {}) {
    const found = await findPortalTicket(db, s.viewer, number);
    if (found.kind === 'none') return sendPage(reply, 404, notFoundPage(s));
    if (found.kind === 'moved') return reply.redirect(`/portal/tickets/${found.number}`, 303);
    const ticket = found.ticket;
    const messages = found.mergedAway ? [] : await publicMessages(db, ticket.id);
    const requester = await requesterSummary(db, ticket.requesterId);
    const page = ticketPage(s, {
      ticket,
      requesterName: requester?.name ?? '',
      mergedAway: found.mergedAway,
      messages,
      attachments: await attachmentsOf(db, messages.map((m) => m.id)),
      ...extra,
    });
    return sendPage(reply, status, page);
  }

  scope.get('/', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    const q = req.query as Record<string, unknown>;
    if (!s.viewer) {
      return sendPage(reply, 200, signInPage(s, { returnTo: safeReturnTo(q.returnTo), notice: q.signedOut === '1' ? s.t.signedOut : undefined }));
    }
    const tab = one(q.tab, ['mine', 'org'] as const, 'mine');
    if (tab === 'org' && !s.viewer.orgShared) return sendPage(reply, 404, notFoundPage(s));
    const filter = one(q.status, ['all', 'open', 'solved'] as const, 'all') as PortalFilter;
    const asked = typeof q.page === 'string' && /^[1-9][0-9]{0,5}$/.test(q.page) ? Number(q.page) : 1;
    const list = await listPortalTickets(db, s.viewer, { tab: tab as PortalTab, filter, page: asked });
    const last = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    // A page past the end (the list shrank, or a hand-made URL) shows the last page instead.
    if (asked > last) return reply.redirect(listHref(tab, filter, last), 303);
    return sendPage(reply, 200, listPage(s, { tab, filter, page: asked, ...list }));
  });

  scope.get<{ Params: NumberParams }>('/tickets/:number', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    if (!s.viewer) return toSignIn(reply, req.url);
    if (!NUMBER.test(req.params.number)) return sendPage(reply, 404, notFoundPage(s));
    const q = req.query as Record<string, unknown>;
    const notice = q.sent === '1' ? s.t.replySent : q.created === '1' ? s.t.created : undefined;
    return showTicket(reply, { ...s, viewer: s.viewer }, Number(req.params.number), 200, { notice });
  });

  scope.get<{ Params: NumberParams & { id: string } }>('/tickets/:number/attachments/:id', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    if (!s.viewer) return toSignIn(reply, req.url);
    if (!NUMBER.test(req.params.number) || !UUID.test(req.params.id)) return sendPage(reply, 404, notFoundPage(s));
    const found = await findPortalTicket(db, s.viewer, Number(req.params.number));
    if (found.kind === 'moved') return reply.redirect(`/portal/tickets/${found.number}/attachments/${req.params.id.toLowerCase()}`, 303);
    const a = found.kind === 'ticket' && !found.mergedAway ? await publicAttachment(db, found.ticket.id, req.params.id.toLowerCase()) : undefined;
    if (!a) return sendPage(reply, 404, notFoundPage(s));
    const inlineSafe = /^image\/(png|jpeg|gif|webp)$/.test(a.contentType);
    return reply
      .header('content-type', inlineSafe ? a.contentType : 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${a.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .header('content-length', String(a.size))
      .send(services.storage.open(a.blobSha256));
  });

  scope.post<{ Params: NumberParams }>('/tickets/:number/reply', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    const valid = NUMBER.test(req.params.number);
    if (!s.viewer) return toSignIn(reply, valid ? `/portal/tickets/${req.params.number}` : '/portal');
    const viewer = s.viewer;
    const form = formOf(req);
    if (!csrfOk(s, form)) return sendPage(reply, 403, stalePage(s));
    if (!valid) return sendPage(reply, 404, notFoundPage(s));
    let found = await findPortalTicket(db, viewer, Number(req.params.number));
    // The conversation moved into another request the customer sees: the reply goes there.
    if (found.kind === 'moved') found = await findPortalTicket(db, viewer, found.number);
    if (found.kind !== 'ticket') return sendPage(reply, 404, notFoundPage(s));
    const text = checkText(s.t, form.message, MAX_MESSAGE, s.t.emptyMessage);
    const state = { ...s, viewer };
    if (text.error) return showTicket(reply, state, found.ticket.number, 400, { reply: { text: text.value, error: text.error } });
    try {
      await replyAsCustomer(ctx(), viewer, found.ticket.id, text.value);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return sendPage(reply, 404, notFoundPage(s));
      if (err instanceof AppError && err.code === 'conflict') return showTicket(reply, state, found.ticket.number, 409);
      throw err;
    }
    return reply.redirect(`/portal/tickets/${found.ticket.number}?sent=1`, 303);
  });

  scope.get('/new', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    if (!s.viewer) return toSignIn(reply, '/portal/new');
    return sendPage(reply, 200, newTicketPage(s));
  });

  scope.post('/new', { schema: { hide: true } }, async (req, reply) => {
    const s = await loadPortal(services, req, reply);
    if (!s) return reply;
    if (!s.viewer) return toSignIn(reply, '/portal/new');
    const form = formOf(req);
    if (!csrfOk(s, form)) return sendPage(reply, 403, stalePage(s));
    const subject = checkText(s.t, (form.subject ?? '').replace(/\s+/g, ' '), MAX_SUBJECT, s.t.emptySubject);
    const message = checkText(s.t, form.message, MAX_MESSAGE, s.t.emptyMessage);
    if (subject.error || message.error) {
      return sendPage(reply, 400, newTicketPage(s, { subject: subject.value, message: message.value, errors: { subject: subject.error, message: message.error } }));
    }
    const ticket = await openCustomerTicket(ctx(), s.viewer, { subject: subject.value, text: message.value });
    return reply.redirect(`/portal/tickets/${ticket.number}?created=1`, 303);
  });
}
