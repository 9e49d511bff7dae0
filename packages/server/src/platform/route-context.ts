import type { FastifyRequest } from 'fastify';
import type { App } from './http.ts';
import { makeCtx, type Ctx, type Services } from './context.ts';
import { SYSTEM_ACTOR, type AgentActor } from './actor.ts';
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

/** Resolves the caller on every API request and refuses anonymous calls to non-public routes. */
export function installAuth(app: App, services: Services): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    req.actor = await authenticate(services, req);
    if (!req.actor && !req.routeOptions.config?.public) {
      throw new AppError('unauthorized', 'sign in or send an API token');
    }
  });
}

/** The use-case context for a request. */
export function ctxOf(services: Services, req: FastifyRequest): Ctx {
  return makeCtx(services, req.actor ?? SYSTEM_ACTOR);
}

/** The use-case context for a request that must come from a signed-in agent. */
export function agentCtx(services: Services, req: FastifyRequest): Ctx & { actor: AgentActor } {
  if (!req.actor) throw new AppError('unauthorized', 'sign in or send an API token');
  return makeCtx(services, req.actor) as Ctx & { actor: AgentActor };
}
