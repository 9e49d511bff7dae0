import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../lib/format';
import type { ReportIntervalName } from '../api/reports';

/**
 * Names a series bucket (its first day, `YYYY-MM-DD`) the way people say it in the UI language:
 * a day ("3 Nov"), a week ("week of 3 Nov") or a month ("Nov 2026").
 */
export function useBucketLabel(interval: ReportIntervalName): (bucket: string) => string {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const tag = intlLocale(lang?.startsWith('de') ? 'de' : 'en');
    const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (bucket: string) => {
      const d = new Date(`${bucket}T00:00:00Z`);
      if (Number.isNaN(d.getTime())) return bucket;
      if (interval === 'month') return month.format(d);
      if (interval === 'week') return t('reports.chart.weekOf', { day: day.format(d) });
      return day.format(d);
    };
  }, [lang, interval, t]);
}
