import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StaffingSettings } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { ChannelSettings } from './ChannelSettings';

const async = { ahtSeconds: 480, targetSeconds: 14_400, async: true, custom: false };
const SETTINGS: StaffingSettings = {
  channels: { email: async, web: async, form: async, api: async, chat: { ahtSeconds: 300, targetSeconds: 60, async: false, custom: false }, phone: { ahtSeconds: 240, targetSeconds: 20, async: false, custom: false } },
};

describe('ChannelSettings', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('stores only the channels the admin changed', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = mockServer((c) => {
      if (c.path !== '/api/v1/staffing/settings') return undefined;
      return c.method === 'PUT' ? json(200, { channels: { ...SETTINGS.channels, chat: { ahtSeconds: 600, targetSeconds: 60, async: false, custom: true } } }) : json(200, SETTINGS);
    });
    renderWithProviders(<ChannelSettings />);
    const aht = await screen.findByRole('textbox', { name: 'Chat: Average handle time (seconds)' });
    expect(aht).toHaveValue('300');
    await user.clear(aht);
    await user.click(aht);
    await user.paste('600');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ channels: { chat: { ahtSeconds: 600, targetSeconds: 60 } } });
    expect(await screen.findByRole('status')).toHaveTextContent('Saved');
  });
});
