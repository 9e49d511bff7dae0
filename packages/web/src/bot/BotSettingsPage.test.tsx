import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BotReport, BotSettings, BotTestResult } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { BotSettingsPage } from './BotSettingsPage';

const SETTINGS: BotSettings = { chatEnabled: false, emailSuggestions: false, mode: 'retrieval', llm: { baseUrl: '', model: '', apiKeySet: false, timeoutMs: 15_000 }, updatedAt: '2026-04-01T10:00:00Z' };
const counts = (over: Partial<BotReport['byChannel']['chat']> = {}) => ({ sessions: 0, answered: 0, confirmed: 0, handedOver: 0, abandoned: 0, answering: 0, confirmationRate: null, ...over });
const REPORT: BotReport = {
  period: { from: '2026-03-02T00:00:00Z', to: '2026-04-01T00:00:00Z' },
  ...counts({ sessions: 12, answered: 10, confirmed: 4, handedOver: 5, abandoned: 2, answering: 1, confirmationRate: 40 }),
  byChannel: { chat: counts({ sessions: 9, answered: 7, confirmed: 4, handedOver: 2, abandoned: 2, answering: 1, confirmationRate: 57.1 }), email: counts({ sessions: 3, answered: 3, handedOver: 3, confirmationRate: 0 }) },
};

function serve(settings: BotSettings, extra: (c: Call) => Response | undefined = () => undefined) {
  return mockServer((c) => {
    const answer = extra(c);
    if (answer) return answer;
    if (c.path === '/api/v1/bot/settings' && c.method === 'GET') return json(200, settings);
    if (c.path === '/api/v1/bot/settings' && c.method === 'PATCH') {
      const b = c.body as any;
      return json(200, { ...settings, ...b, llm: { baseUrl: b.llm.baseUrl, model: b.llm.model, timeoutMs: b.llm.timeoutMs, apiKeySet: b.llm.apiKey === undefined ? settings.llm.apiKeySet : b.llm.apiKey !== '' } });
    }
    if (c.path === '/api/v1/reports/bot') return json(200, REPORT);
    return undefined;
  });
}

describe('BotSettingsPage', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('switches the bot on with a model: address and model are required, the key goes out only when typed', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve(SETTINGS);
    renderWithProviders(<BotSettingsPage />);
    await user.click(await screen.findByRole('switch', { name: /Answer chat visitors first/ }));
    await user.click(screen.getByRole('radio', { name: /Composed by a language model/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('Please fill in this field.')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await user.type(screen.getByRole('textbox', { name: /Server address/ }), 'ftp://llm.local');
    await user.type(screen.getByRole('textbox', { name: /Model/ }), 'llama3.1:8b');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/An http:\/\/ or https:\/\/ address/)).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: /Server address/ }));
    await user.type(screen.getByRole('textbox', { name: /Server address/ }), 'http://127.0.0.1:11434');
    await user.type(screen.getByLabelText('API key'), 'sk-local-123');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      chatEnabled: true,
      emailSuggestions: false,
      mode: 'llm',
      llm: { baseUrl: 'http://127.0.0.1:11434', model: 'llama3.1:8b', timeoutMs: 15_000, apiKey: 'sk-local-123' },
    });
    expect(await screen.findByText('A key is stored. Type a new one to replace it.')).toBeInTheDocument();
    expect(screen.getByLabelText('API key')).toHaveValue('');
  });

  it('keeps a stored key unless a new one is typed or removal is ticked, and shows the server’s refusal at the field', async () => {
    const user = userEvent.setup({ delay: null });
    const stored: BotSettings = { ...SETTINGS, mode: 'llm', llm: { baseUrl: 'http://127.0.0.1:11434', model: 'qwen', apiKeySet: true, timeoutMs: 8_000 } };
    let refuse = true;
    const calls = serve(stored, (c) => {
      if (c.method !== 'PATCH' || !refuse) return undefined;
      refuse = false;
      return json(400, { error: { code: 'validation_failed', message: 'invalid', details: [{ path: 'body.llm.model', message: 'unknown model' }] } });
    });
    renderWithProviders(<BotSettingsPage />);
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText('unknown model')).toBeInTheDocument();
    expect((calls.find((c) => c.method === 'PATCH')!.body as any).llm).toEqual({ baseUrl: 'http://127.0.0.1:11434', model: 'qwen', timeoutMs: 8_000 });
    await user.click(screen.getByRole('checkbox', { name: 'Remove the stored key' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect((calls.filter((c) => c.method === 'PATCH')[1]!.body as any).llm.apiKey).toBe('');
  });

  it('tries a question and shows the answer, why the model was not used, and the passages', async () => {
    const user = userEvent.setup({ delay: null });
    const result: BotTestResult = {
      kind: 'answer',
      via: 'retrieval',
      fallback: 'the model server answered HTTP 500',
      answer: 'Öffnen Sie die Klappe und legen Sie die Rolle ein.',
      articles: [{ n: 1, title: 'Bondrucker druckt nicht', url: '/help/de/articles/bondrucker-druckt-nicht' }],
      passages: [{ n: 1, title: 'Bondrucker druckt nicht', url: '/help/de/articles/bondrucker-druckt-nicht', text: 'Öffnen Sie die Klappe …', score: 0.79 }],
    };
    const calls = serve(SETTINGS, (c) => (c.path === '/api/v1/bot/test' ? json(200, result) : undefined));
    await i18n.changeLanguage('de');
    renderWithProviders(<BotSettingsPage />);
    await user.click(await screen.findByRole('button', { name: 'Fragen' }));
    expect(screen.getByText('Bitte füllen Sie dieses Feld aus.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Frage' }), 'Bondrucker druckt nicht');
    await user.click(screen.getByRole('button', { name: 'Fragen' }));
    const out = await screen.findByTestId('bot-test-result');
    expect(calls.find((c) => c.path === '/api/v1/bot/test')!.body).toEqual({ question: 'Bondrucker druckt nicht', locale: 'de' });
    expect(within(out).getByText('Würde antworten')).toBeInTheDocument();
    expect(within(out).getByText(/nicht verwendet \(the model server answered HTTP 500\)/)).toBeInTheDocument();
    expect(within(out).getByRole('link', { name: 'Bondrucker druckt nicht' })).toHaveAttribute('href', '/help/de/articles/bondrucker-druckt-nicht');
    expect(within(out).getByText('deckt 79 % ab')).toBeInTheDocument();
  });

  it('reports the outcomes with the confirmation rate, in all and per channel', async () => {
    serve(SETTINGS);
    renderWithProviders(<BotSettingsPage />);
    const report = await screen.findByRole('region', { name: 'Results' });
    const rate = await within(report).findByText('Confirmation rate', { selector: 'figcaption' });
    expect(rate.parentElement).toHaveTextContent('40 %');
    const table = within(report).getByRole('table', { name: 'By channel' });
    const rows = within(table).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['Channel', 'Conversations', 'Answered', 'Confirmed', 'Handed over', 'Abandoned', 'Still with the bot', 'Confirmation rate']);
    expect(rows[1]).toEqual(['Chat', '9', '7', '4', '2', '2', '1', '57.1 %']);
    expect(rows[2]).toEqual(['Email', '3', '3', '0', '3', '0', '0', '0 %']);
  });
});
