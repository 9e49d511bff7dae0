import { z } from 'zod';
import { Email, Locale, NonEmptyText, Text, Uuid, patchBody } from './common.ts';
import type { BotArticleLink, ChatBotSummary } from './bot.ts';

/** Largest chat message a visitor or agent may send, in characters. */
export const CHAT_MESSAGE_MAX = 4_000;

/** A website origin as the browser sends it: scheme, host and optional port, nothing else. */
export const WebOrigin = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'an origin such as https://www.example.com (scheme, host, optional port)');

/** When the widget offers a live chat: always when agents are online, or also within a calendar's business hours. */
export const ChatAvailability = z.enum(['agents_online', 'business_hours']);

export const ChatPreChatForm = z.strictObject({
  enabled: z.boolean().default(false),
  /** Ask for an email (required when `requireEmail`). Name and topic are optional fields. */
  askName: z.boolean().default(true),
  requireEmail: z.boolean().default(false),
  /** Topics the visitor can pick; empty = no topic field. */
  topics: z.array(NonEmptyText(80)).max(20).default([]),
});

/** Texts shown in the widget, per language; empty falls back to the built-in wording. */
export const ChatTexts = z.strictObject({
  greeting: Text(500).default(''),
  offlineMessage: Text(500).default(''),
});

export const CreateChatChannelBody = z.strictObject({
  name: NonEmptyText(100),
  active: z.boolean().default(true),
  teamId: Uuid.nullable().optional(),
  calendarId: Uuid.nullable().optional(),
  availability: ChatAvailability.default('agents_online'),
  /** Pages allowed to embed the widget. At least one is needed before the widget works. */
  allowedOrigins: z.array(WebOrigin).max(50).default([]),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #1c7ed6').default('#1c7ed6'),
  texts: z.strictObject({ en: ChatTexts.default({ greeting: '', offlineMessage: '' }), de: ChatTexts.default({ greeting: '', offlineMessage: '' }) }).default({
    en: { greeting: '', offlineMessage: '' },
    de: { greeting: '', offlineMessage: '' },
  }),
  preChatForm: ChatPreChatForm.default({ enabled: false, askName: true, requireEmail: false, topics: [] }),
  /** Largest upload in bytes, and the content types allowed (sniffed, not trusted from the browser). */
  maxUploadBytes: z.number().int().min(0).max(26_214_400).default(10_485_760),
  allowedUploadTypes: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+*-]+$/)).max(50).default(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain']),
  /** Seconds a waiting visitor may wait before the chat counts as missed if they leave. */
  missedAfterSeconds: z.number().int().min(10).max(3600).default(120),
});
/** Fields left out keep their value; `texts`, when sent, holds both languages. */
export const UpdateChatChannelBody = patchBody(CreateChatChannelBody).extend({ texts: z.strictObject({ en: ChatTexts, de: ChatTexts }).optional() });
export type CreateChatChannelInput = z.infer<typeof CreateChatChannelBody>;
export type UpdateChatChannelInput = z.infer<typeof UpdateChatChannelBody>;

/** A chat channel as admins see it; the identity secret is only ever shown once (create / rotate). */
export interface ChatChannel {
  id: string;
  name: string;
  active: boolean;
  teamId: string | null;
  calendarId: string | null;
  availability: z.infer<typeof ChatAvailability>;
  allowedOrigins: string[];
  color: string;
  texts: z.infer<typeof CreateChatChannelBody>['texts'];
  preChatForm: z.infer<typeof ChatPreChatForm>;
  maxUploadBytes: number;
  allowedUploadTypes: string[];
  missedAfterSeconds: number;
  hasIdentitySecret: boolean;
  /** `<script src="https://HOST/widget.js" data-channel="…" async></script>` for this server. */
  snippet: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Identity the customer's website passes for a signed-in user. `signature` is the lower-case
 * hex HMAC-SHA256, keyed with the channel's identity secret, of `${userId}:${email}:${timestamp}`
 * (timestamp in Unix seconds; accepted for 10 minutes).
 */
export const ChatIdentity = z.strictObject({
  userId: z.string().min(1).max(200),
  email: Email,
  name: Text(200).optional(),
  timestamp: z.number().int().positive(),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

/** What the iframe app reads before it shows anything (public; 404 when inactive or unknown). */
export interface ChatWidgetConfig {
  channelId: string;
  name: string;
  color: string;
  locale: 'en' | 'de';
  greeting: string;
  offlineMessage: string;
  /** Whether a live chat is offered right now; false shows the offline form (unless the answer bot answers first). */
  online: boolean;
  /** The answer bot answers the visitor's questions before an agent is asked, also while nobody is online. */
  bot: boolean;
  preChatForm: z.infer<typeof ChatPreChatForm>;
  maxUploadBytes: number;
  allowedUploadTypes: string[];
}

/** Starts or resumes a visitor session. `token` resumes; a signed identity links the known contact. */
export const ChatSessionBody = z.strictObject({
  token: z.string().min(20).max(200).optional(),
  identity: ChatIdentity.optional(),
  locale: Locale.optional(),
  page: z.strictObject({ url: z.string().max(2000), title: Text(300).optional() }).optional(),
});

export interface ChatSession {
  /** Opaque bearer token for this visitor on this channel only; the widget keeps it across reloads. */
  token: string;
  visitorId: string;
  /** The open conversation, if any (the widget resumes it). */
  conversation: ChatConversationSummary | null;
}

/** `bot`: the answer bot is answering; `waiting`: in the agents' queue; `active`: an agent took it. */
export type ChatConversationStatus = 'bot' | 'waiting' | 'active' | 'ended';

export interface ChatConversationSummary {
  id: string;
  status: ChatConversationStatus;
  agent: { name: string } | null;
  /** Highest message sequence number so far. */
  lastSeq: number;
  /** The agents have read the visitor's messages up to this sequence number (read ticks after a reload). */
  agentReadSeq: number;
  /** The satisfaction survey offered when a served chat ended; null otherwise. */
  survey: ChatSurveyOffer | null;
}

/** The CSAT question the widget shows after a served chat; answered with `POST /api/v1/surveys/:token`. */
export interface ChatSurveyOffer {
  token: string;
  /** 2 (good/bad), 3 or 5 points. */
  scale: 2 | 3 | 5;
  question: string;
}

export const ChatPreChatAnswers = z.strictObject({
  name: Text(200).optional(),
  email: Email.optional(),
  topic: Text(80).optional(),
});

/** The form shown when nobody is online: always creates a ticket answered by email. */
export const ChatOfflineBody = z.strictObject({
  token: z.string().min(20).max(200).optional(),
  name: Text(200).optional(),
  email: Email,
  message: NonEmptyText(CHAT_MESSAGE_MAX),
});

export const ChatTranscriptBody = z.strictObject({ email: Email.optional() });

export interface ChatAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** For the widget: `/api/v1/chat/attachments/:id`, fetched with `?token=<session token>`. For agents: the ticket attachment URL. */
  url: string;
}

/**
 * What the answer bot said, beside the message's plain text: the answer alone, the articles it
 * links to, and whether it asks "Did this answer your question?" (Yes / No / Talk to a person).
 * `answer` may cite articles as `[n]`, matching `articles[].n`.
 */
export interface ChatBotContent {
  kind: 'answer' | 'no_answer' | 'confirmed' | 'handover' | 'offline';
  answer: string;
  articles: BotArticleLink[];
  ask: boolean;
}

export interface ChatMessage {
  id: string;
  /** Per-conversation order, 1, 2, 3 … without gaps. */
  seq: number;
  /** The sender's own id for a visitor message, so the widget drops duplicates. */
  clientId: string | null;
  author: 'visitor' | 'agent' | 'bot' | 'system';
  authorName: string;
  text: string;
  attachments: ChatAttachment[];
  at: string;
  /** Set on the answer bot's messages. */
  bot?: ChatBotContent;
}

/** Messages the widget sends over its WebSocket (`/api/v1/chat/ws?token=…`). */
export const VisitorClientMessage = z.discriminatedUnion('type', [
  /** First message on every (re)connect: the server replays everything after `lastSeq`. */
  z.strictObject({ type: z.literal('hello'), lastSeq: z.number().int().min(0) }),
  /** Opens a conversation (with the pre-chat answers); the first `message` also opens one. */
  z.strictObject({ type: z.literal('start'), form: ChatPreChatAnswers.optional() }),
  z.strictObject({
    type: z.literal('message'),
    clientId: Uuid,
    text: Text(CHAT_MESSAGE_MAX),
    attachmentIds: z.array(Uuid).max(5).default([]),
  }),
  z.strictObject({ type: z.literal('typing'), typing: z.boolean() }),
  /** The visitor has seen every message up to `seq`. */
  z.strictObject({ type: z.literal('read'), seq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('end') }),
  z.strictObject({ type: z.literal('ping') }),
  /** The visitor's answer to the bot: it helped (`yes`), it did not (`no`), or they want a person (`human`). */
  z.strictObject({ type: z.literal('bot'), action: z.enum(['yes', 'no', 'human']) }),
]);
export type VisitorClientMessage = z.infer<typeof VisitorClientMessage>;

/** Messages the server sends to the widget. */
export type VisitorServerMessage =
  | { type: 'welcome'; visitorId: string; conversation: ChatConversationSummary | null; online: boolean }
  | { type: 'message'; conversationId: string; message: ChatMessage }
  /** The visitor's message with this clientId is stored (sent after commit, never before). */
  | { type: 'ack'; clientId: string; id: string; seq: number; at: string }
  | { type: 'typing'; name: string; typing: boolean }
  /** The agent has read the visitor's messages up to `seq`. */
  | { type: 'read'; seq: number }
  | { type: 'status'; conversation: ChatConversationSummary }
  | { type: 'online'; online: boolean }
  | { type: 'pong' }
  | { type: 'error'; code: 'invalid' | 'rate_limited' | 'too_large' | 'ended' | 'unauthorized'; message: string };

/** Agent actions on a chat (REST under /api/v1/chats/:ticketId/…). */
export const ChatTransferBody = z.union([z.strictObject({ agentId: Uuid }), z.strictObject({ teamId: Uuid })]);

/** Chat-specific messages on the agent WebSocket (/ws), beside the ticket events. */
export type AgentChatServerMessage =
  /** A waiting chat the agent may take: shown as a ringing notification. */
  | { type: 'chat.ring'; ticketId: string; number: number; visitorName: string; preview: string; channelName: string; waitingSince: string }
  /** The ring stopped (accepted by someone, transferred, or the visitor left). */
  | { type: 'chat.ring_stopped'; ticketId: string }
  | { type: 'chat.typing'; ticketId: string; typing: boolean; preview: string }
  | { type: 'chat.read'; ticketId: string; seq: number }
  | { type: 'chat.message'; ticketId: string; message: ChatMessage };

export const AgentChatClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('chat.typing'), ticketId: Uuid, typing: z.boolean() }),
  z.strictObject({ type: z.literal('chat.read'), ticketId: Uuid, seq: z.number().int().min(0) }),
]);
export type AgentChatClientMessage = z.infer<typeof AgentChatClientMessage>;

/** Which chats `GET /api/v1/chats?status=…` lists: waiting for an agent, accepted and going on, or still with the answer bot. */
export const ChatListQuery = z.strictObject({ status: z.enum(['waiting', 'active', 'bot']).default('waiting') });

/** One chat in the agent's Chats list: `GET /api/v1/chats?status=waiting|active` → `{ data: ChatListItem[] }`. */
export interface ChatListItem {
  /** The chat ticket (the conversation lives on it). */
  ticketId: string;
  number: number;
  status: ChatConversationStatus;
  channelId: string;
  channelName: string;
  visitorName: string;
  /** The agent who accepted it; null while it waits. */
  agent: { id: string; name: string } | null;
  /** The last message's text, shortened. */
  preview: string;
  /** When the conversation opened (waiting time counts from here). */
  startedAt: string;
  lastMessageAt: string | null;
  /** Highest message sequence number so far. */
  lastSeq: number;
  /** The visitor has read every message up to this sequence number. */
  visitorReadSeq: number;
}

/**
 * One chat with its conversation, for the chat ticket's page: `GET /api/v1/chats/:ticketId`
 * (404 for a ticket without a chat or one the agent may not see).
 */
export interface ChatDetail extends ChatListItem {
  conversationId: string;
  /** The agents have read the visitor's messages up to this sequence number. */
  agentReadSeq: number;
  endedAt: string | null;
  visitor: { name: string; email: string | null; verified: boolean };
  /** The latest messages in order (at most 500), attachments linked for agents. */
  messages: ChatMessage[];
  /** What the answer bot did in this chat (its outcome and the articles it suggested); null when it took no part. */
  bot: ChatBotSummary | null;
}

/** A chat channel right after it was created: the identity secret, shown this once. */
export interface CreatedChatChannel extends ChatChannel {
  secret: string;
}
