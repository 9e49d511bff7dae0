import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import { json, renderWithProviders } from '../test/render';
import { LoginPage } from './LoginPage';

const ANNA = { id: 'a-1', email: 'anna@example.com', name: 'Anna', role: 'agent', locale: 'en', timeZone: 'Europe/Berlin', active: true, createdAt: '', updatedAt: '' };

/** The API as the sign-in page sees it; `login` answers each attempt in turn. */
function mockApi(login: Response[]) {
  let signedIn = false;
  const attempts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      if (path === '/api/v1/setup') return json(200, { needsSetup: false });
      if (path === '/api/v1/auth/session') return json(200, signedIn ? { agent: ANNA, teamIds: [], csrfToken: 'csrf-2' } : { agent: null, teamIds: [], csrfToken: null });
      if (path === '/api/v1/auth/login') {
        attempts.push(JSON.parse(String(init?.body)));
        const res = login.shift() ?? json(500, {});
        signedIn = res.ok;
        return res;
      }
      return json(404, { error: { code: 'not_found', message: 'not found' } });
    }),
  );
  return attempts;
}

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: /^Email/ }), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('says so when email or password is wrong, and keeps the form', async () => {
    mockApi([json(401, { error: { code: 'unauthorized', message: 'invalid credentials' } })]);
    renderWithProviders(<LoginPage />);
    await signIn('anna@example.com', 'wrong password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is not correct.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('puts the server’s field details on the field', async () => {
    mockApi([json(400, { error: { code: 'validation_failed', message: 'invalid body', details: [{ path: 'body.email', message: 'not an email address' }] } })]);
    renderWithProviders(<LoginPage />);
    await signIn('anna', 'long enough password');

    expect(await screen.findByText('not an email address')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('signs in with what was typed and loads the session', async () => {
    const attempts = mockApi([json(200, { csrfToken: 'csrf-1' })]);
    renderWithProviders(<LoginPage />);
    await signIn('anna@example.com', 'long enough password');

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument());
    expect(attempts).toEqual([{ email: 'anna@example.com', password: 'long enough password' }]);
  });
});
