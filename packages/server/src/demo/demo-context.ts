import type { Ctx, Services } from '../platform/context.ts';
import { makeCtx } from '../platform/context.ts';
import type { Actor, AgentActor } from '../platform/actor.ts';
import type { ManualClock } from '../platform/clock.ts';
import type { EventDispatcher } from '../platform/events.ts';

/**
 * The services with event dispatch held back: use cases still write every event to the outbox
 * in their transaction, but the dispatcher does not drain it after each of the demo's thousands
 * of commits. The caller flushes the real dispatcher once at the end, which leaves the same
 * state as dispatching along the way.
 */
export function withDeferredEvents(services: Services): Services {
  const events = Object.create(services.events) as EventDispatcher;
  events.kick = () => undefined;
  return { ...services, events };
}

/**
 * A use-case context whose clock is the demo's hand-set clock, so every row and event a use
 * case writes carries the simulated time instead of the time the generator runs.
 */
export function ctxAt(services: Services, actor: Actor, clock: ManualClock): Ctx {
  return { ...makeCtx(services, actor), clock };
}

/** The same for an agent acting, which the ticket use cases require. */
export function agentCtxAt(services: Services, actor: AgentActor, clock: ManualClock): Ctx & { actor: AgentActor } {
  return { ...makeCtx(services, actor), actor, clock };
}
