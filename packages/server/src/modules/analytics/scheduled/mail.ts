import { DateTime } from 'luxon';
import type { KpiReport } from '@servus/shared';
import { SUMMARY_TEXTS, type MailLocale } from './texts.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function formatMinutes(minutes: number | null, l: MailLocale): string | null {
  if (minutes === null) return null;
  const nf = new Intl.NumberFormat(l === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  if (minutes < 60) return `${nf.format(minutes)} min`;
  const h = Math.floor(minutes / 60);
  return `${h} h ${Math.round(minutes - h * 60)} min`;
}

function formatPercent(p: number | null, l: MailLocale): string | null {
  if (p === null) return null;
  return `${new Intl.NumberFormat(l === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(p)} %`;
}

/** The figures of the summary as label/value pairs, in the mail's language. */
export function summaryLines(k: KpiReport, l: MailLocale): Array<[string, string]> {
  const t = SUMMARY_TEXTS[l];
  const n = (x: number) => new Intl.NumberFormat(l === 'de' ? 'de-DE' : 'en-GB').format(x);
  const lines: Array<[string, string | null]> = [
    [t.created, n(k.volume.total)],
    [t.backlog, n(k.backlog)],
    [t.frt, formatMinutes(k.frt.calendar.median, l)],
    [t.resolution, formatMinutes(k.fullResolution.calendar.median, l)],
    [t.fcr, formatPercent(k.fcr.percent, l)],
    [t.oneTouch, formatPercent(k.oneTouch.percent, l)],
    [t.reopen, formatPercent(k.reopenRate.percent, l)],
    [t.sla, formatPercent(k.sla.targets.percent, l)],
    [t.escalation, formatPercent(k.escalation.rate, l)],
    [t.chatMissed, formatPercent(k.chatAbandonment.missedPercent, l)],
  ];
  return lines.map(([label, value]) => [label, value ?? t.none]);
}

/**
 * The weekly summary mail for one recipient: subject, plain text and HTML in their language,
 * every value escaped in the HTML part. `team` names the team the figures are limited to.
 */
export function summaryMail(k: KpiReport, opts: { locale: MailLocale; name: string | null; team: string | null; baseUrl: string; timeZone: string }) {
  const l = opts.locale;
  const t = SUMMARY_TEXTS[l];
  const fmt = (iso: string) => DateTime.fromISO(iso, { zone: opts.timeZone }).setLocale(l === 'de' ? 'de-DE' : 'en-GB').toLocaleString(DateTime.DATE_MED);
  // The period ends at the slot; its last day is the day before.
  const range = `${fmt(k.period.from)} – ${fmt(DateTime.fromISO(k.period.to).minus({ milliseconds: 1 }).toISO()!)}`;
  const lines = summaryLines(k, l);
  const link = `${opts.baseUrl}/reports`;
  const width = Math.max(...lines.map(([label]) => label.length));
  const text = [t.greeting(opts.name), '', t.intro(range, opts.team), '', ...lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`), '', `${t.open}: ${link}`, '', '-- ', t.footer, ''].join('\n');
  const rows = lines.map(([label, value]) => `<tr><td style="padding:4px 16px 4px 0">${escapeHtml(label)}</td><td style="padding:4px 0;font-weight:600;text-align:right">${escapeHtml(value)}</td></tr>`).join('');
  const html = [
    `<p>${escapeHtml(t.greeting(opts.name))}</p>`,
    `<p>${escapeHtml(t.intro(range, opts.team))}</p>`,
    `<table style="border-collapse:collapse">${rows}</table>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t.open)}</a></p>`,
    `<p style="color:#777;font-size:12px">${escapeHtml(t.footer)}</p>`,
  ].join('');
  return { subject: t.subject(range), text, html };
}
