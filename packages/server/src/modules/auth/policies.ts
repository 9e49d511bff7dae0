import type { Actor, AgentActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';

/** The acting agent, or 401 when the request is not signed in as one. */
export function requireAgent(actor: Actor | null | undefined): AgentActor {
  if (!actor || actor.kind !== 'agent') throw new AppError('unauthorized', 'sign in or send an API token');
  return actor;
}

/** Agents and admins may change things; read-only users may not. */
export function requireWriter(actor: Actor | null | undefined): AgentActor {
  const a = requireAgent(actor);
  if (a.role === 'readonly') throw new AppError('forbidden', 'read-only users cannot make changes');
  return a;
}

export function requireAdmin(actor: Actor | null | undefined): AgentActor {
  const a = requireAgent(actor);
  if (a.role !== 'admin') throw new AppError('forbidden', 'only admins can do this');
  return a;
}
