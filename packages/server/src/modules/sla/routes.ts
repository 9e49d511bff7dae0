import { z } from 'zod';
import { CreateCalendarBody, HolidayQuery, HolidayRegionQuery, UpdateCalendarBody, Uuid, type Calendar, type CalendarHoliday, type HolidayRegionOption } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { requireAdmin } from '../auth/policies.ts';
import { calendarHolidays, createCalendar, deleteCalendar, getCalendar, holidayRegions, listCalendars, updateCalendar } from './calendar-store.ts';
import { requestSlaRecompute } from './sla-jobs.ts';

const IdParams = z.strictObject({ id: Uuid });

/** Business-hours calendars: every agent reads them (SLA clocks are shown to all), admins change them. */
export function calendarRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get('/api/v1/calendars', { schema: { tags: ['calendars'], summary: 'List business-hours calendars' } }, async (req): Promise<{ data: Calendar[] }> => {
    agentCtx(services, req);
    return { data: await listCalendars(db) };
  });

  app.get('/api/v1/calendars/:id', { schema: { tags: ['calendars'], summary: 'Get a business-hours calendar', params: IdParams } }, async (req): Promise<Calendar> => {
    agentCtx(services, req);
    return getCalendar(db, req.params.id);
  });

  app.post('/api/v1/calendars', { schema: { tags: ['calendars'], summary: 'Create a business-hours calendar (admin)', body: CreateCalendarBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return idempotent(db, req, reply, 201, () => createCalendar(ctx, req.body));
  });

  app.patch('/api/v1/calendars/:id', { schema: { tags: ['calendars'], summary: 'Change a business-hours calendar (admin)', params: IdParams, body: UpdateCalendarBody } }, async (req): Promise<Calendar> => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    const calendar = await updateCalendar(ctx, req.params.id, req.body);
    await requestSlaRecompute(services);
    return calendar;
  });

  app.delete('/api/v1/calendars/:id', { schema: { tags: ['calendars'], summary: 'Delete a calendar; teams and channels using it fall back to none (admin)', params: IdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    await deleteCalendar(ctx, req.params.id);
    await requestSlaRecompute(services);
    return reply.code(204).send();
  });

  app.get(
    '/api/v1/calendars/:id/holidays',
    { schema: { tags: ['calendars'], summary: "The public holidays of a calendar's region in one year (closures not included)", params: IdParams, querystring: HolidayQuery } },
    async (req): Promise<{ data: CalendarHoliday[] }> => {
      agentCtx(services, req);
      return { data: await calendarHolidays(db, req.params.id, req.query.year) };
    },
  );

  app.get(
    '/api/v1/holiday-regions',
    { schema: { tags: ['calendars'], summary: 'Holiday regions: countries, the states of a country, or the regions of a state', querystring: HolidayRegionQuery } },
    async (req): Promise<{ data: HolidayRegionOption[] }> => {
      agentCtx(services, req);
      return { data: holidayRegions(req.query.country, req.query.state) };
    },
  );
}
