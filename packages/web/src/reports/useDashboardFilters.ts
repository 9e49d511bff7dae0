import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useOptionalSession } from '../auth/session';
import { filtersToParams, parseFilters, todayIn, type DashboardFilters } from './filters';

/** The time zone reports are bucketed in: the agent's own, else the browser's. */
export function useReportTimeZone(): string | undefined {
  const session = useOptionalSession();
  const tz = session?.agent.timeZone;
  if (!tz) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return undefined;
  }
}

/**
 * The dashboard's filters, read from and written to the URL query (so the browser's back
 * button, reloads and shared links all show the same view).
 */
export function useDashboardFilters(): { filters: DashboardFilters; setFilters(next: DashboardFilters): void; today: string; tz: string | undefined } {
  const [params, setParams] = useSearchParams();
  const tz = useReportTimeZone();
  const today = todayIn(tz);
  const filters = useMemo(() => parseFilters(params, today), [params, today]);
  const setFilters = useCallback((next: DashboardFilters) => setParams(filtersToParams(next, today), { replace: false }), [setParams, today]);
  return { filters, setFilters, today, tz };
}
