/**
 * The chat widget's loader, pasted into customers' pages as
 * `<script src="https://HOST/widget.js" data-channel="…" async></script>`.
 *
 * It draws a launcher button in a shadow root and, hidden until opened, an iframe with the chat
 * app from the Servus server. It defines one global, `Servus`, for the page's own calls:
 *
 * @example
 * Servus('identify', { userId: 'u-1', email: 'ann@example.com', name: 'Ann', timestamp, signature });
 * Servus('open');
 * Servus('close');
 */
import { BRIDGE, parseToPage, widgetLocale, type BridgeIdentity, type ToFrame, type Unmarked } from '../bridge';
import { ICON_CHAT, ICON_CLOSE, LOADER_CSS } from './styles';

type Command = 'identify' | 'open' | 'close';

/** How long after the frame loaded it may take to report in before the launcher goes away. */
const FRAME_TIMEOUT_MS = 10_000;
type ServusFn = ((command: Command, arg?: unknown) => void) & { q?: ArrayLike<unknown>[]; loaded?: boolean };

const LABELS = {
  en: { open: 'Open chat', close: 'Close chat', frame: 'Chat', unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`) },
  de: { open: 'Chat öffnen', close: 'Chat schließen', frame: 'Chat', unread: (n: number) => (n === 1 ? '1 ungelesene Nachricht' : `${n} ungelesene Nachrichten`) },
};

/** The script element that loaded us (also when loaded async, where `currentScript` may be gone). */
function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.dataset.channel) return current;
  const all = document.querySelectorAll<HTMLScriptElement>('script[data-channel][src]');
  for (const s of Array.from(all)) if (/\/widget\.js(\?|#|$)/.test(s.src)) return s;
  return null;
}

/** The page's language if the widget speaks it, else the browser's, else English. */
function pageLocale(): 'en' | 'de' {
  const fromPage = widgetLocale(document.documentElement.lang);
  if (fromPage) return fromPage;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const l = widgetLocale(tag);
    if (l) return l;
  }
  return 'en';
}

function isIdentity(v: unknown): v is BridgeIdentity {
  const o = v as Partial<BridgeIdentity> | null;
  return !!o && typeof o.userId === 'string' && typeof o.email === 'string' && typeof o.timestamp === 'number' && typeof o.signature === 'string';
}

function start(script: HTMLScriptElement, previous: ServusFn | undefined): void {
  const channel = script.dataset.channel ?? '';
  const serverOrigin = new URL(script.src, location.href).origin;
  const locale = pageLocale();
  const labels = LABELS[locale];

  const host = document.createElement('div');
  host.setAttribute('data-servus-chat', '');
  host.style.cssText = 'all: initial !important; position: static !important;';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = LOADER_CSS;
  const wrap = document.createElement('div');
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.id = 'servus-chat-panel';
  const frame = document.createElement('iframe');
  frame.title = labels.frame;
  frame.setAttribute('allow', 'clipboard-write');
  frame.src = `${serverOrigin}/widget/frame?channel=${encodeURIComponent(channel)}&lang=${locale}`;
  panel.appendChild(frame);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-controls', panel.id);
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  wrap.append(panel, button);
  root.append(style, wrap);

  let open = false;
  let unread = 0;
  let loaded = false;
  let identity: BridgeIdentity | null = null;
  /** The frame has spoken: it runs, so this website was allowed to embed it. */
  let alive = false;

  const post = (msg: Unmarked<ToFrame>) => {
    if (loaded) frame.contentWindow?.postMessage({ bridge: BRIDGE, ...msg }, serverOrigin);
  };
  const drawButton = () => {
    button.innerHTML = open ? ICON_CLOSE : ICON_CHAT;
    button.appendChild(badge);
    const count = open ? 0 : unread;
    badge.hidden = count === 0;
    badge.textContent = count > 9 ? '9+' : String(count);
    const label = open ? labels.close : labels.open;
    button.setAttribute('aria-label', count ? `${label} (${labels.unread(count)})` : label);
    button.setAttribute('aria-expanded', String(open));
    wrap.className = open ? 'open' : '';
  };
  const setOpen = (next: boolean, focusButton = false) => {
    if (next === open) return;
    open = next;
    panel.hidden = !open;
    drawButton();
    post({ type: open ? 'open' : 'close' });
    if (open) frame.focus();
    else if (focusButton) button.focus();
  };

  button.addEventListener('click', () => setOpen(!open, true));
  frame.addEventListener('load', () => {
    loaded = true;
    post({ type: 'init', open, page: { url: location.href, title: document.title }, identity });
    // A frame that never reports in was refused: this website is not allowed for the channel.
    setTimeout(() => {
      if (alive) return;
      console.warn('Servus chat: the chat could not start here; is this website allowed for the chat channel?');
      host.remove();
    }, FRAME_TIMEOUT_MS);
  });
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== serverOrigin) return;
    const msg = parseToPage(event.data);
    if (!msg) return;
    alive = true;
    if (msg.type === 'config') {
      if (/^#[0-9a-f]{6}$/i.test(msg.color)) host.style.setProperty('--servus-color', msg.color);
    } else if (msg.type === 'unread') {
      unread = Math.max(0, Math.floor(msg.count) || 0);
      drawButton();
    } else if (msg.type === 'close') setOpen(false, true);
    else if (msg.type === 'unavailable') host.remove();
  });

  const servus: ServusFn = (command, arg) => {
    if (command === 'open') setOpen(true);
    else if (command === 'close') setOpen(false);
    else if (command === 'identify' && isIdentity(arg)) {
      identity = { userId: arg.userId, email: arg.email, name: arg.name, timestamp: arg.timestamp, signature: arg.signature };
      post({ type: 'identify', identity });
    }
  };
  servus.loaded = true;
  (window as unknown as { Servus: ServusFn }).Servus = servus;

  drawButton();
  (document.body ?? document.documentElement).appendChild(host);
  // Calls the page queued before we loaded (`Servus.q`), in order.
  for (const args of Array.from(previous?.q ?? [])) servus(args[0] as Command, args[1]);
}

const existing = (window as unknown as { Servus?: ServusFn }).Servus;
if (!existing?.loaded) {
  const script = ownScript();
  if (script?.dataset.channel) {
    const run = () => start(script, existing);
    if (document.body) run();
    else document.addEventListener('DOMContentLoaded', run, { once: true });
  }
}
