import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Macro } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { MacroListPage } from './MacroListPage';

const REFUND: Macro = {
  id: 'm-1',
  name: 'Refund granted',
  shortcut: 'refund',
  scope: 'shared',
  ownerId: null,
  texts: { en: 'Hello {{customer.first_name}}, your refund is on its way.', de: 'Hallo {{customer.first_name}}' },
  actions: { status: 'pending', teamId: 't-1', addTags: ['refund'], removeTags: ['new'] },
  active: true,
  usageCount: 12,
  lastUsedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const CANNED: Macro = { ...REFUND, id: 'm-2', name: 'Thanks', shortcut: null, texts: { en: 'Thank you!' }, actions: {}, active: false, usageCount: 1 };

function serve(macros: Macro[], extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method === 'GET' && call.path === '/api/v1/macros') {
      const q = (call.query.get('q') ?? '').toLowerCase();
      return json(200, { data: macros.filter((m) => m.name.toLowerCase().includes(q)), nextCursor: null });
    }
    if (call.method === 'GET' && call.path === '/api/v1/teams') return json(200, { data: [{ id: 't-1', name: 'Billing', description: null, memberIds: [], createdAt: '', updatedAt: '' }], nextCursor: null });
    if (call.method === 'GET' && call.path === '/api/v1/agents') return json(200, { data: [], nextCursor: null });
    return undefined;
  });
}

/** The visible input of a Mantine Select or TagsInput (it has a hidden twin with the same label). */
const field = (dialog: HTMLElement, label: string) =>
  within(dialog).getAllByLabelText(label).find((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'hidden')!;

/** Types long text at once (typing it key by key re-renders the preview each time). */
async function paste(user: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string) {
  await user.click(el);
  await user.paste(text);
}

async function openNew(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'New shared macro' }));
  return screen.findByRole('dialog', { name: 'New shared macro' });
}

describe('MacroListPage (Admin → Macros)', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('lists shared macros with shortcut, languages, changes and use, filters canned replies, or says there are none', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([REFUND, CANNED]);
    const { unmount } = renderWithProviders(<MacroListPage scope="shared" />);
    const table = await screen.findByRole('table', { name: 'Shared macros' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Refund granted/refund');
    expect(rows[0]).toHaveTextContent('ende');
    await waitFor(() => expect(rows[0]).toHaveTextContent('Status: Pending · Team: Billing · Tags: +refund −new'));
    expect(rows[0]).toHaveTextContent('12 times');
    expect(rows[1]).toHaveTextContent('Text only');
    expect(rows[1]).toHaveTextContent('Switched off');
    expect(calls.find((c) => c.path === '/api/v1/macros')?.query.get('scope')).toBe('shared');

    await user.click(screen.getByRole('radio', { name: 'Canned replies' }));
    expect(within(screen.getByRole('table', { name: 'Shared macros' })).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('table', { name: 'Shared macros' })).toHaveTextContent('Thanks');
    unmount();
    vi.unstubAllGlobals();
    serve([]);
    renderWithProviders(<MacroListPage scope="shared" />);
    expect(await screen.findByText(/No shared macros yet/)).toBeInTheDocument();
  });

  it('previews the text for a sample ticket while typing, names an unknown placeholder before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([]);
    renderWithProviders(<MacroListPage scope="shared" />);
    const dialog = await openNew(user);
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Greeting');
    const text = within(dialog).getByRole('textbox', { name: /^Text in English/ });
    await paste(user, text, 'Hello {{customer.first_name}}, about #{{ticket.number}} {{customer.nick}}');
    const preview = within(dialog).getByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('Hello Maria, about #1234 {{customer.nick}}');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Unknown placeholder {{customer.nick}}.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('inserts a placeholder where the cursor is', async () => {
    const user = userEvent.setup({ delay: null });
    serve([]);
    renderWithProviders(<MacroListPage scope="shared" />);
    const dialog = await openNew(user);
    const text = within(dialog).getByRole('textbox', { name: /^Text in English/ });
    await paste(user, text, 'Hello !');
    (text as HTMLTextAreaElement).setSelectionRange(6, 6);
    await user.click(within(dialog).getByRole('button', { name: 'Insert placeholder' }));
    await user.click(await screen.findByRole('menuitem', { name: /Customer's first name/ }));
    await waitFor(() => expect(text).toHaveValue('Hello {{customer.first_name}}!'));
  });

  it('sends texts in both languages, the shortcut and the field actions', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([], (call) => (call.method === 'POST' ? json(201, REFUND) : undefined));
    renderWithProviders(<MacroListPage scope="shared" />);
    const dialog = await openNew(user);
    await paste(user, within(dialog).getByRole('textbox', { name: /^Name/ }), 'Refund granted');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Shortcut/ }), '/Refund');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Text in English/ }), 'Hello {{customer.first_name}}');
    await user.click(within(dialog).getByRole('tab', { name: 'German' }));
    await paste(user, within(dialog).getByRole('textbox', { name: /^Text in German/ }), 'Hallo!');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Status' }), 'Pending');
    await user.type(field(dialog, 'Add tags'), 'refund,');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Refund granted',
      shortcut: 'Refund',
      scope: 'shared',
      texts: { en: 'Hello {{customer.first_name}}', de: 'Hallo!' },
      actions: { status: 'pending', addTags: ['refund'] },
      active: true,
    });
  });

  it('shows the server’s error on its field, edits and deletes after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve([REFUND], (call) => {
      if (call.method === 'PATCH') return json(409, { error: { code: 'conflict', message: 'this shortcut is already in use', details: [{ path: 'body.shortcut', message: 'already in use' }] } });
      if (call.method === 'DELETE') return new Response(null, { status: 204 });
      return undefined;
    });
    renderWithProviders(<MacroListPage scope="shared" />);
    await user.click(await screen.findByRole('button', { name: 'Edit Refund granted' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit macro Refund granted' });
    expect(within(dialog).getByRole('textbox', { name: /^Shortcut/ })).toHaveValue('refund');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('already in use')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ actions: { status: 'pending', teamId: 't-1', addTags: ['refund'], removeTags: ['new'] } });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Delete Refund granted' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/macros/m-1')).toBe(true));
  });

  it('is “My macros” for personal ones, in German', async () => {
    const user = userEvent.setup({ delay: null });
    await i18n.changeLanguage('de');
    const calls = serve([], (call) => (call.method === 'POST' ? json(201, { ...CANNED, scope: 'personal' }) : undefined));
    renderWithProviders(<MacroListPage scope="personal" />);
    expect(await screen.findByText('Sie haben noch keine eigenen Makros.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Neues Makro' }));
    const dialog = await screen.findByRole('dialog', { name: 'Neues Makro' });
    expect(within(dialog).getByRole('tab', { name: 'Deutsch' })).toHaveAttribute('aria-selected', 'true');
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Gruß');
    await paste(user, within(dialog).getByRole('textbox', { name: /^Text auf Deutsch/ }), 'Viele Grüße, {{agent.first_name}}');
    expect(within(dialog).getByRole('region', { name: 'Vorschau' })).toHaveTextContent('Viele Grüße, Anna');
    await user.click(within(dialog).getByRole('button', { name: 'Anlegen' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ scope: 'personal', texts: { de: 'Viele Grüße, {{agent.first_name}}' } }));
    expect(calls.find((c) => c.path === '/api/v1/macros')?.query.get('scope')).toBe('personal');
  });
});
