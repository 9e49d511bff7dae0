/**
 * Route cases of the answer bot (see route-cases.ts): its settings and the test question are
 * admin configuration; its report is read by every agent role, counting the tickets they may see.
 */
import type { RouteCase } from './route-cases.ts';
import { read } from './read-case.ts';

export const BOT_CASES: Record<string, RouteCase> = {
  'GET /api/v1/bot/settings': read('admin', () => '/api/v1/bot/settings'),
  'PATCH /api/v1/bot/settings': {
    access: 'admin',
    write: true,
    ok: 200,
    request: () => ({ url: '/api/v1/bot/settings', body: { emailSuggestions: false, llm: { timeoutMs: 15_000 } } }),
    mass: { nested: ['llm'] },
  },
  // Asks like a visitor and records nothing, so it is no write; it may still reach a configured model, hence admins only.
  'POST /api/v1/bot/test': {
    access: 'admin',
    write: false,
    ok: 200,
    request: () => ({ url: '/api/v1/bot/test', body: { question: 'Bondrucker druckt nicht', locale: 'de' } }),
    mass: {},
  },
  'GET /api/v1/reports/bot': read('shared', () => '/api/v1/reports/bot'),
};
