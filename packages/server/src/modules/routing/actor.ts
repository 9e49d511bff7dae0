import type { Actor } from '../../platform/actor.ts';

/** Who routing acts as: automation without a rule, so the event log shows "assigned by routing". */
export const ROUTING_ACTOR: Actor = { kind: 'automation', id: null };
