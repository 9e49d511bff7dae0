import type { AgentChatClientMessage, AgentChatServerMessage } from '@servus/shared';

/** Messages the server pushes over `/ws`. */
export interface PresenceViewer {
  agentId: string;
  name: string;
  typing: boolean;
}

export interface DomainEvent {
  type: string;
  payload: { ticketId?: string; sourceIds?: string[]; [key: string]: unknown };
  actor?: { kind: string; id: string | null };
}

export type ServerMessage =
  | { type: 'hello'; agentId: string }
  | { type: 'event'; event: DomainEvent }
  | { type: 'presence'; ticketId: string; viewers: PresenceViewer[] }
  | { type: 'pong' }
  | AgentChatServerMessage;

export type ClientMessage =
  | { type: 'view'; ticketId: string }
  | { type: 'leave'; ticketId: string }
  | { type: 'typing'; ticketId: string; typing: boolean }
  | { type: 'ping' }
  | AgentChatClientMessage;

/** Parses one frame from the server; anything malformed is dropped. */
export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let msg: unknown;
  try {
    msg = JSON.parse(data);
  } catch {
    return null;
  }
  if (!msg || typeof msg !== 'object') return null;
  const m = msg as { type?: unknown; event?: unknown; ticketId?: unknown; viewers?: unknown };
  if (m.type === 'event' && m.event && typeof m.event === 'object' && typeof (m.event as DomainEvent).type === 'string') return msg as ServerMessage;
  if (m.type === 'presence' && typeof m.ticketId === 'string' && Array.isArray(m.viewers)) return msg as ServerMessage;
  if (m.type === 'hello' || m.type === 'pong') return msg as ServerMessage;
  if (typeof m.type === 'string' && m.type.startsWith('chat.') && typeof m.ticketId === 'string') return msg as ServerMessage;
  return null;
}
