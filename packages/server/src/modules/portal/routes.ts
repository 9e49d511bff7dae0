import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http.ts';
import { toAppError } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { DEFAULT_THEME, getHelpCenterSettings } from '../knowledge/settings.ts';
import { PORTAL_CSS } from './assets.ts';
import { messagePage, notFoundPage, pageCtx, type PageCtx } from './pages/frame.ts';
import { loadPortal, pickLang, sendPage } from './request.ts';
import { signInRoutes } from './sign-in-routes.ts';
import { ticketRoutes } from './ticket-routes.ts';

/**
 * The customer portal at /portal: server-rendered pages in the help center's theme that work
 * without JavaScript. Customers sign in by a mailed one-time link and see, answer and open
 * their requests. Every portal answer is an HTML page, errors included.
 */
export function portalRoutes(app: App, services: Services): void {
  app.register(
    async (scope: FastifyInstance) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: services.config.BODY_LIMIT_BYTES }, (_req, body, done) => {
        const form: Record<string, string> = {};
        // The first value of a repeated field counts; nothing else is carried over.
        for (const [k, v] of new URLSearchParams(body as string)) if (!(k in form)) form[k] = v;
        done(null, form);
      });

      /** A plain page context for answers given before (or without) the portal's state. */
      async function fallbackCtx(req: FastifyRequest): Promise<PageCtx> {
        const settings = await getHelpCenterSettings(services.database.db).catch(() => null);
        return pageCtx(pickLang(req, null, settings?.defaultLocale ?? 'en'), settings?.theme ?? DEFAULT_THEME, null, settings?.contactFormEnabled ?? true);
      }

      scope.setNotFoundHandler(async (req, reply) => {
        const s = await loadPortal(services, req, reply);
        if (!s) return reply;
        return sendPage(reply, 404, notFoundPage(s));
      });

      scope.setErrorHandler(async (err, req, reply: FastifyReply) => {
        const e = toAppError(err, req);
        const c = await fallbackCtx(req);
        if (e.code === 'rate_limited') return sendPage(reply, 429, messagePage(c, c.t.rateTitle, c.t.rateBody(1)), { 'retry-after': '60' });
        if (e.code === 'payload_too_large') return sendPage(reply, 413, messagePage(c, c.t.tooLargeTitle, c.t.tooLargeBody));
        if (e.code === 'not_found') return sendPage(reply, 404, notFoundPage(c));
        return sendPage(reply, e.status, messagePage(c, c.t.errorTitle, c.t.errorBody(req.id)));
      });

      scope.get('/assets/portal.css', { schema: { hide: true } }, async (_req, reply) =>
        reply.headers({ 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }).send(PORTAL_CSS),
      );

      signInRoutes(scope, services);
      ticketRoutes(scope, services);
    },
    { prefix: '/portal' },
  );
}
