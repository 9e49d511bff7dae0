import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../../api/client';
import { json, renderWithProviders } from '../../test/render';
import { Composer } from './Composer';

const TICKET = 't-1';
const ticket = (version: number) => ({ id: TICKET, number: 7, subject: 'Printer', status: 'open', version, requester: null, custom: {}, tags: [] });

interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

/** Replaces the browser's network: each request is answered by the next handler that matches. */
function mockServer(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    return answer(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function Harness({ initialVersion }: { initialVersion: number }) {
  const [version, setVersion] = useState(initialVersion);
  return (
    <>
      <output aria-label="reviewed version">{version}</output>
      <Composer ticketId={TICKET} version={version} onVersionChange={setVersion} />
    </>
  );
}

describe('Composer version conflict', () => {
  beforeEach(() => {
    sessionStorage.setItem(`servus.draft.${TICKET}`, JSON.stringify({ html: '<p>My draft answer</p>', mode: 'public' }));
    setCsrfToken('csrf-123');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
    setCsrfToken(null);
  });

  it('keeps the draft, reloads the ticket, asks for review, then sends with the new version', async () => {
    const user = userEvent.setup();
    let posts = 0;
    const calls = mockServer((call) => {
      if (call.method === 'POST' && call.path === `/api/v1/tickets/${TICKET}/messages`) {
        posts++;
        if (posts === 1) return json(409, { error: { code: 'version_conflict', message: 'the ticket changed since you loaded it', details: { currentVersion: 5 } } });
        return json(201, { ticket: ticket(6), message: { id: 'm-2', ticketId: TICKET, kind: 'public', author: { kind: 'agent', id: 'a' }, text: 'My draft answer', html: '<p>My draft answer</p>', source: 'web', attachments: [], createdAt: '2026-01-01T00:00:00Z' } });
      }
      if (call.method === 'GET' && call.path === `/api/v1/tickets/${TICKET}`) return json(200, ticket(5));
      return json(404, { error: { code: 'not_found', message: call.path } });
    });

    renderWithProviders(<Harness initialVersion={3} />);
    const editor = await screen.findByRole('textbox', { name: 'Message text' });
    expect(editor).toHaveTextContent('My draft answer');

    await user.click(screen.getByRole('button', { name: 'Send' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This ticket changed since you opened it — review the new activity, then send again.');
    expect(calls[0]).toMatchObject({ method: 'POST', body: { kind: 'public', html: '<p>My draft answer</p>', version: 3 } });
    expect(calls[0].headers['x-csrf-token']).toBe('csrf-123');
    await waitFor(() => expect(screen.getByLabelText('reviewed version')).toHaveTextContent('5'));
    expect(calls.some((c) => c.method === 'GET' && c.path === `/api/v1/tickets/${TICKET}`)).toBe(true);
    expect(editor).toHaveTextContent('My draft answer');
    expect(sessionStorage.getItem(`servus.draft.${TICKET}`)).toContain('My draft answer');

    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(posts).toBe(2));
    const second = calls.filter((c) => c.method === 'POST')[1];
    expect(second.body).toMatchObject({ version: 5, html: '<p>My draft answer</p>' });
    await waitFor(() => expect(screen.getByLabelText('reviewed version')).toHaveTextContent('6'));
    await waitFor(() => expect(editor).not.toHaveTextContent('My draft answer'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sessionStorage.getItem(`servus.draft.${TICKET}`)).toBeNull();
  });

  it('sends with a status ("reply and set pending") and keeps the draft on other errors', async () => {
    const user = userEvent.setup();
    let fail = true;
    const calls = mockServer((call) => {
      if (call.method === 'POST') {
        if (fail) return json(503, { error: { code: 'unavailable', message: 'the database is unavailable' } });
        return json(201, { ticket: { ...ticket(4), status: 'pending' }, message: { id: 'm', ticketId: TICKET, kind: 'public', author: { kind: 'agent', id: 'a' }, text: '', html: '', source: 'web', attachments: [], createdAt: '2026-01-01T00:00:00Z' } });
      }
      return json(404, { error: { code: 'not_found', message: 'x' } });
    });
    renderWithProviders(<Harness initialVersion={3} />);
    const editor = await screen.findByRole('textbox', { name: 'Message text' });

    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(editor).toHaveTextContent('My draft answer');
    expect(screen.queryByRole('alert')).toBeNull();

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Send and change status' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Send and set Pending' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].body).toMatchObject({ kind: 'public', status: 'pending', version: 3 });
    await waitFor(() => expect(editor).not.toHaveTextContent('My draft answer'));
  });
});
