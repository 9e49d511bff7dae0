/**
 * The chat frame's entry: reads the channel and language from its URL, wires the controller to
 * the page's loader (postMessage, origin-checked both ways) and renders the app.
 */
import { render } from 'preact';
import { BRIDGE, parseToFrame, widgetLocale, type ToPage, type Unmarked } from '../bridge';
import { App } from './App';
import { ChatController } from './controller';
import { translator } from './i18n';
import './frame.css';

const params = new URLSearchParams(location.search);
const channelId = params.get('channel') ?? '';
const locale = widgetLocale(params.get('lang')) ?? widgetLocale(navigator.language) ?? 'en';
document.documentElement.lang = locale;
const t = translator(locale);
document.title = t('title');

const embedded = window.parent !== window;
/** The page that embedded us, learnt from its first message (and checked against the referrer). */
let parentOrigin: string | null = null;
const referrerOrigin = (() => {
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
})();

function toPage(msg: Unmarked<ToPage>): void {
  if (embedded && parentOrigin) window.parent.postMessage({ bridge: BRIDGE, ...msg }, parentOrigin);
}

const controller = new ChatController(channelId, locale, {
  onUnread: (count) => toPage({ type: 'unread', count }),
  onConfig: (config) => toPage({ type: 'config', color: config.color, online: config.online, label: config.name }),
  onUnavailable: () => toPage({ type: 'unavailable' }),
  isVisible: () => document.visibilityState !== 'hidden',
});

window.addEventListener('message', (event) => {
  if (!embedded || event.source !== window.parent) return;
  const msg = parseToFrame(event.data);
  if (!msg) return;
  if (msg.type === 'init') {
    if (parentOrigin || (referrerOrigin && referrerOrigin !== event.origin)) return;
    parentOrigin = event.origin;
    toPage({ type: 'ready' });
    controller.setContext(msg.page, msg.identity);
    controller.setOpen(msg.open);
    const config = controller.state.config;
    if (config) toPage({ type: 'config', color: config.color, online: config.online, label: config.name });
    else if (controller.state.phase === 'unavailable') toPage({ type: 'unavailable' });
    toPage({ type: 'unread', count: controller.unread });
    return;
  }
  if (event.origin !== parentOrigin) return;
  if (msg.type === 'open') controller.setOpen(true);
  else if (msg.type === 'close') controller.setOpen(false);
  else if (msg.type === 'identify') void controller.identify(msg.identity);
});

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') controller.wake();
});
window.addEventListener('online', () => controller.wake());

if (!embedded) controller.setOpen(true);
void controller.boot();

render(<App controller={controller} t={t} locale={locale} embedded={embedded} onClose={() => (embedded ? toPage({ type: 'close' }) : undefined)} />, document.getElementById('app')!);
