import {
  DeflectionReportQuery,
  HelpCenterSettingsBody,
  HelpSearchQuery,
  HelpSuggestionsBody,
  articleUrl,
  type DeflectionReport,
  type HelpCenterSettings,
  type HelpSearchHit,
} from '@servus/shared';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { agentCtx } from '../../../platform/route-context.ts';
import { notFound } from '../../../platform/errors.ts';
import { requireAdmin } from '../../auth/policies.ts';
import { reportPeriod } from '../../routing/escalation-report.ts';
import { getHelpCenterSettings, type HelpCenterSettingsRow } from '../settings.ts';
import { updateHelpCenterSettings } from './update-settings.ts';
import { searchArticles } from '../search.ts';
import { deflectionReport, recordSuggestions, suggestedUrl } from './deflection.ts';
import { readFormToken } from './form-token.ts';
import { helpKey } from './http.ts';
import { FORM_COOKIE } from './contact-routes.ts';

/** The settings as the API shows them; the answer bot's settings have their own route. */
export function presentHelpCenterSettings(row: HelpCenterSettingsRow): HelpCenterSettings {
  return {
    enabled: row.enabled,
    theme: row.theme,
    defaultLocale: row.defaultLocale,
    contactFormEnabled: row.contactFormEnabled,
    portalEnabled: row.portalEnabled,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The help center's JSON routes: the public article search and the contact form's
 * suggestions (both rate-limited per address), the settings (admins) and the deflection
 * report (every agent).
 */
export function helpApiRoutes(app: App, services: Services): void {
  const db = services.database.db;
  // Per address: enough for typing a question, too few for scraping (HELP_SEARCH_PER_MINUTE).
  const limited = { public: true, rateLimit: { max: services.config.HELP_SEARCH_PER_MINUTE, timeWindow: 60_000 } };

  app.get(
    '/api/v1/help/search',
    { config: limited, schema: { tags: ['help center'], summary: 'Search the published articles of one language, typo-tolerant (public, rate-limited)', querystring: HelpSearchQuery } },
    async (req): Promise<{ data: HelpSearchHit[] }> => {
      const settings = await getHelpCenterSettings(db);
      if (!settings.enabled) throw notFound('help center');
      const hits = await searchArticles(db, { q: req.query.q, locale: req.query.lang, audience: 'public', limit: req.query.limit });
      return { data: hits.map((h) => ({ title: h.title, summary: h.summary, url: articleUrl(h.locale, h.slug) })) };
    },
  );

  app.post(
    '/api/v1/help/suggestions',
    {
      config: limited,
      schema: {
        tags: ['help center'],
        summary: 'Up to five articles for the subject typed into the contact form; with the form token each is recorded and links through its tracked address (public, rate-limited)',
        body: HelpSuggestionsBody,
      },
    },
    async (req): Promise<{ data: HelpSearchHit[] }> => {
      const settings = await getHelpCenterSettings(db);
      if (!settings.enabled || !settings.contactFormEnabled) throw notFound('contact form');
      const { q, lang } = req.body;
      const hits = await searchArticles(db, { q, locale: lang, audience: 'public', limit: 5 });
      const token = req.body.token ? readFormToken(await helpKey(services), req.body.token, req.cookies[FORM_COOKIE]) : null;
      const tracked = token ? await recordSuggestions(db, token.visit, q.trim().slice(0, 300), hits, services.clock.now()) : new Map<string, string>();
      return {
        data: hits.map((h) => {
          const id = tracked.get(h.translationId);
          return { title: h.title, summary: h.summary, url: id ? suggestedUrl(lang, id) : articleUrl(h.locale, h.slug) };
        }),
      };
    },
  );

  app.get('/api/v1/help-center/settings', { schema: { tags: ['help center'], summary: 'Help center settings: on or off, theme, default language, contact form, portal (admin)' } }, async (req): Promise<HelpCenterSettings> => {
    requireAdmin(agentCtx(services, req).actor);
    return presentHelpCenterSettings(await getHelpCenterSettings(db));
  });

  app.patch(
    '/api/v1/help-center/settings',
    { schema: { tags: ['help center'], summary: 'Change the help center settings; theme fields merge into the current theme (admin)', body: HelpCenterSettingsBody } },
    async (req): Promise<HelpCenterSettings> => {
      const ctx = agentCtx(services, req);
      requireAdmin(ctx.actor);
      return presentHelpCenterSettings(await updateHelpCenterSettings(ctx, req.body));
    },
  );

  app.get(
    '/api/v1/reports/deflection',
    { schema: { tags: ['reports'], summary: 'Contact form deflection: articles suggested, opened, opened and still followed by a ticket, and deflection candidates', querystring: DeflectionReportQuery } },
    async (req): Promise<DeflectionReport> => {
      const ctx = agentCtx(services, req);
      const { from, to } = reportPeriod(ctx.clock.now(), req.query);
      return deflectionReport(db, from, to);
    },
  );
}
