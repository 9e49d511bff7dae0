/** Locale-aware formatting of dates, times and sizes in the agent's language and time zone. */
export interface Formatter {
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  time(iso: string | null | undefined): string;
  relative(iso: string | null | undefined, now?: number): string;
  number(n: number): string;
  bytes(n: number): string;
}

/** The BCP 47 tag for Intl: the browser's regional variant when it speaks the same language. */
export function intlLocale(locale: string, browser: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? []): string {
  const regional = browser.find((l) => l.toLowerCase().startsWith(`${locale}-`));
  return regional ?? (locale === 'de' ? 'de-DE' : 'en-GB');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * Builds formatters for one locale and IANA time zone. Invalid time zones fall back to the
 * browser's own, so a bad profile value never breaks a page.
 */
export function createFormatter(locale: string, timeZone: string | undefined): Formatter {
  const tag = intlLocale(locale);
  let tz = timeZone;
  try {
    new Intl.DateTimeFormat(tag, { timeZone: tz });
  } catch {
    tz = undefined;
  }
  const dt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz });
  const d = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: tz });
  const t = new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: tz });
  const rel = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' });
  const num = new Intl.NumberFormat(tag);
  const parse = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  return {
    dateTime: (iso) => (parse(iso) ? dt.format(parse(iso)!) : ''),
    date: (iso) => (parse(iso) ? d.format(parse(iso)!) : ''),
    time: (iso) => (parse(iso) ? t.format(parse(iso)!) : ''),
    relative(iso, now = Date.now()) {
      const at = parse(iso);
      if (!at) return '';
      const seconds = Math.round((at.getTime() - now) / 1000);
      for (const [unit, size] of UNITS) {
        if (Math.abs(seconds) >= size) return rel.format(Math.trunc(seconds / size), unit);
      }
      return rel.format(0, 'minute');
    },
    number: (n) => num.format(n),
    bytes(n) {
      if (n < 1024) return `${num.format(n)} B`;
      if (n < 1024 * 1024) return `${num.format(Math.round(n / 102.4) / 10)} KB`;
      return `${num.format(Math.round(n / (1024 * 104.8576)) / 10)} MB`;
    },
  };
}
