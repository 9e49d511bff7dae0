/**
 * Route cases of the help center (see route-cases.ts). The article search and the contact
 * form's suggestions are public (the help center is); the settings are admin configuration;
 * the deflection report is shared like every report.
 */
import type { RouteCase } from './route-cases.ts';

const range = 'from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z';

export const HELP_CENTER_CASES: Record<string, RouteCase> = {
  'GET /api/v1/help/search': { access: 'public', write: false, ok: 200, request: () => ({ url: '/api/v1/help/search?lang=de&q=drucker' }) },
  // Without the contact form's token nothing is recorded: a search only.
  'POST /api/v1/help/suggestions': { access: 'public', write: false, ok: 200, request: () => ({ url: '/api/v1/help/suggestions', body: { q: 'Bondrucker', lang: 'de' } }), mass: {} },
  'GET /api/v1/help-center/settings': { access: 'admin', write: false, ok: 200, request: () => ({ url: '/api/v1/help-center/settings' }) },
  'PATCH /api/v1/help-center/settings': { access: 'admin', write: true, ok: 200, request: () => ({ url: '/api/v1/help-center/settings', body: { theme: { name: 'Hilfe' } } }), mass: { nested: ['theme'] } },
  'GET /api/v1/reports/deflection': { access: 'shared', write: false, ok: 200, request: () => ({ url: `/api/v1/reports/deflection?${range}` }) },
};
