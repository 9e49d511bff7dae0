import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findTicket, type TicketView } from '../tickets/repository.ts';
import { appendMessage } from '../tickets/use-cases/add-message.ts';
import { openTicket } from '../tickets/use-cases/create-ticket.ts';
import { canSeeTicket } from './access.ts';
import type { PortalViewer } from './sessions.ts';

/** The context of a signed-in customer: events and the ticket log name the contact as the actor. */
export function customerCtx(ctx: Ctx, viewer: PortalViewer): Ctx {
  return { ...ctx, actor: { kind: 'contact', id: viewer.contactId } };
}

/**
 * A customer's reply from the portal: a public message by the contact, stored through the same
 * path as an emailed reply, so automation, SLA and notifications react alike and a pending or
 * solved ticket reopens. Access is checked again under the row lock; a closed or merged-away
 * ticket takes no messages.
 */
export async function replyAsCustomer(ctx: Ctx, viewer: PortalViewer, ticketId: string, text: string): Promise<TicketView> {
  const cctx = customerCtx(ctx, viewer);
  return inTransaction(cctx, async (tx, emit) => {
    const t = await findTicket(tx, ticketId, { forUpdate: true });
    if (!t || !canSeeTicket(viewer, t)) throw notFound('ticket');
    if (t.status === 'closed' || t.mergedIntoId) throw new AppError('conflict', 'closed requests take no new messages; open a new one');
    const { ticket } = await appendMessage(tx, emit, cctx, t, {
      kind: 'public',
      author: { kind: 'contact', id: viewer.contactId },
      text,
      source: 'portal',
    });
    return ticket;
  });
}

/**
 * A new request from the portal: a ticket on the `web` channel with the contact as requester
 * (and so the contact's organization), its first message public and by the contact.
 */
export async function openCustomerTicket(ctx: Ctx, viewer: PortalViewer, input: { subject: string; text: string }): Promise<TicketView> {
  const cctx = customerCtx(ctx, viewer);
  return inTransaction(cctx, async (tx, emit) => {
    const { ticket } = await openTicket(tx, emit, cctx, {
      subject: input.subject,
      requester: { id: viewer.contactId },
      message: { text: input.text },
      messageAuthor: 'requester',
      messageKind: 'public',
      channel: 'web',
      source: 'portal',
    });
    return ticket;
  });
}
