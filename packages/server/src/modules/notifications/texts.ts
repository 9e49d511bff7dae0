/**
 * The words of notifications and the digest mail, in English and German (formal "Sie").
 * Everything here is plain text; the digest escapes it for its HTML part.
 */
import type { Recipient } from './notify.ts';

type Locale = Recipient['locale'];

const METRICS: Record<Locale, Record<string, string>> = {
  en: { first_reply: 'First reply', next_reply: 'Next reply', periodic_update: 'Periodic update', resolution: 'Resolution' },
  de: { first_reply: 'Erste Antwort', next_reply: 'Nächste Antwort', periodic_update: 'Regelmäßige Aktualisierung', resolution: 'Lösung' },
};

/** A time in the recipient's time zone and language. */
export function formatTime(r: Recipient, iso: string | null): string {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat(r.locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: r.timeZone }).format(new Date(iso));
  } catch {
    return new Date(iso).toISOString();
  }
}

const metricName = (r: Recipient, metric: string) => METRICS[r.locale][metric] ?? metric;

export interface TicketRef {
  number: number;
  subject: string;
}

export const notificationText = {
  assigned: (r: Recipient, t: TicketRef, by: string | null) =>
    r.locale === 'de'
      ? { title: `#${t.number} wurde Ihnen zugewiesen: ${t.subject}`, body: by ? `Zugewiesen von ${by}` : 'Automatisch zugewiesen' }
      : { title: `#${t.number} assigned to you: ${t.subject}`, body: by ? `Assigned by ${by}` : 'Assigned automatically' },
  customerReply: (r: Recipient, t: TicketRef, excerpt: string) =>
    r.locale === 'de' ? { title: `Neue Kundenantwort zu #${t.number}: ${t.subject}`, body: excerpt } : { title: `Customer replied on #${t.number}: ${t.subject}`, body: excerpt },
  teamTicket: (r: Recipient, t: TicketRef, team: string) =>
    r.locale === 'de' ? { title: `Neues Ticket #${t.number} für ${team}: ${t.subject}`, body: '' } : { title: `New ticket #${t.number} for ${team}: ${t.subject}`, body: '' },
  slaWarning: (r: Recipient, t: TicketRef, metric: string, dueAt: string | null) =>
    r.locale === 'de'
      ? { title: `SLA läuft bald ab bei #${t.number}: ${t.subject}`, body: `${metricName(r, metric)} fällig ${formatTime(r, dueAt)}`.trim() }
      : { title: `SLA due soon on #${t.number}: ${t.subject}`, body: `${metricName(r, metric)} due ${formatTime(r, dueAt)}`.trim() },
  slaBreached: (r: Recipient, t: TicketRef, metric: string, dueAt: string | null) =>
    r.locale === 'de'
      ? { title: `SLA verletzt bei #${t.number}: ${t.subject}`, body: `${metricName(r, metric)} war fällig ${formatTime(r, dueAt)}`.trim() }
      : { title: `SLA breached on #${t.number}: ${t.subject}`, body: `${metricName(r, metric)} was due ${formatTime(r, dueAt)}`.trim() },
  escalated: (r: Recipient, t: TicketRef, team: string, reason: string) =>
    r.locale === 'de' ? { title: `#${t.number} an ${team} eskaliert: ${t.subject}`, body: reason } : { title: `#${t.number} escalated to ${team}: ${t.subject}`, body: reason },
};

export const digestText = {
  subject: (l: Locale, n: number) =>
    l === 'de' ? `Servus: ${n} ${n === 1 ? 'neue Benachrichtigung' : 'neue Benachrichtigungen'}` : `Servus: ${n} new ${n === 1 ? 'notification' : 'notifications'}`,
  greeting: (l: Locale, name: string) => (l === 'de' ? `Hallo ${name},` : `Hello ${name},`),
  intro: (l: Locale) => (l === 'de' ? 'das ist seit Ihrer letzten Zusammenfassung passiert:' : 'this is what happened since your last summary:'),
  more: (l: Locale, n: number) => (l === 'de' ? `… und ${n} weitere in Servus.` : `… and ${n} more in Servus.`),
  footer: (l: Locale, url: string) =>
    l === 'de'
      ? `Sie erhalten diese Zusammenfassung, weil E-Mail-Benachrichtigungen eingeschaltet sind. Ändern können Sie das hier: ${url}`
      : `You get this summary because e-mail notifications are on. Change that here: ${url}`,
};
