import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { TicketSurvey } from '@servus/shared';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { TicketSurveys } from './TicketSurveys';

const BAD: TicketSurvey = {
  id: 's-1',
  kind: 'csat',
  status: 'answered',
  channel: 'email',
  scale: 2,
  sentAt: '2026-03-02T09:00:00Z',
  expiresAt: '2026-03-30T09:00:00Z',
  agentId: 'a-1',
  response: { score: 1, good: false, comment: 'Viel zu langsam', reason: 'speed', reasonLabel: { en: 'Speed of the answer', de: 'Schnelligkeit' }, ces: 2, answeredAt: '2026-03-02T10:00:00Z', updatedAt: '2026-03-02T10:05:00Z' },
};

function serve(surveys: TicketSurvey[] | 'error') {
  return mockServer((call) => {
    if (call.method === 'GET' && call.path === '/api/v1/tickets/t-1/surveys') return surveys === 'error' ? json(500, { error: { code: 'internal', message: 'boom' } }) : json(200, { data: surveys });
    return undefined;
  });
}

describe('TicketSurveys', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('shows the customer’s rating with comment, reason, effort and that it was changed', async () => {
    serve([BAD]);
    renderWithProviders(<TicketSurveys ticketId="t-1" />);
    const section = await screen.findByRole('region', { name: 'Customer rating' });
    expect(section).toHaveTextContent('Bad');
    expect(screen.getByLabelText('Rating: Bad')).toBeInTheDocument();
    expect(section).toHaveTextContent('“Viel zu langsam”');
    expect(section).toHaveTextContent('Reason: Speed of the answer');
    expect(section).toHaveTextContent('Effort (CES): 2 of 7');
    expect(section).toHaveTextContent('Rating changed');
  });

  it('says a survey went out and is not answered yet; in German too', async () => {
    serve([{ ...BAD, id: 's-2', status: 'offered', response: null }]);
    await i18n.changeLanguage('de');
    renderWithProviders(<TicketSurveys ticketId="t-1" />);
    const section = await screen.findByRole('region', { name: 'Kundenbewertung' });
    expect(section).toHaveTextContent('Umfrage gesendet, noch keine Antwort');
  });

  it('shows nothing while no survey was offered, and a note when loading fails', async () => {
    const calls = serve([]);
    const { unmount } = renderWithProviders(<TicketSurveys ticketId="t-1" />);
    await waitFor(() => expect(calls.length).toBe(1));
    expect(screen.queryByRole('region', { name: 'Customer rating' })).not.toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();
    serve('error');
    renderWithProviders(<TicketSurveys ticketId="t-1" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The rating could not be loaded.');
  });
});
