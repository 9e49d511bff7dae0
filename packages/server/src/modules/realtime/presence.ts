import type { PresenceViewer } from '@servus/shared';

/** How long a "typing" flag lasts without being renewed. */
export const TYPING_TTL_MS = 8_000;

interface Entry {
  name: string;
  /** Open connections of this agent on this ticket (tabs). */
  connections: Set<string>;
  typingUntil: number;
}

/**
 * Who is looking at which ticket, and who is typing there. Pure bookkeeping: the caller
 * broadcasts the snapshots this returns.
 */
export class PresenceBoard {
  private readonly tickets = new Map<string, Map<string, Entry>>();

  view(ticketId: string, agentId: string, name: string, connectionId: string): void {
    let agentsOnTicket = this.tickets.get(ticketId);
    if (!agentsOnTicket) this.tickets.set(ticketId, (agentsOnTicket = new Map()));
    let e = agentsOnTicket.get(agentId);
    if (!e) agentsOnTicket.set(agentId, (e = { name, connections: new Set(), typingUntil: 0 }));
    e.connections.add(connectionId);
  }

  /** Returns true when the ticket's viewer list changed. */
  leave(ticketId: string, agentId: string, connectionId: string): boolean {
    const agentsOnTicket = this.tickets.get(ticketId);
    const e = agentsOnTicket?.get(agentId);
    if (!agentsOnTicket || !e) return false;
    e.connections.delete(connectionId);
    if (e.connections.size > 0) return false;
    agentsOnTicket.delete(agentId);
    if (agentsOnTicket.size === 0) this.tickets.delete(ticketId);
    return true;
  }

  typing(ticketId: string, agentId: string, typing: boolean, now: number): boolean {
    const e = this.tickets.get(ticketId)?.get(agentId);
    if (!e) return false;
    const was = e.typingUntil > now;
    e.typingUntil = typing ? now + TYPING_TTL_MS : 0;
    return was !== typing;
  }

  /** Tickets where a typing flag ran out since the last call. */
  expireTyping(now: number): string[] {
    const changed: string[] = [];
    for (const [ticketId, agentsOnTicket] of this.tickets) {
      for (const e of agentsOnTicket.values()) {
        if (e.typingUntil !== 0 && e.typingUntil <= now) {
          e.typingUntil = 0;
          changed.push(ticketId);
        }
      }
    }
    return [...new Set(changed)];
  }

  viewers(ticketId: string, now: number): PresenceViewer[] {
    const agentsOnTicket = this.tickets.get(ticketId);
    if (!agentsOnTicket) return [];
    return [...agentsOnTicket.entries()]
      .map(([agentId, e]) => ({ agentId, name: e.name, typing: e.typingUntil > now }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
