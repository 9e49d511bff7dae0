import type { ChatChannel } from '@servus/shared';
import type { TFunction } from 'i18next';

/** What the chat channel dialog edits; numbers as typed. */
export interface ChatChannelFormState {
  name: string;
  active: boolean;
  color: string;
  teamId: string | null;
  calendarId: string | null;
  availability: 'agents_online' | 'business_hours';
  allowedOrigins: string[];
  texts: { en: { greeting: string; offlineMessage: string }; de: { greeting: string; offlineMessage: string } };
  preChatEnabled: boolean;
  askName: boolean;
  requireEmail: boolean;
  topics: string[];
  /** Largest upload in megabytes. */
  maxUploadMb: string;
  allowedUploadTypes: string[];
  missedAfterSeconds: string;
}

export const DEFAULT_UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'];
const MB = 1024 * 1024;
export const MAX_UPLOAD_MB = 25;

/** The dialog's starting values: the channel's settings, or the defaults for a new one. */
export function initialChatChannelState(c: ChatChannel | null): ChatChannelFormState {
  return {
    name: c?.name ?? '',
    active: c?.active ?? true,
    color: c?.color ?? '#1c7ed6',
    teamId: c?.teamId ?? null,
    calendarId: c?.calendarId ?? null,
    availability: c?.availability ?? 'agents_online',
    allowedOrigins: [...(c?.allowedOrigins ?? [])],
    texts: {
      en: { greeting: c?.texts.en.greeting ?? '', offlineMessage: c?.texts.en.offlineMessage ?? '' },
      de: { greeting: c?.texts.de.greeting ?? '', offlineMessage: c?.texts.de.offlineMessage ?? '' },
    },
    preChatEnabled: c?.preChatForm.enabled ?? false,
    askName: c?.preChatForm.askName ?? true,
    requireEmail: c?.preChatForm.requireEmail ?? false,
    topics: [...(c?.preChatForm.topics ?? [])],
    maxUploadMb: String(Math.round(((c?.maxUploadBytes ?? 10 * MB) / MB) * 10) / 10),
    allowedUploadTypes: [...(c?.allowedUploadTypes ?? DEFAULT_UPLOAD_TYPES)],
    missedAfterSeconds: String(c?.missedAfterSeconds ?? 120),
  };
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+*-]+$/;

/**
 * `https://www.example.com` from what an admin pastes: a whole page URL keeps only its origin,
 * a bare host gets https. Null when it cannot be an origin.
 */
export function normalizeOrigin(input: string): string | null {
  let v = input.trim().toLowerCase();
  if (!v) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(v) && !/^https?:\/\//.test(v)) return null;
  if (!/^https?:\/\//.test(v)) v = `https://${v}`;
  try {
    const u = new URL(v);
    const origin = `${u.protocol}//${u.host}`;
    return ORIGIN.test(origin) ? origin : null;
  } catch {
    return null;
  }
}

/** The request body for POST and PATCH. */
export function chatChannelBody(s: ChatChannelFormState): Record<string, unknown> {
  return {
    name: s.name.trim(),
    active: s.active,
    color: s.color,
    teamId: s.teamId,
    calendarId: s.calendarId,
    availability: s.availability,
    allowedOrigins: s.allowedOrigins,
    texts: {
      en: { greeting: s.texts.en.greeting.trim(), offlineMessage: s.texts.en.offlineMessage.trim() },
      de: { greeting: s.texts.de.greeting.trim(), offlineMessage: s.texts.de.offlineMessage.trim() },
    },
    preChatForm: { enabled: s.preChatEnabled, askName: s.askName, requireEmail: s.requireEmail, topics: s.topics },
    maxUploadBytes: Math.round(Number(s.maxUploadMb.replace(',', '.')) * MB),
    allowedUploadTypes: s.allowedUploadTypes,
    missedAfterSeconds: Number(s.missedAfterSeconds),
  };
}

/** The fields the server's error paths can land on, most specific first. */
export const CHAT_CHANNEL_FIELDS = [
  'name',
  'color',
  'teamId',
  'calendarId',
  'availability',
  'allowedOrigins',
  'texts.en.greeting',
  'texts.en.offlineMessage',
  'texts.de.greeting',
  'texts.de.offlineMessage',
  'preChatForm.topics',
  'preChatForm',
  'maxUploadBytes',
  'allowedUploadTypes',
  'missedAfterSeconds',
];

/** Checks the form in the browser before sending, in the admin's language. */
export function validateChatChannel(s: ChatChannelFormState, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.name.trim()) out.name = t('validation.required');
  else if (s.name.trim().length > 100) out.name = t('chat.admin.errors.nameLength');
  if (!/^#[0-9a-fA-F]{6}$/.test(s.color)) out.color = t('chat.admin.errors.color');
  const bad = s.allowedOrigins.filter((o) => !ORIGIN.test(o));
  if (bad.length) out.allowedOrigins = t('chat.admin.errors.origin', { origin: bad[0] });
  if (s.availability === 'business_hours' && !s.calendarId) out.calendarId = t('chat.admin.errors.calendar');
  for (const lang of ['en', 'de'] as const) {
    if (s.texts[lang].greeting.length > 500) out[`texts.${lang}.greeting`] = t('chat.admin.errors.textLength');
    if (s.texts[lang].offlineMessage.length > 500) out[`texts.${lang}.offlineMessage`] = t('chat.admin.errors.textLength');
  }
  const mb = Number(s.maxUploadMb.replace(',', '.'));
  if (s.maxUploadMb.trim() === '' || !Number.isFinite(mb) || mb < 0 || mb > MAX_UPLOAD_MB) out.maxUploadBytes = t('chat.admin.errors.upload', { max: MAX_UPLOAD_MB });
  const badType = s.allowedUploadTypes.find((x) => !CONTENT_TYPE.test(x));
  if (badType) out.allowedUploadTypes = t('chat.admin.errors.type', { type: badType });
  const missed = Number(s.missedAfterSeconds);
  if (!/^\d+$/.test(s.missedAfterSeconds.trim()) || missed < 10 || missed > 3600) out.missedAfterSeconds = t('chat.admin.errors.missed');
  return out;
}
