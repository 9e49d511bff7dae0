/** One parsed mailbox: a display name (may be empty) and a normalized address. */
export interface MailAddress {
  name: string;
  /** Lower case, trimmed, domain in its ASCII (punycode) form. */
  address: string;
}

/** An attachment already streamed into content-addressed storage. */
export interface ParsedAttachment {
  sha256: string;
  size: number;
  /** Display name only (safeFilename); the blob is stored under its hash. */
  filename: string;
  /** The type sniffed from content when known, else the declared type (never trusted for inline rendering). */
  contentType: string;
  /** `Content-ID` without angle brackets. */
  contentId: string | null;
  /** Shown inside the body: a raster image with disposition inline or referenced as `cid:`. */
  inline: boolean;
}

/** Delivery status of a bounce (RFC 3464 DSN or a best-effort read of a plain bounce). */
export interface DeliveryStatus {
  /** The failed recipient, `rfc822;` stripped, lower case; '' when unknown. */
  recipient: string;
  /** `failed`, `delayed`, `delivered`, … lower case; '' when unknown. */
  action: string;
  /** Enhanced status code such as `5.1.1`; '' when unknown. */
  status: string;
  /** Message-ID (without <>) of the message that bounced. */
  originalMessageId: string | null;
}

/** Why a message was not parsed in full (see ParseLimits); the caller attaches the raw .eml. */
export type LimitReason = 'parts' | 'depth' | 'header_bytes' | 'html' | 'text';

/**
 * The result of parsing one raw message. Plain data only, so it crosses a worker boundary
 * (structured clone) unchanged.
 *
 * `warnings` holds machine codes: `charset` (unknown charset, decoded as Latin-1),
 * `parse_error` (the MIME stream broke off; text is a placeholder and the caller attaches the
 * raw .eml), `html_too_large` and `html_too_deep` (HTML dropped, `limited: 'html'`),
 * `mime_malformed` (no or unclosed multipart boundary, invalid base64 or quoted-printable, unknown
 * transfer encoding: text is best effort, attach the raw .eml), `attachment_failed`,
 * `attachment_too_large`, `uuencode`, `tnef`, `invalid_message_id`, `empty`.
 */
export interface ParsedMail {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  subject: string;
  /** ISO 8601, or null when missing or unreadable. */
  date: string | null;
  from: MailAddress[];
  /** `From:` lines in the top-level header block; more than one is an attack (SECURITY 14). */
  fromHeaderCount: number;
  sender: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** `Delivered-To` and `X-Original-To` addresses, normalized, without duplicates. */
  deliveredTo: string[];
  /** '' for the null sender `<>`; null when there is no Return-Path. */
  returnPath: string | null;
  /** Addresses dropped as invalid across all address headers. */
  invalidAddresses: number;
  /** Selected top-level headers (lower-case names, first occurrence, unfolded, ≤ 1000 chars). */
  headers: Record<string, string>;
  text: string;
  /** Sanitized with the e-mail allowlist; '' when there is no HTML or it was over the limit. */
  html: string;
  hasRemoteImages: boolean;
  attachments: ParsedAttachment[];
  dsn: DeliveryStatus | null;
  limited: LimitReason | null;
  warnings: string[];
}
