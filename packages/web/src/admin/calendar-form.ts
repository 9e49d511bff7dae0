import { CreateCalendarBody } from '@servus/shared';
import type { TFunction } from 'i18next';
import type { Calendar } from '../api/types';

/** `Date#getDay` numbers, in the order the editor shows them: Monday first. */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '0'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface IntervalState {
  start: string;
  end: string;
}
export interface ClosureState {
  date: string;
  from: string;
  until: string;
  note: string;
}

/** What the calendar dialog edits; a day with no intervals is closed, empty strings are unset. */
export interface CalendarFormState {
  name: string;
  timeZone: string;
  weekly: Record<Weekday, IntervalState[]>;
  country: string | null;
  state: string | null;
  region: string | null;
  closures: ClosureState[];
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
const OFFICE_HOURS: IntervalState = { start: '09:00', end: '17:00' };

/** The form's starting values: the calendar's settings, or Mon–Fri 09:00–17:00 in Berlin. */
export function initialCalendarState(calendar: Calendar | null): CalendarFormState {
  const weekly = {} as Record<Weekday, IntervalState[]>;
  for (const d of WEEKDAYS) {
    weekly[d] = calendar ? (calendar.weekly[d] ?? []).map((i) => ({ ...i })) : d === '0' || d === '6' ? [] : [{ ...OFFICE_HOURS }];
  }
  return {
    name: calendar?.name ?? '',
    timeZone: calendar?.timeZone ?? DEFAULT_TIME_ZONE,
    weekly,
    country: calendar?.holidays?.country ?? null,
    state: calendar?.holidays?.state ?? null,
    region: calendar?.holidays?.region ?? null,
    closures: (calendar?.closures ?? []).map((c) => ({ date: c.date, from: c.from ?? '', until: c.until ?? '', note: c.note ?? '' })),
  };
}

const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The interval the "add" button appends: an hour after the day's last one, an hour long (empty when the day is full). */
export function nextInterval(list: IntervalState[]): IntervalState {
  const last = list[list.length - 1];
  if (!last) return { ...OFFICE_HOURS };
  if (!/^\d\d:\d\d$/.test(last.end)) return { start: '', end: '' };
  const start = minuteOf(last.end) + 60;
  if (start >= 24 * 60) return { start: '', end: '' };
  return { start: clock(start), end: clock(Math.min(start + 60, 24 * 60)) };
}

/** "DE · BY · KATH", or null without public holidays. */
export function regionLabel(h: Calendar['holidays']): string | null {
  return h ? [h.country, h.state, h.region].filter(Boolean).join(' · ') : null;
}

/** The request body for POST and PATCH: every weekday (closed ones as []), the region or null, all closures. */
export function calendarBody(s: CalendarFormState): Record<string, unknown> {
  const weekly: Record<string, IntervalState[]> = {};
  for (const d of WEEKDAYS) weekly[d] = s.weekly[d].map((i) => ({ start: i.start.trim(), end: i.end.trim() }));
  const holidays = s.country ? { country: s.country, ...(s.state ? { state: s.state } : {}), ...(s.state && s.region ? { region: s.region } : {}) } : null;
  const closures = s.closures.map((c) => ({
    date: c.date,
    ...(c.from.trim() ? { from: c.from.trim() } : {}),
    ...(c.until.trim() ? { until: c.until.trim() } : {}),
    ...(c.note.trim() ? { note: c.note.trim() } : {}),
  }));
  return { name: s.name, timeZone: s.timeZone, weekly, holidays, closures };
}

/**
 * The fields the server's error paths can land on, most specific first: each interval's start and
 * end, then the day; each closure's inputs, then the closure; the region selects.
 */
export function calendarFields(s: CalendarFormState): string[] {
  const out = ['name', 'timeZone'];
  for (const d of WEEKDAYS) {
    s.weekly[d].forEach((_, i) => out.push(`weekly.${d}.${i}.start`, `weekly.${d}.${i}.end`, `weekly.${d}.${i}`));
    out.push(`weekly.${d}`);
  }
  out.push('weekly', 'holidays.country', 'holidays.state', 'holidays.region', 'holidays');
  s.closures.forEach((_, k) => out.push(`closures.${k}.date`, `closures.${k}.from`, `closures.${k}.until`, `closures.${k}.note`, `closures.${k}`));
  out.push('closures');
  return out;
}

/** Checks the form in the browser by the shared schema's rules, in the agent's language. */
export function validateCalendar(s: CalendarFormState, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  const result = CreateCalendarBody.safeParse(calendarBody(s));
  if (result.success) return out;
  const fields = calendarFields(s);
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`)) ?? path;
    if (out[field]) continue;
    out[field] = messageFor(field, issue.message, t);
  }
  return out;
}

function messageFor(field: string, message: string, t: TFunction): string {
  if (field === 'name') return t('validation.required');
  if (field === 'timeZone') return t('calendars.errors.timeZone');
  if (/^weekly\.\d$/.test(field)) return message.includes('overlap') ? t('calendars.errors.overlap') : t('calendars.errors.tooMany');
  if (/\.end$/.test(field) && message.includes('before')) return t('calendars.errors.order');
  if (/\.until$/.test(field) && message.includes('before')) return t('calendars.errors.closureOrder');
  if (/\.(start|end|from|until)$/.test(field)) return t('calendars.errors.time');
  if (/\.date$/.test(field)) return t('calendars.errors.date');
  return message;
}
