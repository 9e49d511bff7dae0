import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notifications } from '@mantine/notifications';
import { QueryClient } from '@tanstack/react-query';
import type { ChatDetail, ChatMessage } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import { keys } from '../api/keys';
import type { Me } from '../api/types';
import { SessionProvider } from '../auth/session';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { ChatPanel } from './ChatPanel';

const TICKET = '00000000-0000-4000-8000-000000000001';
const ME: Me = {
  agent: { id: 'a-1', email: 'anna@example.com', name: 'Anna', role: 'agent', locale: 'en', timeZone: 'Europe/Berlin', active: true, createdAt: '', updatedAt: '' },
  teamIds: [],
  csrfToken: null,
};

const message = (seq: number, author: ChatMessage['author']): ChatMessage => ({ id: `m-${seq}`, seq, clientId: null, author, authorName: author, text: `text ${seq}`, attachments: [], at: '2026-03-02T10:00:00Z' });

const chat = (over: Partial<ChatDetail> = {}): ChatDetail => ({
  ticketId: TICKET,
  number: 12,
  status: 'waiting',
  channelId: 'cc-1',
  channelName: 'Shop chat',
  visitorName: 'Ann Visitor',
  agent: null,
  preview: 'Hello?',
  startedAt: '2026-03-02T10:00:00Z',
  lastMessageAt: '2026-03-02T10:00:00Z',
  lastSeq: 1,
  visitorReadSeq: 0,
  conversationId: 'conv-1',
  agentReadSeq: 0,
  endedAt: null,
  visitor: { name: 'Ann Visitor', email: null, verified: false },
  messages: [message(1, 'visitor')],
  bot: null,
  ...over,
});

function serve(detail: ChatDetail | null, extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === `/api/v1/chats/${TICKET}`) return detail ? json(200, detail) : json(404, { error: { code: 'not_found', message: 'chat not found' } });
    if (call.method === 'GET' && call.path === '/api/v1/agents') return json(200, { data: [ME.agent, { ...ME.agent, id: 'a-2', name: 'Ben', email: 'ben@example.com' }], nextCursor: null });
    if (call.method === 'GET' && call.path === '/api/v1/teams') return json(200, { data: [], nextCursor: null });
    return undefined;
  });
}

/** Renders the panel signed in as Anna (a-1), speaking `locale`. */
function renderPanel(locale: 'en' | 'de' = 'en') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(keys.me, { ...ME, agent: { ...ME.agent, locale } });
  return renderWithProviders(<ChatPanel ticketId={TICKET} canWrite />, {
    client,
    wrap: (children) => (
      <SessionProvider>
        <Notifications />
        {children}
      </SessionProvider>
    ),
  });
}

describe('ChatPanel', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('offers Accept on a waiting chat and says so when a colleague was faster', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve(chat(), (call) => (call.method === 'POST' && call.path === `/api/v1/chats/${TICKET}/accept` ? json(409, { error: { code: 'conflict', message: 'already accepted' } }) : undefined));
    renderPanel();
    const panel = await screen.findByRole('region', { name: 'Live chat' });
    expect(within(panel).getByText('Waiting')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('Another agent has already accepted this chat.')).toBeInTheDocument();
    expect(calls.filter((c) => c.path.endsWith('/accept'))).toHaveLength(1);
  });

  it('shows what the answer bot suggested in a chat it handed over, and lets an agent take over a chat the bot still has', async () => {
    const user = userEvent.setup({ delay: null });
    const bot = { outcome: 'handed_over' as const, answers: 1, suggested: [{ title: 'Bondrucker druckt nicht', url: '/help/de/articles/bondrucker-druckt-nicht', locale: 'de' as const }] };
    serve(chat({ messages: [message(1, 'visitor'), message(2, 'bot'), message(3, 'bot')], bot }));
    const { unmount } = renderPanel();
    const suggestions = await screen.findByRole('region', { name: 'Suggested by the bot' });
    expect(within(suggestions).getByText('Handed over by the bot')).toBeInTheDocument();
    expect(within(suggestions).getByRole('link', { name: 'Bondrucker druckt nicht (DE)' })).toHaveAttribute('href', '/help/de/articles/bondrucker-druckt-nicht');
    unmount();
    vi.unstubAllGlobals();
    const calls = serve(chat({ status: 'bot', bot: { outcome: 'answering', answers: 0, suggested: [] } }), (call) => (call.method === 'POST' && call.path.endsWith('/accept') ? json(200, chat({ status: 'active', agent: { id: 'a-1', name: 'Anna' } })) : undefined));
    renderPanel('de');
    const panel = await screen.findByRole('region', { name: 'Live-Chat' });
    expect(within(panel).getByText('Beim Antwort-Bot')).toBeInTheDocument();
    expect(within(panel).getByText('kein Artikel')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Übernehmen' }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/accept'))).toBe(true));
  });

  it('shows whether the visitor has read the latest reply', async () => {
    serve(chat({ status: 'active', agent: { id: 'a-1', name: 'Anna' }, lastSeq: 2, visitorReadSeq: 1, messages: [message(1, 'visitor'), message(2, 'agent')] }));
    const { unmount } = renderPanel();
    const panel = await screen.findByRole('region', { name: 'Live chat' });
    expect(within(panel).getByText('with you')).toBeInTheDocument();
    expect(within(panel).getByText('Delivered')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();
    serve(chat({ status: 'active', agent: { id: 'a-2', name: 'Ben' }, lastSeq: 2, visitorReadSeq: 2, messages: [message(1, 'visitor'), message(2, 'agent')] }));
    renderPanel();
    const again = await screen.findByRole('region', { name: 'Live chat' });
    expect(within(again).getByText('with Ben')).toBeInTheDocument();
    expect(within(again).getByText('Read by the visitor')).toBeInTheDocument();
  });

  it('transfers the chat to a colleague', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve(chat({ status: 'active', agent: { id: 'a-1', name: 'Anna' } }), (call) => (call.method === 'POST' && call.path.endsWith('/transfer') ? json(200, chat({ status: 'active', agent: { id: 'a-2', name: 'Ben' } })) : undefined));
    renderPanel();
    const panel = await screen.findByRole('region', { name: 'Live chat' });
    await user.click(within(panel).getByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer chat' });
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(await within(dialog).findByText('Choose who takes the chat over.')).toBeInTheDocument();
    await user.click(within(dialog).getAllByLabelText('Agent').find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')!);
    // Only colleagues are offered, not the agent themself.
    expect(screen.queryByRole('option', { name: 'Anna' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: 'Ben' }));
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith('/transfer'))?.body).toEqual({ agentId: 'a-2' }));
  });

  it('shows nothing on a ticket without a chat, and an ended chat without actions', async () => {
    serve(null);
    const { unmount, client } = renderPanel();
    await waitFor(() => expect(client.getQueryState(['chats', 'ticket', TICKET])?.status).toBe('success'));
    expect(screen.queryByRole('region', { name: 'Live chat' })).not.toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();
    serve(chat({ status: 'ended', endedAt: '2026-03-02T10:30:00Z' }));
    renderPanel();
    const panel = await screen.findByRole('region', { name: 'Live chat' });
    expect(within(panel).getByText('Ended')).toBeInTheDocument();
    expect(within(panel).queryByRole('button')).not.toBeInTheDocument();
  });

  it('speaks German', async () => {
    serve(chat({ status: 'active', agent: { id: 'a-2', name: 'Ben' } }));
    renderPanel('de');
    const panel = await screen.findByRole('region', { name: 'Live-Chat' });
    expect(within(panel).getByText('mit Ben')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'In Ticket umwandeln' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Chat beenden' })).toBeInTheDocument();
  });
});
