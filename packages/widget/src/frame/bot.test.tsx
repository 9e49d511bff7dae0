import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ChatBotContent, ChatMessage, ChatWidgetConfig } from '@servus/shared';
import { FakeSocket } from '../test/fake-socket';
import { App } from './App';
import { ChatController } from './controller';
import { translator, type Locale } from './i18n';

const CONFIG: ChatWidgetConfig = {
  channelId: 'ch-1',
  name: 'Kassen-Hilfe',
  color: '#2b8a3e',
  locale: 'de',
  greeting: '',
  offlineMessage: '',
  online: true,
  bot: true,
  preChatForm: { enabled: false, askName: true, requireEmail: false, topics: [] },
  maxUploadBytes: 1024 * 1024,
  allowedUploadTypes: ['image/png'],
};
const TOKEN = 'tok-0123456789abcdefghij';
const CONV = { id: 'c-1', agent: null, lastSeq: 2, agentReadSeq: 0, survey: null };
let root: HTMLElement;
let posts: { url: string; body: unknown }[] = [];

function serve(config: ChatWidgetConfig) {
  posts = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.includes('/widget-config')) return new Response(JSON.stringify(config), { status: 200 });
      posts.push({ url, body: JSON.parse(String(init?.body ?? 'null')) });
      if (url.endsWith('/sessions')) return new Response(JSON.stringify({ token: TOKEN, visitorId: 'v-1', conversation: null }), { status: 200 });
      if (url.endsWith('/offline')) return new Response(JSON.stringify({ ticketNumber: 7 }), { status: 201 });
      return new Response('{}', { status: 404 });
    }),
  );
}

async function mount(config: ChatWidgetConfig, locale: Locale) {
  serve(config);
  localStorage.setItem('servus.chat.ch-1', JSON.stringify({ token: TOKEN }));
  const controller = new ChatController('ch-1', locale);
  await act(async () => {
    await controller.boot();
    controller.setOpen(true);
    render(<App controller={controller} t={translator(locale)} locale={locale} embedded onClose={() => undefined} />, root);
  });
  const ws = FakeSocket.all.at(-1)!;
  await act(async () => ws.open());
  return ws;
}

const push = (ws: FakeSocket, msg: unknown) => act(async () => ws.push(msg));
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

function botMessage(seq: number, bot: ChatBotContent): { type: 'message'; conversationId: string; message: ChatMessage } {
  return { type: 'message', conversationId: 'c-1', message: { id: `m-${seq}`, seq, clientId: null, author: 'bot', authorName: '', text: bot.answer, attachments: [], at: '2026-04-06T09:00:00Z', bot } };
}
const visitor = (seq: number, text: string) => ({ type: 'message', conversationId: 'c-1', message: { id: `m-${seq}`, seq, clientId: `cl-${seq}`, author: 'visitor', authorName: 'Sie', text, attachments: [], at: '2026-04-06T09:00:00Z' } });

const ANSWER: ChatBotContent = {
  kind: 'answer',
  answer: 'Öffnen Sie die Klappe und legen Sie die Rolle ein.',
  articles: [
    { n: 1, title: 'Bondrucker druckt nicht', url: '/help/de/articles/bondrucker-druckt-nicht' },
    { n: 2, title: 'Papierrolle wechseln', url: '/help/de/articles/papierrolle-wechseln' },
  ],
  ask: true,
};

describe('the answer bot in the chat frame', () => {
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

  it('shows the answer with its article link, more articles, and asks whether it helped; Ja goes to the server once', async () => {
    const ws = await mount(CONFIG, 'de');
    await push(ws, { type: 'welcome', visitorId: 'v-1', conversation: { ...CONV, status: 'bot' }, online: true });
    expect(root.textContent).toContain('Unser Assistent antwortet zuerst');
    await push(ws, visitor(1, 'Bondrucker druckt nicht'));
    await push(ws, botMessage(2, ANSWER));
    const bubble = root.querySelector('[data-author="bot"]')!;
    expect(bubble.querySelector('.author')?.textContent).toBe('Assistent');
    expect(bubble.textContent).toContain('Öffnen Sie die Klappe und legen Sie die Rolle ein.');
    const links = [...bubble.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]);
    expect(links).toEqual([
      ['Bondrucker druckt nicht', '/help/de/articles/bondrucker-druckt-nicht', '_blank', 'noopener noreferrer'],
      ['Papierrolle wechseln', '/help/de/articles/papierrolle-wechseln', '_blank', 'noopener noreferrer'],
    ]);
    expect(bubble.textContent).toContain('Mehr dazu: Bondrucker druckt nicht');
    expect(bubble.textContent).toContain('Weitere Artikel:');
    expect(bubble.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Hat das Ihre Frage beantwortet?');
    expect(['Ja', 'Nein', 'Mit einem Menschen sprechen'].map((n) => Boolean(button(n)))).toEqual([true, true, true]);

    await click(button('Ja')!);
    expect(ws.sent.filter((m) => m.type === 'bot')).toEqual([{ type: 'bot', action: 'yes' }]);
    expect(button('Ja')).toBeUndefined();
    await push(ws, botMessage(3, { kind: 'confirmed', answer: 'Das freut mich!', articles: [], ask: false }));
    await push(ws, { type: 'status', conversation: { ...CONV, lastSeq: 3, status: 'ended' } });
    expect(root.textContent).toContain('Das freut mich!');
    expect(button('Nein')).toBeUndefined();
  });

  it('asks only under the latest answer, and no more once the chat is with an agent', async () => {
    const ws = await mount(CONFIG, 'en');
    await push(ws, { type: 'welcome', visitorId: 'v-1', conversation: { ...CONV, status: 'bot' }, online: true });
    await push(ws, botMessage(1, { ...ANSWER, answer: 'First answer.' }));
    await push(ws, botMessage(2, { ...ANSWER, answer: 'Second answer.' }));
    expect(root.querySelectorAll('[role="group"]').length).toBe(1);
    expect(root.querySelectorAll('[data-author="bot"]')[1]!.querySelector('[role="group"]')).not.toBeNull();
    expect(root.querySelector('[role="group"]')?.textContent).toContain('Did this answer your question?');
    await click(button('Talk to a person')!);
    expect(ws.sent.filter((m) => m.type === 'bot')).toEqual([{ type: 'bot', action: 'human' }]);
    await push(ws, botMessage(3, { kind: 'handover', answer: "Of course, I'm passing you on to a colleague.", articles: [], ask: false }));
    await push(ws, { type: 'status', conversation: { ...CONV, lastSeq: 3, status: 'waiting' } });
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(root.textContent).toContain('Waiting for the next free agent');
  });

  it('links citations to the cited article and never links an address outside the help center', async () => {
    const ws = await mount(CONFIG, 'de');
    await push(ws, { type: 'welcome', visitorId: 'v-1', conversation: { ...CONV, status: 'bot' }, online: true });
    await push(ws, botMessage(1, { kind: 'answer', answer: 'Rolle einlegen [1]. Siehe auch [2].', articles: [{ n: 1, title: 'Bondrucker', url: '/help/de/articles/bondrucker' }, { n: 2, title: 'Böse', url: 'javascript:alert(1)' }], ask: true }));
    const text = root.querySelector('[data-author="bot"] .text')!;
    const cite = text.querySelector('a')!;
    expect([cite.textContent, cite.getAttribute('href'), cite.getAttribute('title')]).toEqual(['[1]', '/help/de/articles/bondrucker', 'Quelle 1: Bondrucker']);
    expect(text.querySelectorAll('a').length).toBe(1);
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(text.textContent).toBe('Rolle einlegen [1]. Siehe auch [2].');
  });

  it('lets the visitor ask while nobody is online, and offers the message form once the bot finds nobody', async () => {
    const ws = await mount({ ...CONFIG, online: false }, 'de');
    await push(ws, { type: 'welcome', visitorId: 'v-1', conversation: null, online: false });
    expect(root.querySelector('textarea')).not.toBeNull();
    expect(button('Nachricht senden')).toBeUndefined();
    await push(ws, { type: 'status', conversation: { ...CONV, lastSeq: 0, status: 'bot' } });
    await push(ws, visitor(1, 'Mitarbeiter bitte'));
    await push(ws, botMessage(2, { kind: 'offline', answer: 'Gerade ist leider niemand aus unserem Team erreichbar.', articles: [], ask: false }));
    await push(ws, { type: 'status', conversation: { ...CONV, status: 'ended' } });
    expect(root.textContent).toContain('Gerade ist leider niemand aus unserem Team erreichbar.');
    const email = root.querySelector<HTMLInputElement>('input[type="email"]')!;
    const message = root.querySelector<HTMLTextAreaElement>('#off-message')!;
    await act(async () => {
      email.value = 'kasse@laden.example';
      email.dispatchEvent(new Event('input', { bubbles: true }));
      message.value = 'Bitte rufen Sie zurück.';
      message.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button('Nachricht senden')!);
    expect(posts.find((p) => p.url.endsWith('/offline'))?.body).toEqual({ token: TOKEN, email: 'kasse@laden.example', message: 'Bitte rufen Sie zurück.' });
  });
});
