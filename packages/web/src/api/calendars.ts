import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './keys';
import type { Calendar, CalendarHoliday, HolidayRegionOption } from './types';

/** All business-hours calendars. */
export function useCalendars() {
  return useQuery({ queryKey: keys.calendars, queryFn: () => api<{ data: Calendar[] }>('/api/v1/calendars').then((r) => r.data), staleTime: 30_000 });
}

/** The public holidays of a saved calendar's region in one year. */
export function useCalendarHolidays(id: string | null, year: number) {
  return useQuery({
    queryKey: keys.calendarHolidays(id ?? '', year),
    queryFn: () => api<{ data: CalendarHoliday[] }>(`/api/v1/calendars/${encodeURIComponent(id ?? '')}/holidays`, { query: { year } }).then((r) => r.data),
    enabled: !!id,
  });
}

/**
 * The holiday regions one level down: countries without arguments, the states of `country`,
 * or the regions of `country`'s `state`. `enabled` is false while a level above is unchosen.
 */
export function useHolidayRegions(country: string | null, state: string | null, enabled = true) {
  return useQuery({
    queryKey: keys.holidayRegions(country ?? '', state ?? ''),
    queryFn: () =>
      api<{ data: HolidayRegionOption[] }>('/api/v1/holiday-regions', { query: { country: country ?? undefined, state: state ?? undefined } }).then((r) => r.data),
    enabled,
    staleTime: Infinity,
  });
}

