/** Business-hours calendars with public holidays, for SLA clocks and business-time metrics. */
export { BusinessCalendarSchema, type BusinessCalendar, type Closure, type TimeInterval, type Weekday } from './calendar.ts';
export { isPublicHoliday, publicHolidays, type HolidayRegion, type PublicHoliday } from './holidays.ts';
export { addBusinessMinutes, businessMinutesBetween, calendarMinutesBetween } from './business-hours.ts';
export { policyMatches, selectPolicy, ticketSla, type SlaTicket, type SlaPolicyLike } from './engine.ts';
