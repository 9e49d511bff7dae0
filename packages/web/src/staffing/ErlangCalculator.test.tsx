import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ErlangResult } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { ErlangCalculator } from './ErlangCalculator';
import { parseErlangForm, ERLANG_DEFAULTS } from './erlang-form';

const row = (agents: number, stable: boolean, waitProbability: number, serviceLevel: number, asaSeconds: number | null, occupancy: number) => ({ agents, stable, waitProbability, serviceLevel, asaSeconds, occupancy, meetsTarget: stable && serviceLevel >= 0.8 });

/** What the server answers for METRICS §8.5. */
const EXAMPLE: ErlangResult = {
  trafficIntensity: 10,
  requiredAgents: 14,
  rawAgents: 14,
  occupancyCapped: false,
  scheduledAgents: 20,
  serviceLevel: 0.8883500191794669,
  waitProbability: 0.1741319335950498,
  asaSeconds: 7.835937,
  occupancy: 0.7142857142857143,
  evaluated: null,
  table: [
    row(10, false, 1, 0, null, 1),
    row(11, true, 0.682118, 0.389614, 122.78, 0.9091),
    row(12, true, 0.449388, 0.640158, 40.44, 0.8333),
    row(13, true, 0.28527, 0.795595, 17.12, 0.7692),
    row(14, true, 0.174132, 0.88835, 7.84, 0.7143),
    row(15, true, 0.102042, 0.941453, 3.67, 0.6667),
    row(16, true, 0.05734, 0.97056, 1.72, 0.625),
  ],
};

async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) {
    await user.click(input);
    await user.paste(text);
  }
}

describe('ErlangCalculator', () => {
  beforeEach(() => setCsrfToken('csrf-1'));
  afterEach(async () => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    await i18n.changeLanguage('en');
  });

  it('sends the §8.5 example as fractions and seconds, and shows 14 agents needed, 20 to schedule and the table by N', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = mockServer((c) => (c.method === 'POST' && c.path === '/api/v1/staffing/erlang' ? json(200, EXAMPLE) : undefined));
    renderWithProviders(<ErlangCalculator />);
    await user.click(screen.getByRole('button', { name: 'Calculate' }));
    expect(await screen.findByTestId('required-agents')).toHaveTextContent('14');
    expect(screen.getByTestId('scheduled-agents')).toHaveTextContent('20');
    expect(calls[0]!.body).toEqual({ volume: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 });
    const result = screen.getByRole('region', { name: 'Result' });
    expect(result).toHaveTextContent('88.8%');
    expect(result).toHaveTextContent('71.4%');
    expect(result).toHaveTextContent('10 Erlangs');
    const table = screen.getByRole('table', { name: 'Figures by number of agents' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['10 unstable (N ≤ A)', '11', '12', '13', '14', '15', '16']);
    expect(rows[0]).toHaveTextContent('∞');
    expect(rows[4]).toHaveAttribute('aria-current', 'true');
    expect(rows[4]).toHaveTextContent('0.174132');
  });

  it('shows the server’s refusal for N ≤ A on the agents field instead of a number', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = mockServer((c) =>
      c.method === 'POST' && c.path === '/api/v1/staffing/erlang'
        ? json(400, { error: { code: 'validation_failed', message: 'agents must be more than the traffic intensity (A = 10.0 Erlangs)', details: [{ path: 'body.agents', message: '10 agents cannot serve 10.0 Erlangs' }] } })
        : undefined,
    );
    renderWithProviders(<ErlangCalculator />);
    await fill(user, screen.getByRole('textbox', { name: 'Check a number of agents (optional)' }), '10');
    await user.click(screen.getByRole('button', { name: 'Calculate' }));
    await waitFor(() => expect(screen.getByText('agents must be more than the traffic intensity (A = 10.0 Erlangs)')).toBeInTheDocument());
    expect((calls[0]!.body as { agents: number }).agents).toBe(10);
    expect(screen.queryByTestId('required-agents')).not.toBeInTheDocument();
  });

  it('checks the fields in the browser and sends nothing while one is wrong, in German too', async () => {
    await i18n.changeLanguage('de');
    const user = userEvent.setup({ delay: null });
    const calls = mockServer(() => undefined);
    renderWithProviders(<ErlangCalculator />);
    await fill(user, screen.getByRole('textbox', { name: 'Service-Level-Ziel (%)' }), '120');
    await fill(user, screen.getByRole('textbox', { name: 'Kontakte pro Intervall' }), '');
    await user.click(screen.getByRole('button', { name: 'Berechnen' }));
    expect(await screen.findByText('Muss zwischen 1 und 99.9 liegen')).toBeInTheDocument();
    expect(screen.getByText('Pflichtfeld')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('parses percent and minutes into the request', () => {
    const parsed = parseErlangForm({ ...ERLANG_DEFAULTS, agents: 14 });
    expect(parsed).toEqual({ request: { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3, agents: 14 } });
    expect('errors' in parseErlangForm({ ...ERLANG_DEFAULTS, agents: 2.5 })).toBe(true);
  });
});
