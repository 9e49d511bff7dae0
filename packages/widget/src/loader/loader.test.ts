import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const SERVER = 'https://help.example.com';

function addSnippet(channel = 'ch-1') {
  const s = document.createElement('script');
  s.src = `${SERVER}/widget.js`;
  s.dataset.channel = channel;
  s.async = true;
  document.head.appendChild(s);
}

async function load() {
  vi.resetModules();
  await import('./loader');
  const host = document.querySelector('[data-servus-chat]') as HTMLElement;
  const root = host.shadowRoot!;
  // jsdom gives iframes inside a shadow root no window of their own; stand one in.
  const frameWindow = { postMessage: vi.fn() } as unknown as Window;
  Object.defineProperty(root.querySelector('iframe')!, 'contentWindow', { value: frameWindow });
  return {
    host,
    button: root.querySelector('button.launcher') as HTMLButtonElement,
    panel: root.querySelector('.panel') as HTMLElement,
    frame: root.querySelector('iframe') as HTMLIFrameElement,
    badge: root.querySelector('.badge') as HTMLElement,
  };
}

function fromFrame(frame: HTMLIFrameElement, data: unknown, origin = SERVER, source: unknown = frame.contentWindow) {
  // MessageEvent only takes real windows as its source; set it afterwards like the browser would.
  const event = new MessageEvent('message', { data, origin });
  Object.defineProperty(event, 'source', { value: source });
  window.dispatchEvent(event);
}

describe('widget.js loader', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    document.documentElement.lang = '';
    delete (window as { Servus?: unknown }).Servus;
  });
  afterEach(() => vi.restoreAllMocks());

  it('draws a launcher that opens the chat frame for its channel in the page’s language', async () => {
    document.documentElement.lang = 'de-AT';
    addSnippet('ch-42');
    const { button, panel, frame } = await load();
    expect(frame.src).toBe(`${SERVER}/widget/frame?channel=ch-42&lang=de`);
    expect(panel.hidden).toBe(true);
    expect(button.getAttribute('aria-label')).toBe('Chat öffnen');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    expect(panel.hidden).toBe(false);
    expect(button.getAttribute('aria-label')).toBe('Chat schließen');
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it('adds no global but Servus, and runs the calls the page queued before it loaded', async () => {
    const before = new Set(Object.keys(window));
    const queued: unknown[][] = [];
    const stub = Object.assign((...args: unknown[]) => queued.push(args), { q: queued });
    (window as unknown as { Servus: unknown }).Servus = stub;
    stub('open');
    addSnippet();
    const { panel } = await load();
    expect(Object.keys(window).filter((k) => !before.has(k))).toEqual(['Servus']);
    expect(panel.hidden).toBe(false);
    (window as unknown as { Servus(c: string): void }).Servus('close');
    expect(panel.hidden).toBe(true);
  });

  it('only listens to its own frame on the Servus origin', async () => {
    addSnippet();
    const { frame, badge, button } = await load();
    const unread = { bridge: 'servus-chat', type: 'unread', count: 3 };
    fromFrame(frame, unread, 'https://evil.example');
    fromFrame(frame, unread, SERVER, window);
    fromFrame(frame, unread, SERVER, null);
    fromFrame(frame, { type: 'unread', count: 3 });
    expect(badge.hidden).toBe(true);
    fromFrame(frame, unread);
    expect(badge.hidden).toBe(false);
    expect(badge.textContent).toBe('3');
    expect(button.getAttribute('aria-label')).toBe('Open chat (3 unread messages)');
  });

  it('closes when the frame asks and gives the keyboard back to the launcher', async () => {
    addSnippet();
    const { frame, panel, button } = await load();
    button.click();
    fromFrame(frame, { bridge: 'servus-chat', type: 'close' });
    expect(panel.hidden).toBe(true);
    expect(button.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect((button.getRootNode() as ShadowRoot).activeElement).toBe(button);
  });

  it('passes the page, its open state and a signed identity to the frame, only to the Servus origin', async () => {
    addSnippet();
    const { frame } = await load();
    const post = frame.contentWindow!.postMessage as unknown as ReturnType<typeof vi.fn>;
    const identity = { userId: 'u-1', email: 'ann@example.com', name: 'Ann', timestamp: 1767225600, signature: 'a'.repeat(64) };
    (window as unknown as { Servus(c: string, a: unknown): void }).Servus('identify', identity);
    expect(post).not.toHaveBeenCalled();
    frame.dispatchEvent(new Event('load'));
    expect(post).toHaveBeenCalledWith({ bridge: 'servus-chat', type: 'init', open: false, page: { url: location.href, title: document.title }, identity }, SERVER);
    (window as unknown as { Servus(c: string, a: unknown): void }).Servus('identify', { ...identity, userId: 'u-2' });
    expect(post).toHaveBeenLastCalledWith({ bridge: 'servus-chat', type: 'identify', identity: { ...identity, userId: 'u-2' } }, SERVER);
  });

  it('goes away when the frame never speaks (refused on a website that is not allowed)', async () => {
    vi.useFakeTimers();
    try {
      addSnippet();
      const { frame } = await load();
      frame.dispatchEvent(new Event('load'));
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      vi.advanceTimersByTime(9_000);
      expect(document.querySelector('[data-servus-chat]')).not.toBeNull();
      vi.advanceTimersByTime(2_000);
      expect(document.querySelector('[data-servus-chat]')).toBeNull();

      // One that answers in time stays, even if its channel settings take longer.
      document.body.innerHTML = '';
      delete (window as { Servus?: unknown }).Servus;
      const second = await load();
      second.frame.dispatchEvent(new Event('load'));
      fromFrame(second.frame, { bridge: 'servus-chat', type: 'ready' });
      vi.advanceTimersByTime(20_000);
      fromFrame(second.frame, { bridge: 'servus-chat', type: 'config', color: '#2b8a3e', online: true, label: 'Shop' });
      expect(document.querySelector('[data-servus-chat]')).not.toBeNull();
      expect(second.host.style.getPropertyValue('--servus-color')).toBe('#2b8a3e');
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes away when the frame says the channel is unavailable', async () => {
    addSnippet();
    const { frame } = await load();
    fromFrame(frame, { bridge: 'servus-chat', type: 'unavailable' });
    expect(document.querySelector('[data-servus-chat]')).toBeNull();
  });
});
