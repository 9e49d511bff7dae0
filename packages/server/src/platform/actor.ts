/** Who is acting. Every event and audit entry carries one. */
export type ActorKind = 'agent' | 'contact' | 'automation' | 'system';
export type AgentRole = 'admin' | 'agent' | 'readonly';

export interface AgentActor {
  kind: 'agent';
  id: string;
  role: AgentRole;
  teamIds: string[];
  /** How the request authenticated; CSRF checks apply to sessions only. */
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}

export type Actor =
  | AgentActor
  | { kind: 'contact'; id: string }
  | { kind: 'automation'; id: string | null }
  | { kind: 'system'; id: null };

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null };
