/**
 * The messages the loader (on the customer's page) and the chat frame exchange with postMessage.
 * Each side checks where a message comes from before it reads it: the loader only listens to its
 * own iframe on the Servus origin, the frame only to its parent window on the origin that embedded it.
 */

/** Marks our messages, so other scripts' postMessage traffic on the page is ignored. */
export const BRIDGE = 'servus-chat';

/** A signed-in user of the customer's website, as `Servus('identify', …)` receives it. */
export interface BridgeIdentity {
  userId: string;
  email: string;
  name?: string;
  timestamp: number;
  signature: string;
}

/** From the page to the frame. */
export type ToFrame =
  /** Sent when the frame has loaded: the page it is on, whether it is open, and a known identity. */
  | { bridge: typeof BRIDGE; type: 'init'; open: boolean; page: { url: string; title: string }; identity: BridgeIdentity | null }
  | { bridge: typeof BRIDGE; type: 'open' }
  | { bridge: typeof BRIDGE; type: 'close' }
  | { bridge: typeof BRIDGE; type: 'identify'; identity: BridgeIdentity };

/** From the frame to the page. */
export type ToPage =
  /** The frame runs and heard the page: it was not refused. */
  | { bridge: typeof BRIDGE; type: 'ready' }
  /** What the launcher should look like: the channel's colour and whether a live chat is offered. */
  | { bridge: typeof BRIDGE; type: 'config'; color: string; online: boolean; label: string }
  /** The channel is unknown or switched off: the launcher goes away. */
  | { bridge: typeof BRIDGE; type: 'unavailable' }
  /** Messages from the agent the visitor has not seen. */
  | { bridge: typeof BRIDGE; type: 'unread'; count: number }
  /** The visitor closed the chat from inside (close button, Esc). */
  | { bridge: typeof BRIDGE; type: 'close' };

/** A bridge message without its marker, for building one (distributes over the union). */
export type Unmarked<T> = T extends unknown ? Omit<T, 'bridge'> : never;

function isBridgeMessage(data: unknown): data is { bridge: string; type: string } {
  return typeof data === 'object' && data !== null && (data as { bridge?: unknown }).bridge === BRIDGE && typeof (data as { type?: unknown }).type === 'string';
}

/** The message as the frame's side of the bridge reads it, or null when it is not one of ours. */
export function parseToFrame(data: unknown): ToFrame | null {
  if (!isBridgeMessage(data)) return null;
  return ['init', 'open', 'close', 'identify'].includes(data.type) ? (data as ToFrame) : null;
}

/** The message as the loader reads it, or null when it is not one of ours. */
export function parseToPage(data: unknown): ToPage | null {
  if (!isBridgeMessage(data)) return null;
  return ['ready', 'config', 'unavailable', 'unread', 'close'].includes(data.type) ? (data as ToPage) : null;
}

/** `en` or `de` from a language tag such as `de-AT`; null for a language the widget does not speak. */
export function widgetLocale(tag: string | null | undefined): 'en' | 'de' | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'de' || base === 'en' ? base : null;
}
