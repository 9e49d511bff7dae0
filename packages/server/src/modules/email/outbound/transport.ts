import nodemailer, { type SMTPTransportOptions, type Transporter } from 'nodemailer';
import type { channels, SmtpConfig } from '../../channels/schema.ts';

type ChannelRow = typeof channels.$inferSelect;

/** How long connecting and the server's greeting may take before we give up. */
export const SMTP_CONNECT_TIMEOUT_MS = 10_000;

/** Connection options for a channel's SMTP server; the password never goes anywhere else. */
export function smtpOptions(cfg: SmtpConfig, timeouts: { connect: number; socket: number }): SMTPTransportOptions {
  return {
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    auth: cfg.user ? { user: cfg.user, pass: cfg.password ?? '' } : undefined,
    connectionTimeout: timeouts.connect,
    greetingTimeout: timeouts.connect,
    socketTimeout: timeouts.socket,
    // Attachments are our own blob files; nothing we send may make nodemailer fetch a URL.
    disableUrlAccess: true,
  };
}

const transports = new Map<string, { key: string; transport: Transporter }>();

/**
 * The pooled transport of a channel, built once per version of its settings: the cache key is
 * the channel id plus `updatedAt`, so a changed server, password or DKIM key takes effect with
 * the next mail, and the old pool is closed.
 */
export function channelTransport(channel: ChannelRow): Transporter {
  if (!channel.smtp) throw new Error(`channel ${channel.id} has no SMTP settings`);
  const key = `${channel.id}:${channel.updatedAt.getTime()}`;
  const cached = transports.get(channel.id);
  if (cached?.key === key) return cached.transport;
  cached?.transport.close();
  const dkim = channel.dkim?.privateKey
    ? { domainName: channel.dkim.domain, keySelector: channel.dkim.selector, privateKey: channel.dkim.privateKey }
    : undefined;
  const transport = nodemailer.createTransport({
    ...smtpOptions(channel.smtp, { connect: SMTP_CONNECT_TIMEOUT_MS, socket: 60_000 }),
    pool: true,
    maxConnections: 2,
    dkim,
  });
  transports.set(channel.id, { key, transport });
  return transport;
}

/** Drops a channel's pooled transport, e.g. after a connection or login failure. */
export function dropChannelTransport(channelId: string): void {
  const cached = transports.get(channelId);
  if (!cached) return;
  transports.delete(channelId);
  cached.transport.close();
}

/** Closes every pooled SMTP connection; call on shutdown. */
export function closeOutboundTransports(): void {
  for (const { transport } of transports.values()) transport.close();
  transports.clear();
}
