import { z } from 'zod';
import { Email, NonEmptyText, PageQuery, Text, Uuid } from './common.ts';

/** A host name or IP literal; no scheme, path or spaces. */
const Host = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(253).regex(/^[A-Za-z0-9.\-:[\]]+$/, 'a host name, without scheme or path'));
const Port = z.number().int().min(1).max(65535);
/** Secrets are write-only: omit to keep the stored one, send null to clear it. */
const Secret = z.string().min(1).max(10_000).nullable().optional();

export const ImapSettings = z.strictObject({
  host: Host,
  port: Port.default(993),
  /** TLS from the first byte (993); false means STARTTLS (143), which is required unless the host is this machine. */
  secure: z.boolean().default(true),
  user: NonEmptyText(254),
  password: Secret,
  mailbox: NonEmptyText(200).default('INBOX'),
  /** Delete a message from the server once it is safely stored (otherwise it stays). */
  deleteAfterImport: z.boolean().default(false),
});

export const SmtpSettings = z.strictObject({
  host: Host,
  port: Port.default(587),
  /** TLS from the first byte (465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: Text(254).optional(),
  password: Secret,
});

export const AutoAckSettings = z.strictObject({
  enabled: z.boolean().default(false),
  /** `{{number}}` is replaced by the ticket number; the customer's own text is never echoed. */
  subject: NonEmptyText(200).default('[#{{number}}] Wir haben Ihre Anfrage erhalten / We received your request'),
  body: NonEmptyText(5000).default(
    'Vielen Dank für Ihre Nachricht. Ihre Anfrage hat die Nummer #{{number}}; wir melden uns so bald wie möglich.\n\nThank you for your message. Your request number is #{{number}}; we will get back to you as soon as we can.',
  ),
});

export const DkimSettings = z.strictObject({
  domain: Host,
  selector: NonEmptyText(63).pipe(z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore')),
  /** PEM private key; write-only. */
  privateKey: Secret,
});

export const MAIL_SIZE_DEFAULT = 25 * 1024 * 1024;

export const CreateEmailChannelBody = z.strictObject({
  name: NonEmptyText(100),
  address: Email,
  /** Shown as the sender name of outbound mail, e.g. "Firma Support". */
  displayName: Text(100).optional(),
  active: z.boolean().default(true),
  /** New tickets from this channel go to this team. */
  teamId: Uuid.nullable().optional(),
  /** Business hours of tickets from this channel (see calendars.ts); null: none. */
  calendarId: Uuid.nullable().optional(),
  imap: ImapSettings.nullable().optional(),
  smtp: SmtpSettings.nullable().optional(),
  autoAck: AutoAckSettings.optional(),
  dkim: DkimSettings.nullable().optional(),
  maxMessageBytes: z.number().int().min(64 * 1024).max(100 * 1024 * 1024).default(MAIL_SIZE_DEFAULT),
});
export const UpdateEmailChannelBody = z.strictObject({
  name: NonEmptyText(100).optional(),
  address: Email.optional(),
  displayName: Text(100).optional(),
  active: z.boolean().optional(),
  teamId: Uuid.nullable().optional(),
  /** Business hours of tickets from this channel (see calendars.ts); null: none. */
  calendarId: Uuid.nullable().optional(),
  imap: ImapSettings.nullable().optional(),
  smtp: SmtpSettings.nullable().optional(),
  autoAck: AutoAckSettings.optional(),
  dkim: DkimSettings.nullable().optional(),
  maxMessageBytes: z.number().int().min(64 * 1024).max(100 * 1024 * 1024).optional(),
});
export type CreateEmailChannelInput = z.infer<typeof CreateEmailChannelBody>;
export type UpdateEmailChannelInput = z.infer<typeof UpdateEmailChannelBody>;

export const INBOUND_STATUSES = ['pending', 'processed', 'failed', 'quarantined', 'ignored'] as const;
export const InboundStatus = z.enum(INBOUND_STATUSES);
export const InboundListQuery = z.strictObject({
  ...PageQuery,
  channelId: Uuid.optional(),
  status: InboundStatus.optional(),
});

export const OUTBOUND_STATUSES = ['queued', 'sent', 'failed', 'suppressed'] as const;
export const OutboundStatus = z.enum(OUTBOUND_STATUSES);
export const OutboundListQuery = z.strictObject({
  ...PageQuery,
  channelId: Uuid.optional(),
  status: OutboundStatus.optional(),
  ticketId: Uuid.optional(),
});

/** Response shapes (the server's presenters return exactly these). */
export interface EmailChannel {
  id: string;
  kind: 'email';
  name: string;
  address: string;
  displayName: string;
  active: boolean;
  teamId: string | null;
  calendarId: string | null;
  imap: { host: string; port: number; secure: boolean; user: string; mailbox: string; deleteAfterImport: boolean; hasPassword: boolean } | null;
  smtp: { host: string; port: number; secure: boolean; user: string; hasPassword: boolean } | null;
  autoAck: { enabled: boolean; subject: string; body: string };
  dkim: { domain: string; selector: string; hasPrivateKey: boolean } | null;
  maxMessageBytes: number;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionCheck {
  ok: boolean;
  /** What went wrong, in the server's words (host unreachable, login refused, …). */
  message: string;
  /** IMAP only: messages in the configured mailbox. */
  messages?: number;
}
export interface ChannelTestResult {
  imap: ConnectionCheck | null;
  smtp: ConnectionCheck | null;
}

export interface ChannelMailHealth {
  channelId: string;
  name: string;
  address: string;
  active: boolean;
  imapConfigured: boolean;
  lastFetchAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** An IMAP channel that has not fetched for over 15 minutes. */
  stale: boolean;
  backlog: number;
  failed: number;
  quarantined: number;
  outboundQueued: number;
  outboundFailed: number;
  /** Our own outbound mail came back in (an alias or forward loops to the mailbox). */
  loopWarnings: number;
  lastLoopAt: string | null;
}
export interface MailHealth {
  channels: ChannelMailHealth[];
}

export interface InboundMail {
  id: string;
  channelId: string;
  source: 'imap' | 'smtp' | 'upload';
  status: (typeof INBOUND_STATUSES)[number];
  /** Why it was quarantined, failed or ignored (machine code; see `detail`). */
  reason: string | null;
  detail: string | null;
  attempts: number;
  messageId: string | null;
  subject: string | null;
  from: string | null;
  size: number;
  ticketId: string | null;
  ticketNumber: number | null;
  receivedAt: string;
  processedAt: string | null;
}

export interface OutboundMail {
  id: string;
  channelId: string;
  ticketId: string | null;
  kind: 'reply' | 'auto_ack';
  to: string[];
  cc: string[];
  subject: string;
  messageId: string;
  status: (typeof OUTBOUND_STATUSES)[number];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** Mail details of a message that came in or went out by email (null for other messages). */
export interface MessageEmailInfo {
  from: { name: string; address: string } | null;
  to: string[];
  cc: string[];
  messageId: string | null;
  /** SPF/DKIM/DMARC as evaluated on arrival; `aligned` is false when the From domain failed DMARC alignment. */
  auth: { spf: string; dkim: string; dmarc: string; aligned: boolean } | null;
  /** The message was an auto-reply, list or bulk mail (no auto-acknowledgement was sent). */
  automated: boolean;
  /** A delivery status notification: the recipient address is undeliverable. */
  bounce: { recipient: string; status: string; action: string } | null;
  /** The HTML refers to remote images, which are blocked until the agent allows them. */
  hasRemoteImages: boolean;
  /** This mail referred to another ticket, whose participant the sender is not; it was opened here instead. */
  relatedTicket: { id: string; number: number } | null;
  /** Outbound only: delivery state of the mail. */
  delivery: { status: (typeof OUTBOUND_STATUSES)[number]; lastError: string | null } | null;
}
