import type { MessageEmailInfo } from '@servus/shared';
import type { AttachmentRow, MessageRow, TicketEventRow, TicketView } from './repository.ts';

export function presentTicket(t: TicketView) {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    type: t.type,
    channel: t.channel,
    channelId: t.channelId,
    requesterId: t.requesterId,
    organizationId: t.organizationId,
    assigneeId: t.assigneeId,
    teamId: t.teamId,
    tags: t.tags,
    custom: t.custom,
    version: t.version,
    mergedIntoId: t.mergedIntoId,
    firstReplyAt: t.firstReplyAt?.toISOString() ?? null,
    solvedAt: t.solvedAt?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
    reopenCount: t.reopenCount,
    agentReplyCount: t.agentReplyCount,
    messageCount: t.messageCount,
    lastMessageAt: t.lastMessageAt?.toISOString() ?? null,
    /** The earliest due time of an active SLA target, as last recomputed (the live SLA is on the ticket). */
    slaNextBreachAt: t.slaNextBreachAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

type RequesterMap = Map<string, { id: string; name: string; email: string | null }>;

/** A ticket as shown in lists: with its requester's name and email. */
export function presentListedTicket(t: TicketView, requesters: RequesterMap) {
  return { ...presentTicket(t), requester: requesters.get(t.requesterId) ?? null };
}

export function presentAttachment(a: AttachmentRow) {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    url: `/api/v1/attachments/${a.id}`,
    contentId: a.contentId,
    inline: a.inline,
    createdAt: a.createdAt.toISOString(),
  };
}

export function presentMessage(m: MessageRow, atts: AttachmentRow[] = []) {
  return {
    id: m.id,
    ticketId: m.ticketId,
    kind: m.kind,
    author: { kind: m.authorKind, id: m.authorAgentId ?? m.authorContactId ?? null },
    text: m.bodyText,
    html: m.bodyHtml,
    source: m.source,
    email: m.email ? presentEmailInfo(m) : null,
    attachments: atts.filter((a) => a.messageId === m.id).map(presentAttachment),
    createdAt: m.createdAt.toISOString(),
  };
}

function presentEmailInfo(m: MessageRow): MessageEmailInfo {
  const e = m.email!;
  return {
    from: e.from,
    to: e.to,
    cc: e.cc,
    messageId: m.emailMessageId,
    auth: e.auth,
    automated: e.automated,
    bounce: e.bounce,
    hasRemoteImages: e.hasRemoteImages,
    relatedTicket: e.relatedTicket,
    delivery: e.delivery ?? null,
  };
}

export function presentEvent(e: TicketEventRow) {
  return {
    id: e.id,
    ticketId: e.ticketId,
    type: e.type,
    actor: { kind: e.actorKind, id: e.actorId, role: e.actorRole },
    before: e.before,
    after: e.after,
    messageId: e.messageId,
    createdAt: e.createdAt.toISOString(),
  };
}
