import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Macro } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { Composer, type ComposerHandle } from '../tickets/composer/Composer';
import { textToNodes } from './insert-text';

const TICKET = 't-1';
const macro = (over: Partial<Macro>): Macro => ({
  id: 'm-1',
  name: 'Refund granted',
  shortcut: 'refund',
  scope: 'shared',
  ownerId: null,
  texts: { en: 'Hello {{customer.first_name}}, your refund is on its way.' },
  actions: { status: 'pending' },
  active: true,
  usageCount: 3,
  lastUsedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});
const REFUND = macro({});
const THANKS = macro({ id: 'm-2', name: 'Thanks', shortcut: 'thx', scope: 'personal', ownerId: 'a-1', texts: { en: 'Thanks!' }, actions: {} });
const ticket = (version: number, status = 'open') => ({ id: TICKET, number: 7, subject: 'Printer', status, version, requester: null, custom: {}, tags: [] });

function serve(macros: Macro[], apply: (call: Call) => Response = () => json(200, { text: 'Hello <b>Maria</b>,\nyour refund is on its way.', locale: 'en', changed: true, ticket: ticket(4, 'pending'), message: null })) {
  return mockServer((call) => {
    if (call.method === 'GET' && call.path === '/api/v1/macros') {
      const q = (call.query.get('q') ?? '').toLowerCase();
      return json(200, { data: macros.filter((m) => !q || m.name.toLowerCase().includes(q) || m.shortcut?.startsWith(q)), nextCursor: null });
    }
    if (call.method === 'POST' && call.path.startsWith(`/api/v1/tickets/${TICKET}/macros/`)) return apply(call);
    return undefined;
  });
}

function Harness() {
  const [version, setVersion] = useState(3);
  const ref = useRef<ComposerHandle>(null);
  return (
    <>
      <output aria-label="reviewed version">{version}</output>
      <button type="button" onClick={() => ref.current?.focus('public')}>focus composer</button>
      <Composer ref={ref} ticketId={TICKET} version={version} onVersionChange={setVersion} />
    </>
  );
}

async function openWithSlash(user: ReturnType<typeof userEvent.setup>, names = { editor: 'Message text', dialog: 'Insert a macro' }) {
  const editor = await screen.findByRole('textbox', { name: names.editor });
  await user.click(screen.getByRole('button', { name: 'focus composer' }));
  fireEvent.keyDown(editor, { key: '/' });
  return { editor, dialog: await screen.findByRole('dialog', { name: names.dialog }) };
}

describe('macros in the composer', () => {
  beforeEach(() => {
    sessionStorage.setItem(`servus.draft.${TICKET}`, JSON.stringify({ html: '<p>Dear customer</p><p></p>', mode: 'public' }));
    setCsrfToken('csrf-1');
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('opens the picker with / at a line start, filters, picks with the keyboard and inserts the text as text', async () => {
    const user = userEvent.setup();
    const calls = serve([REFUND, THANKS]);
    const { client } = renderWithProviders(<Harness />);
    client.setQueryData(['ticket', TICKET], ticket(3));
    const { editor, dialog } = await openWithSlash(user);
    const search = within(dialog).getByRole('combobox', { name: 'Search macros' });
    await waitFor(() => expect(search).toHaveFocus());
    const options = await within(dialog).findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Refund granted'), expect.stringContaining('Thanks')]);
    expect(options[0]).toHaveTextContent('changes the ticket');
    expect(options[0]).toHaveTextContent('/refund');
    expect(options[1]).toHaveTextContent('mine');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');

    await user.type(search, 'ref');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/macros' && c.query.get('q') === 'ref')).toBe(true));
    await waitFor(() => expect(within(dialog).getAllByRole('option')).toHaveLength(1));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: `/api/v1/tickets/${TICKET}/macros/m-1/apply`, body: { locale: 'en' } }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Insert a macro' })).not.toBeInTheDocument());
    await waitFor(() => expect(editor).toHaveTextContent('Dear customerHello <b>Maria</b>,your refund is on its way.'));
    expect(editor.querySelector('b')).toBeNull();
    expect(editor.querySelector('br')).not.toBeNull();
    expect(screen.getByLabelText('reviewed version')).toHaveTextContent('4');
    expect(client.getQueryData<{ status: string }>(['ticket', TICKET])?.status).toBe('pending');
    expect(sessionStorage.getItem(`servus.draft.${TICKET}`)).toContain('your refund is on its way');
  });

  it('moves through the list with the arrow keys', async () => {
    const user = userEvent.setup();
    const calls = serve([REFUND, THANKS], () => json(200, { text: 'Thanks!', locale: 'en', changed: false, ticket: ticket(3), message: null }));
    renderWithProviders(<Harness />);
    const { editor, dialog } = await openWithSlash(user);
    await within(dialog).findAllByRole('option');
    await user.keyboard('{ArrowDown}');
    expect(within(dialog).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(within(dialog).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.path).toBe(`/api/v1/tickets/${TICKET}/macros/m-2/apply`));
    await waitFor(() => expect(editor).toHaveTextContent('Dear customerThanks!'));
    expect(screen.getByLabelText('reviewed version')).toHaveTextContent('3');
  });

  it('gives the slash back when closed, and leaves a slash inside a word alone', async () => {
    const user = userEvent.setup();
    const calls = serve([REFUND]);
    renderWithProviders(<Harness />);
    const { editor } = await openWithSlash(user);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Insert a macro' })).not.toBeInTheDocument());
    await waitFor(() => expect(editor).toHaveTextContent('Dear customer/'));
    // Now the cursor follows the slash: another slash is no word start.
    fireEvent.keyDown(editor, { key: '/' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('dialog', { name: 'Insert a macro' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('opens with Ctrl+Shift+M and the Macros button, and says when nothing matches', async () => {
    const user = userEvent.setup();
    serve([]);
    renderWithProviders(<Harness />);
    const editor = await screen.findByRole('textbox', { name: 'Message text' });
    fireEvent.keyDown(editor, { key: 'M', ctrlKey: true, shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Insert a macro' });
    expect(await within(dialog).findByText(/There are no macros yet/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('combobox'), 'zzz');
    expect(await within(dialog).findByText('No macro matches “zzz”.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Macros' }));
    expect(await screen.findByRole('dialog', { name: 'Insert a macro' })).toBeInTheDocument();
  });

  it('keeps the picker open and says why when applying fails', async () => {
    const user = userEvent.setup();
    serve([REFUND], () => json(409, { error: { code: 'conflict', message: 'this macro is switched off' } }));
    renderWithProviders(<Harness />);
    const { dialog } = await openWithSlash(user);
    await within(dialog).findAllByRole('option');
    await user.keyboard('{Enter}');
    expect(await within(screen.getByRole('dialog', { name: 'Insert a macro' })).findByRole('alert')).toHaveTextContent('this macro is switched off');
    expect(screen.getByRole('dialog', { name: 'Insert a macro' })).toBeInTheDocument();
  });

  it('speaks German', async () => {
    const user = userEvent.setup();
    await i18n.changeLanguage('de');
    serve([REFUND]);
    renderWithProviders(<Harness />);
    const { dialog } = await openWithSlash(user, { editor: i18n.t('composer.editorLabel'), dialog: 'Makro einfügen' });
    expect(within(dialog).getByRole('combobox', { name: 'Makros durchsuchen' })).toBeInTheDocument();
    expect(await within(dialog).findByText('ändert das Ticket')).toBeInTheDocument();
  });
});

describe('textToNodes', () => {
  it('makes paragraphs and line breaks from text, and never markup', () => {
    expect(textToNodes('One line')).toEqual([{ type: 'text', text: 'One line' }]);
    expect(textToNodes('a\nb')).toEqual([{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }]);
    expect(textToNodes('p1\n\n\np2 <i>x</i>')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'p1' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'p2 <i>x</i>' }] },
    ]);
    expect(textToNodes('  \n ')).toEqual([]);
  });
});
