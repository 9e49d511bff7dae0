import type { PresenceViewer } from './messages';

type Listener = () => void;

/** Who is viewing (and typing in) which ticket, as the server last told us. */
export class PresenceStore {
  private readonly byTicket = new Map<string, PresenceViewer[]>();
  private readonly listeners = new Set<Listener>();
  private static readonly EMPTY: PresenceViewer[] = [];

  set(ticketId: string, viewers: PresenceViewer[]): void {
    this.byTicket.set(ticketId, viewers);
    for (const l of this.listeners) l();
  }

  clear(): void {
    this.byTicket.clear();
    for (const l of this.listeners) l();
  }

  get(ticketId: string): PresenceViewer[] {
    return this.byTicket.get(ticketId) ?? PresenceStore.EMPTY;
  }

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}
