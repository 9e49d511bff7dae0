import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { SignatureSettings } from './SignatureSettings';

const ANNA = { id: 'a-1', email: 'anna@example.com', name: 'Anna', role: 'agent', locale: 'en', timeZone: 'Europe/Berlin', active: true, createdAt: '', updatedAt: '' };

function serve(signature: string) {
  return mockServer((call) => {
    if (call.path !== '/api/v1/auth/me') return undefined;
    if (call.method === 'GET') return json(200, { agent: ANNA, teamIds: [], csrfToken: 'csrf-3', signature });
    if (call.method === 'PATCH') {
      const next = (call.body as { signature: string }).signature;
      return json(200, { agent: { ...ANNA, signature: next } });
    }
    return undefined;
  });
}

describe('SignatureSettings', () => {
  beforeEach(() => setCsrfToken('csrf-3'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('loads the signature and saves the edited one', async () => {
    const user = userEvent.setup();
    const calls = serve('Anna\nSupport');
    renderWithProviders(<SignatureSettings />);
    const box = await screen.findByRole('textbox', { name: 'Email signature' });
    expect(box).toHaveValue('Anna\nSupport');

    await user.clear(box);
    await user.type(box, 'Kind regards{Enter}Anna');
    await user.click(screen.getByRole('button', { name: 'Save signature' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ signature: 'Kind regards\nAnna' }));
    expect(calls.find((c) => c.method === 'PATCH')?.headers['x-csrf-token']).toBe('csrf-3');
  });

  it('refuses more than 2000 characters before sending', async () => {
    const user = userEvent.setup();
    const calls = serve('x'.repeat(2000));
    renderWithProviders(<SignatureSettings />);
    const box = await screen.findByRole('textbox', { name: 'Email signature' });
    await user.type(box, 'y');
    await user.click(screen.getByRole('button', { name: 'Save signature' }));
    expect(await screen.findByText('At most 2000 characters.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('speaks German', async () => {
    await i18n.changeLanguage('de');
    serve('');
    renderWithProviders(<SignatureSettings />);
    expect(await screen.findByRole('textbox', { name: 'E-Mail-Signatur' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Signatur speichern' })).toBeInTheDocument();
  });
});
