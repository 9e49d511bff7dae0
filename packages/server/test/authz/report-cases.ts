/**
 * Route cases of the reports (see route-cases.ts): KPI reports for every role, counting only the
 * tickets it may see; raw exports for admins; the staffing planner and the agents report for
 * every signed-in user (the calculator writes nothing); the weekly summary settings for admins.
 */
import type { RouteCase } from './route-cases.ts';
import { read } from './read-case.ts';

export const REPORT_CASES: Record<string, RouteCase> = {
  'GET /api/v1/reports/kpis': read('shared', () => '/api/v1/reports/kpis'),
  'GET /api/v1/reports/series': read('shared', () => '/api/v1/reports/series?metric=volume'),
  'GET /api/v1/reports/heatmap': read('shared', () => '/api/v1/reports/heatmap'),
  'GET /api/v1/reports/drilldown': read('shared', () => '/api/v1/reports/drilldown?metric=volume'),
  'GET /api/v1/reports/definitions': read('shared', () => '/api/v1/reports/definitions'),
  'GET /api/v1/exports/tickets.csv': read('admin', () => '/api/v1/exports/tickets.csv'),
  'GET /api/v1/exports/events.csv': read('admin', () => '/api/v1/exports/events.csv'),
  'GET /api/v1/exports/surveys.csv': read('admin', () => '/api/v1/exports/surveys.csv'),

  'POST /api/v1/staffing/erlang': {
    access: 'shared',
    write: false,
    ok: 200,
    request: () => ({ url: '/api/v1/staffing/erlang', body: { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 } }),
    mass: {},
  },
  'GET /api/v1/staffing/plan': read('shared', () => '/api/v1/staffing/plan?weeks=1'),
  'GET /api/v1/staffing/settings': read('shared', () => '/api/v1/staffing/settings'),
  'PUT /api/v1/staffing/settings': {
    access: 'admin',
    write: true,
    ok: 200,
    request: () => ({ url: '/api/v1/staffing/settings', body: { channels: {} } }),
    mass: {},
  },
  'GET /api/v1/reports/agents': read('shared', () => '/api/v1/reports/agents'),
  'GET /api/v1/reports/weekly-summary': read('admin', () => '/api/v1/reports/weekly-summary'),
  'PUT /api/v1/reports/weekly-summary': {
    access: 'admin',
    write: true,
    ok: 200,
    request: () => ({ url: '/api/v1/reports/weekly-summary', body: { enabled: false, recipientIds: [], weekday: 1, hour: 8, timeZone: 'Europe/Berlin' } }),
    mass: {},
  },
};
