import type { ChatAttachment, ChatChannel, ChatConversationSummary, ChatMessage } from '@servus/shared';
import type { AttachmentRow, ChatChannelRow, ChatMessageRow, ConversationRow } from './repository.ts';

/** The embed snippet for a channel on this server. */
export function snippetFor(baseUrl: string, channelId: string): string {
  return `<script src="${baseUrl.replace(/\/+$/, '')}/widget.js" data-channel="${channelId}" async></script>`;
}

export function presentChatChannel(c: ChatChannelRow, baseUrl: string): ChatChannel {
  return {
    id: c.id,
    name: c.name,
    active: c.active,
    teamId: c.teamId,
    calendarId: c.calendarId,
    availability: c.availability,
    allowedOrigins: c.allowedOrigins,
    color: c.color,
    texts: c.texts,
    preChatForm: c.preChatForm,
    maxUploadBytes: c.maxUploadBytes,
    allowedUploadTypes: c.allowedUploadTypes,
    missedAfterSeconds: c.missedAfterSeconds,
    hasIdentitySecret: Boolean(c.identitySecret),
    snippet: snippetFor(baseUrl, c.id),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentSummary(c: Pick<ConversationRow, 'id' | 'status' | 'agentId' | 'lastSeq' | 'agentReadSeq' | 'surveyOffer'>, agentName: string | null): ChatConversationSummary {
  return {
    id: c.id,
    status: c.status,
    agent: c.agentId && agentName ? { name: agentName } : null,
    lastSeq: c.lastSeq,
    agentReadSeq: c.agentReadSeq,
    survey: c.status === 'ended' ? (c.surveyOffer ?? null) : null,
  };
}

/** Who reads the message decides where its files are fetched: visitors through the token-checked chat route. */
export type Audience = 'visitor' | 'agent';

export function presentChatAttachment(a: AttachmentRow, audience: Audience): ChatAttachment {
  return {
    id: a.id,
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    url: audience === 'visitor' ? `/api/v1/chat/attachments/${a.id}` : `/api/v1/attachments/${a.id}`,
  };
}

export function presentChatMessage(m: ChatMessageRow, atts: AttachmentRow[], audience: Audience, visitorName: string): ChatMessage {
  return {
    id: m.messageId,
    seq: m.seq,
    clientId: m.clientId,
    author: m.author,
    authorName: m.author === 'agent' ? (m.agentName ?? '') : m.author === 'visitor' ? visitorName : '',
    text: m.text,
    attachments: atts.filter((a) => a.messageId === m.messageId).map((a) => presentChatAttachment(a, audience)),
    at: m.createdAt.toISOString(),
    ...(m.bot && { bot: m.bot }),
  };
}
