import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ChatWidgetConfig } from '@servus/shared';
import { FakeSocket } from '../test/fake-socket';
import { App } from './App';
import { ChatController } from './controller';
import { translator, type Locale } from './i18n';

const BASE: ChatWidgetConfig = {
  channelId: 'ch-1',
  name: 'Shop chat',
  color: '#2b8a3e',
  locale: 'en',
  greeting: 'Hi! Ask us anything.',
  offlineMessage: '',
  online: true,
  bot: false,
  preChatForm: { enabled: false, askName: true, requireEmail: false, topics: [] },
  maxUploadBytes: 1024 * 1024,
  allowedUploadTypes: ['image/png'],
};
const TOKEN = 'tok-0123456789abcdefghij';
let posts: { url: string; body: unknown }[] = [];

function serve(config: ChatWidgetConfig) {
  posts = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/widget-config')) return new Response(JSON.stringify(config), { status: 200 });
      posts.push({ url, body: init?.body instanceof FormData ? init.body : JSON.parse(String(init?.body ?? 'null')) });
      if (url.endsWith('/sessions')) return new Response(JSON.stringify({ token: TOKEN, visitorId: 'v-1', conversation: null }), { status: 200 });
      if (url.endsWith('/offline')) return new Response(JSON.stringify({ ticketNumber: 5 }), { status: 201 });
      if (url.includes('/surveys/')) return new Response(JSON.stringify({ kind: 'csat', scale: 5 }), { status: 200 });
      return new Response('{}', { status: 404 });
    }),
  );
}

let root: HTMLElement;

async function mount(config: ChatWidgetConfig, locale: Locale = 'en') {
  serve(config);
  const controller = new ChatController('ch-1', locale);
  await act(async () => {
    await controller.boot();
    controller.setOpen(true);
    render(<App controller={controller} t={translator(locale)} locale={locale} embedded onClose={() => undefined} />, root);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return controller;
}

const byLabel = (label: string) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${[...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))!.htmlFor}`)!;
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function key(el: HTMLElement, k: string, shiftKey = false) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
  });
}
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('the chat frame', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    localStorage.clear();
    vi.stubGlobal('WebSocket', FakeSocket);
    root = document.createElement('div');
    document.body.appendChild(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.unstubAllGlobals();
  });

  it('sends on Enter, keeps Shift+Enter for a new line, and announces messages in a live log', async () => {
    await mount(BASE);
    const ws = FakeSocket.all.at(-1)!;
    await act(async () => ws.open());
    expect(root.querySelector('h1')?.textContent).toBe('Shop chat');
    expect(root.textContent).toContain('Hi! Ask us anything.');
    const input = root.querySelector('textarea')!;
    expect(document.activeElement).toBe(input);

    await type(input, 'first line');
    await key(input, 'Enter', true);
    expect(ws.sent.filter((m) => m.type === 'message')).toEqual([]);
    await type(input, 'first line\nsecond line');
    await key(input, 'Enter');
    expect(ws.sent.filter((m) => m.type === 'message')).toMatchObject([{ text: 'first line\nsecond line' }]);
    expect(input.value).toBe('');
    const log = root.querySelector('[role="log"]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.textContent).toContain('first line\nsecond line');
    expect(log.querySelector('[data-delivery="pending"]')).not.toBeNull();
  });

  it('asks how the served chat was after it ended: one click rates, a comment may follow', async () => {
    await mount(BASE, 'de');
    const ws = FakeSocket.all.at(-1)!;
    await act(async () => ws.open());
    const survey = { token: 'sv.token', scale: 5, question: 'Wie zufrieden waren Sie mit unserer Hilfe?' };
    await act(async () => ws.push({ type: 'welcome', visitorId: 'v-1', conversation: { id: 'c-1', status: 'ended', agent: { name: 'Anna' }, lastSeq: 2, agentReadSeq: 2, survey }, online: true }));
    expect(root.textContent).toContain('Wie zufrieden waren Sie mit unserer Hilfe?');
    expect(root.querySelector('textarea')).toBeNull();
    await click(button('4'));
    expect(posts.filter((p) => p.url.includes('/surveys/'))).toEqual([{ url: '/api/v1/surveys/sv.token', body: { score: 4 } }]);
    expect(button('4').getAttribute('aria-pressed')).toBe('true');
    await type(byLabel('Möchten Sie noch etwas ergänzen?'), '  Schnell und freundlich. ');
    await click(button('Feedback senden'));
    expect(posts.filter((p) => p.url.includes('/surveys/')).at(-1)).toEqual({ url: '/api/v1/surveys/sv.token', body: { score: 4, comment: 'Schnell und freundlich.' } });
    expect(root.querySelector('[role="status"].success')?.textContent).toBe('Vielen Dank für Ihr Feedback!');
  });

  it('refuses a file that is too large or of the wrong type before uploading', async () => {
    await mount(BASE, 'de');
    const file = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const big = new File([new Uint8Array(2 * 1024 * 1024)], 'foto.png', { type: 'image/png' });
    await act(async () => {
      Object.defineProperty(file, 'files', { value: [big], configurable: true });
      file.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('foto.png ist größer als 1 MB.');
    const pdf = new File(['%PDF'], 'rechnung.pdf', { type: 'application/pdf' });
    await act(async () => {
      Object.defineProperty(file, 'files', { value: [pdf], configurable: true });
      file.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Dateien dieses Typs können nicht gesendet werden: rechnung.pdf.');
    expect(posts.some((p) => p.url.includes('/uploads'))).toBe(false);
  });

  it('asks the pre-chat questions first and requires the email when the channel says so', async () => {
    await mount({ ...BASE, preChatForm: { enabled: true, askName: true, requireEmail: true, topics: ['Billing', 'Returns'] } });
    expect(root.querySelector('textarea')).toBeNull();
    await click(button('Start chat'));
    expect(byLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain('Please fill in this field.');
    await type(byLabel('Name'), 'Ann');
    await type(byLabel('Email'), 'ann@example.com');
    const topic = root.querySelector('select')!;
    await act(async () => {
      topic.value = 'Returns';
      topic.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(button('Start chat'));
    const ws = FakeSocket.all.at(-1)!;
    await act(async () => ws.open());
    await act(async () => ws.push({ type: 'welcome', visitorId: 'v-1', conversation: null, online: true }));
    expect(ws.sent).toContainEqual({ type: 'start', form: { name: 'Ann', email: 'ann@example.com', topic: 'Returns' } });
    expect(root.querySelector('textarea')).not.toBeNull();
  });

  it('turns into a message form when nobody is online and promises an email answer', async () => {
    await mount({ ...BASE, online: false, offlineMessage: 'Back tomorrow at 8.' });
    expect(root.textContent).toContain('Back tomorrow at 8.');
    await click(button('Send message'));
    expect(byLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(byLabel('Message').getAttribute('aria-invalid')).toBe('true');
    await type(byLabel('Email'), 'not-an-address');
    await type(byLabel('Message'), 'Call me back, please.');
    await click(button('Send message'));
    expect(root.textContent).toContain('Please enter a valid email address.');
    await type(byLabel('Email'), 'olga@example.org');
    await click(button('Send message'));
    expect(posts.find((p) => p.url.endsWith('/offline'))?.body).toEqual({ email: 'olga@example.org', message: 'Call me back, please.' });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Thank you! We received your message and will answer by email to olga@example.org.');
  });
});
