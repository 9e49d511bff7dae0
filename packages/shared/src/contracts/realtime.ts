import { z } from 'zod';
import { Uuid } from './common.ts';

/** Messages a browser may send over the WebSocket at /ws. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('view'), ticketId: Uuid }),
  z.strictObject({ type: z.literal('leave'), ticketId: Uuid }),
  z.strictObject({ type: z.literal('typing'), ticketId: Uuid, typing: z.boolean() }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export interface PresenceViewer {
  agentId: string;
  name: string;
  typing: boolean;
}

/** Messages the server sends over the WebSocket. */
export type ServerMessage =
  | { type: 'hello'; agentId: string }
  | { type: 'event'; event: { type: string; payload: Record<string, unknown>; actor: { kind: string; id: string | null } } }
  | { type: 'presence'; ticketId: string; viewers: PresenceViewer[] }
  | { type: 'pong' }
  | { type: 'error'; message: string };
