import type { ImapFlowOptions } from 'imapflow';
import type { ImapConfig } from '../../channels/schema.ts';

/** A host on this machine: the only place a connection may stay unencrypted. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * imapflow options for a channel's mailbox. `secure` means TLS from the first byte; otherwise
 * STARTTLS is required, so a password never crosses the network in clear text. Only a server
 * on this machine may be spoken to without TLS.
 */
export function imapClientOptions(cfg: ImapConfig, extra: Partial<ImapFlowOptions> = {}): ImapFlowOptions {
  return {
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    doSTARTTLS: cfg.secure ? undefined : !isLoopbackHost(cfg.host),
    auth: { user: cfg.user, pass: cfg.password ?? '' },
    logger: false,
    ...extra,
  };
}

interface ErrorLike {
  message?: string;
  code?: string;
  responseText?: string;
  serverResponseCode?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  mailboxMissing?: boolean;
  reason?: string;
}

/** Server text, without control characters and of a length fit for an admin's screen. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 300);
}

/**
 * What went wrong talking to a mailbox, in words an admin can act on (host unreachable, login
 * refused, mailbox not found, …). Never includes the password.
 */
export function describeImapError(err: unknown, cfg: Pick<ImapConfig, 'host' | 'port' | 'user' | 'mailbox'>, timeoutSeconds?: number): string {
  const e: ErrorLike = err && typeof err === 'object' ? (err as ErrorLike) : { message: String(err) };
  const where = `${cfg.host}:${cfg.port}`;
  const server = e.responseText ? clean(e.responseText) : '';
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return `Login refused for ${cfg.user}${server ? ` (server said: ${server})` : ''}`;
  }
  if (e.mailboxMissing || e.serverResponseCode === 'NONEXISTENT') return `Mailbox "${clean(cfg.mailbox)}" not found`;
  const within = timeoutSeconds ? ` within ${timeoutSeconds} s` : '';
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Cannot connect to ${where}: connection refused`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot connect: host ${clean(cfg.host)} not found`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Cannot connect to ${where}: host unreachable`;
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
      return `Cannot connect to ${where}: no answer${within}`;
    case 'GREETING_TIMEOUT':
      return `${where} accepted the connection but sent no IMAP greeting${within}`;
    case 'ETIMEOUT':
      return `${where} stopped answering${within}`;
    case 'ECONNRESET':
    case 'EConnectionClosed':
    case 'NoConnection':
    case 'ClosedAfterConnectText':
      return `The connection to ${where} was closed${e.reason ? ` (server said: ${clean(e.reason)})` : ''}`;
    case 'ClosedAfterConnectTLS':
      return `The connection to ${where} was closed during the TLS handshake; is this the right port for "secure"?`;
  }
  const message = clean(e.message ?? 'unknown error');
  if (e.tlsFailed || /STARTTLS/i.test(message)) return `TLS with ${where} failed: ${message}`;
  if (/ssl|tls|certificate|CERT_|self[- ]signed/i.test(`${e.code ?? ''} ${message}`)) return `TLS with ${where} failed: ${message}`;
  return server ? `IMAP error from ${where}: ${server}` : `IMAP error with ${where}: ${message}`;
}
