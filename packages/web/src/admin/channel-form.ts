import { AutoAckSettings, CreateEmailChannelBody } from '@servus/shared';
import type { TFunction } from 'i18next';
import type { EmailChannel } from '../api/types';

const MB = 1024 * 1024;

/** What the channel dialog edits. Numbers stay as typed (`''` while empty); secrets start empty. */
export interface ChannelFormState {
  name: string;
  address: string;
  displayName: string;
  active: boolean;
  teamId: string | null;
  calendarId: string | null;
  imapOn: boolean;
  imap: { host: string; port: number | string; secure: boolean; user: string; password: string; mailbox: string; deleteAfterImport: boolean };
  smtpOn: boolean;
  smtp: { host: string; port: number | string; secure: boolean; user: string; password: string; clearPassword: boolean };
  autoAck: { enabled: boolean; subject: string; body: string };
  dkimOn: boolean;
  dkim: { domain: string; selector: string; privateKey: string };
  maxMb: number | string;
}

/** Every field the server may name in a 400, most specific first (the first prefix match wins). */
export const CHANNEL_FIELDS = [
  'name', 'address', 'displayName', 'active', 'teamId', 'calendarId',
  'imap.host', 'imap.port', 'imap.secure', 'imap.user', 'imap.password', 'imap.mailbox', 'imap.deleteAfterImport', 'imap',
  'smtp.host', 'smtp.port', 'smtp.secure', 'smtp.user', 'smtp.password', 'smtp',
  'autoAck.enabled', 'autoAck.subject', 'autoAck.body', 'autoAck',
  'dkim.domain', 'dkim.selector', 'dkim.privateKey', 'dkim',
  'maxMessageBytes',
] as const;

/** The ports that go with TLS on or off, so switching TLS can move a default port along. */
export const IMAP_PORTS = { tls: 993, plain: 143 } as const;
export const SMTP_PORTS = { tls: 465, plain: 587 } as const;

/** The size limit in MB as shown in the form (up to two decimals). */
export function bytesToMb(bytes: number): number {
  return Math.round((bytes / MB) * 100) / 100;
}

/** The form's starting values: the channel's settings, or the server's defaults for a new one. */
export function initialChannelState(channel: EmailChannel | null): ChannelFormState {
  const ack = channel?.autoAck ?? AutoAckSettings.parse({});
  return {
    name: channel?.name ?? '',
    address: channel?.address ?? '',
    displayName: channel?.displayName ?? '',
    active: channel?.active ?? true,
    teamId: channel?.teamId ?? null,
    calendarId: channel?.calendarId ?? null,
    imapOn: channel ? !!channel.imap : true,
    imap: {
      host: channel?.imap?.host ?? '',
      port: channel?.imap?.port ?? IMAP_PORTS.tls,
      secure: channel?.imap?.secure ?? true,
      user: channel?.imap?.user ?? '',
      password: '',
      mailbox: channel?.imap?.mailbox ?? 'INBOX',
      deleteAfterImport: channel?.imap?.deleteAfterImport ?? false,
    },
    smtpOn: channel ? !!channel.smtp : true,
    smtp: {
      host: channel?.smtp?.host ?? '',
      port: channel?.smtp?.port ?? SMTP_PORTS.plain,
      secure: channel?.smtp?.secure ?? false,
      user: channel?.smtp?.user ?? '',
      password: '',
      clearPassword: false,
    },
    autoAck: { enabled: ack.enabled, subject: ack.subject, body: ack.body },
    dkimOn: !!channel?.dkim,
    dkim: { domain: channel?.dkim?.domain ?? '', selector: channel?.dkim?.selector ?? '', privateKey: '' },
    maxMb: bytesToMb(channel?.maxMessageBytes ?? 25 * MB),
  };
}

const port = (v: number | string) => (v === '' ? undefined : Number(v));
/** A typed secret is sent; an empty one is left out so the stored one stays; `clear` sends null. */
const secret = (value: string, clear = false) => (clear ? null : value === '' ? undefined : value);

/**
 * The request body for POST (new) or PATCH (existing). Secrets the admin did not type are left
 * out, so the server keeps them; the size limit is only sent on PATCH when it was changed.
 */
export function channelBody(s: ChannelFormState, channel: EmailChannel | null): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: s.name,
    address: s.address,
    displayName: s.displayName,
    active: s.active,
    teamId: s.teamId,
    calendarId: s.calendarId,
    imap: s.imapOn
      ? { host: s.imap.host, port: port(s.imap.port), secure: s.imap.secure, user: s.imap.user, password: secret(s.imap.password), mailbox: s.imap.mailbox, deleteAfterImport: s.imap.deleteAfterImport }
      : null,
    smtp: s.smtpOn
      ? { host: s.smtp.host, port: port(s.smtp.port), secure: s.smtp.secure, user: s.smtp.user, password: secret(s.smtp.password, s.smtp.clearPassword) }
      : null,
    autoAck: { enabled: s.autoAck.enabled, subject: s.autoAck.subject, body: s.autoAck.body },
    dkim: s.dkimOn ? { domain: s.dkim.domain, selector: s.dkim.selector, privateKey: secret(s.dkim.privateKey) } : null,
  };
  const mbChanged = !channel || Number(s.maxMb) !== bytesToMb(channel.maxMessageBytes);
  if (mbChanged) body.maxMessageBytes = s.maxMb === '' ? NaN : Math.round(Number(s.maxMb) * MB);
  return body;
}

/** Which field an issue path (`imap.host`, `maxMessageBytes`, …) belongs to. */
export function fieldOf(path: string): string {
  return CHANNEL_FIELDS.find((f) => path === f || path.startsWith(`${f}.`)) ?? path;
}

/**
 * Checks the form in the browser by the same rules the server applies (the shared schema), in the
 * agent's language. Also asks for a DKIM key when signing is switched on and none is stored.
 */
export function validateChannel(s: ChannelFormState, channel: EmailChannel | null, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  const result = CreateEmailChannelBody.safeParse(channelBody(s, null));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path.join('.'));
      if (out[field]) continue;
      out[field] = issue.code === 'too_big' && field !== 'maxMessageBytes' && field !== 'imap.port' && field !== 'smtp.port'
        ? t('channels.errors.tooLong', { max: Number((issue as { maximum?: number | bigint }).maximum ?? 0) })
        : fieldMessage(field, t) ?? issue.message;
    }
  }
  if (s.dkimOn && !s.dkim.privateKey.trim() && !channel?.dkim?.hasPrivateKey) out['dkim.privateKey'] ??= t('channels.errors.privateKey');
  return out;
}

function fieldMessage(field: string, t: TFunction): string | undefined {
  switch (field) {
    case 'name':
    case 'imap.user':
    case 'imap.mailbox':
    case 'autoAck.subject':
    case 'autoAck.body':
      return t('validation.required');
    case 'address':
      return t('channels.errors.address');
    case 'imap.host':
    case 'smtp.host':
    case 'dkim.domain':
      return t('channels.errors.host');
    case 'imap.port':
    case 'smtp.port':
      return t('channels.errors.port');
    case 'dkim.selector':
      return t('channels.errors.selector');
    case 'maxMessageBytes':
      return t('channels.errors.maxSize');
    default:
      return undefined;
  }
}
