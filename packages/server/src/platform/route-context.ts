import type { FastifyRequest } from 'fastify';
import type { App } from './http.ts';
import { makeCtx, type Ctx, type Services } from './context.ts';
import type { AgentActor } from './actor.ts';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { recordAudit } from '../modules/system/audit.ts';
import { AppError } from './errors.ts';
import { authenticate } from '../modules/auth/authenticate.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: AgentActor | null;
  }
  interface FastifyContextConfig {
    /** Routes that anonymous callers may reach. Every other /api/v1 route needs an agent. */
    public?: boolean;
  }
}

/**
 * Resolves the caller on every API request and refuses anonymous calls to non-public routes.
 * The decision uses the route the router matched, never the raw URL, so an encoded path
 * (`/%61pi/v1/...`) cannot slip past it.
 */
export function installAuth(app: App, services: Services): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const route = req.routeOptions.url;
    if (!route?.startsWith('/api/v1/')) return;
    req.actor = await authenticate(services, req);
    if (!req.actor && !req.routeOptions.config?.public) {
      throw new AppError('unauthorized', 'sign in or send an API token');
    }
  });
  // Attempts to set fields a route does not accept (mass assignment) are worth an audit entry.
  app.addHook('onError', async (req, _reply, err) => {
    if (!req.actor || !hasZodFastifySchemaValidationErrors(err)) return;
    const keys = err.validation.flatMap((v) => (v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : []));
    if (keys.length === 0) return;
    await recordAudit(services.database.db, { actor: req.actor, clock: services.clock }, 'request.unknown_fields', 'route', `${req.method} ${req.routeOptions.url}`, { fields: keys.slice(0, 20) }).catch(() => undefined);
  });
}

/** The use-case context for a request from a signed-in agent; refusing anonymous callers is a second line of defence behind the route hook. */
export function agentCtx(services: Services, req: FastifyRequest): Ctx & { actor: AgentActor } {
  if (!req.actor) throw new AppError('unauthorized', 'sign in or send an API token');
  return makeCtx(services, req.actor) as Ctx & { actor: AgentActor };
}
