import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../lib/format';

/** The sign shown where a figure has no data; never a 0. */
export const NO_DATA = '–';

/** Formats report figures in the UI language; every function shows "–" for null. */
export interface KpiFormat {
  /** A duration given in minutes: "12 s", "42 min", "3 h 5 min", "2 d 4 h". */
  duration(minutes: number | null | undefined): string;
  /** A percentage given as 0–100, with at most one decimal. */
  percent(value: number | null | undefined): string;
  /** A plain count or score with at most `digits` decimals. */
  number(value: number | null | undefined, digits?: number): string;
  /** An NPS score in points, signed ("+45", "−10"). */
  points(value: number | null | undefined): string;
}

/** Report number formatting for the current language. */
export function useKpiFormat(): KpiFormat {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const tag = intlLocale(lang?.startsWith('de') ? 'de' : 'en');
    const one = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
    const pct = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const none = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || Number.isNaN(v);
    return {
      duration(minutes) {
        if (none(minutes)) return NO_DATA;
        if (minutes > 0 && minutes < 1) return t('reports.unit.seconds', { value: whole.format(Math.max(1, Math.round(minutes * 60))) });
        if (minutes < 60) return t('reports.unit.minutes', { value: one.format(minutes) });
        const totalMinutes = Math.round(minutes);
        if (totalMinutes < 24 * 60) return t('reports.unit.hours', { hours: whole.format(Math.floor(totalMinutes / 60)), minutes: whole.format(totalMinutes % 60) });
        const totalHours = Math.round(minutes / 60);
        return t('reports.unit.days', { days: whole.format(Math.floor(totalHours / 24)), hours: whole.format(totalHours % 24) });
      },
      percent: (value) => (none(value) ? NO_DATA : pct.format(value / 100)),
      number: (value, digits = 1) => (none(value) ? NO_DATA : new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(value)),
      points: (value) => (none(value) ? NO_DATA : signed.format(value)),
    };
  }, [lang, t]);
}
