import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { DrilldownTicket, KpiDefinition, KpiReport, ReportHeatmap, ReportSeries, SurveyReport } from '@servus/shared';
import { theme } from '../app/theme';
import i18n from '../i18n';
import { json } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { ReportsRoutes } from './ReportsRoutes';

const TEAM_SUPPORT = '11111111-1111-4111-8111-111111111111';
const TEAM_BILLING = '22222222-2222-4222-8222-222222222222';
const AGENT = '33333333-3333-4333-8333-333333333333';

const stats = (median: number | null, mean: number | null, p90: number | null, n: number) => ({ median, mean, p90, n });
const EMPTY_STATS = stats(null, null, null, 0);

const KPIS: KpiReport = {
  period: { from: '2026-10-25T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z', tz: 'Europe/Berlin' },
  filters: { teamId: null, agentId: null, channel: [], priority: [], organizationId: null, tags: [] },
  frt: {
    basis: 'reply_date',
    calendar: stats(42, 95.5, 480, 120),
    business: stats(30, 61, 300, 120),
    byCreationDate: { calendar: stats(45, 100, 500, 118), business: stats(31, 62, 310, 118) },
  },
  firstResolution: { calendar: stats(1500, 2000, 6000, 80), business: stats(400, 500, 1200, 80) },
  fullResolution: { calendar: stats(3060, 4000, 9000, 80), business: stats(1140, 1300, 2500, 80) },
  fcr: { percent: 50, count: 2, n: 4 },
  oneTouch: { percent: 60, count: 3, n: 5 },
  noTouch: { percent: 20, count: 1, n: 5 },
  reopenRate: { percent: 8, count: 4, n: 50 },
  escalation: { rate: 3, escalated: 15, handled: 500, hierarchical: 10, functional: 5 },
  chatAbandonment: { missedPercent: null, nonCompletedPercent: null, chats: 0, offline: 0, missed: 0, dropped: 0 },
  sla: {
    targets: { achieved: 7, breached: 2, percent: 77.8 },
    byTarget: [{ metric: 'first_reply', achieved: 7, breached: 2, percent: 77.8 }],
    byPolicy: [{ policyId: 'p-1', name: 'Urgent tickets', achieved: 7, breached: 2, percent: 77.8 }],
  },
  volume: { byChannel: [{ channel: 'email', count: 150 }, { channel: 'chat', count: 50 }], total: 200 },
  backlog: 37,
};

const NOTHING: KpiReport = {
  ...KPIS,
  frt: { basis: 'reply_date', calendar: EMPTY_STATS, business: EMPTY_STATS, byCreationDate: { calendar: EMPTY_STATS, business: EMPTY_STATS } },
  firstResolution: { calendar: EMPTY_STATS, business: EMPTY_STATS },
  fullResolution: { calendar: EMPTY_STATS, business: EMPTY_STATS },
  fcr: { percent: null, count: 0, n: 0 },
  oneTouch: { percent: null, count: 0, n: 0 },
  noTouch: { percent: null, count: 0, n: 0 },
  reopenRate: { percent: null, count: 0, n: 0 },
  escalation: { rate: null, escalated: 0, handled: 0, hierarchical: 0, functional: 0 },
  sla: { targets: { achieved: 0, breached: 0, percent: null }, byTarget: [], byPolicy: [] },
  volume: { byChannel: [], total: 0 },
  backlog: 0,
};

const DEFINITIONS: KpiDefinition[] = [
  {
    key: 'frt',
    name: { en: 'First reply time', de: 'Erste Antwortzeit' },
    definition: { en: 'Time from ticket creation to the first public reply by an agent.', de: 'Zeit von der Ticketerstellung bis zur ersten öffentlichen Antwort eines Agenten.' },
  },
];

const SURVEYS: SurveyReport = {
  from: KPIS.period.from,
  to: KPIS.period.to,
  minSample: 30,
  csat: { percent: 90, good: 9, bad: 1, responses: 10, offered: 40, responseRate: 25, wilson: { low: 59.6, high: 98.2 }, lowSample: true, happiness: null },
  nps: { score: 45, promoters: 120, passives: 50, detractors: 30, responses: 200, sent: 400, responseRate: 50, lowSample: false },
  ces: { mean: 4.8, percentAgree: 60, responses: 5, distribution: [0, 1, 0, 1, 1, 1, 1], lowSample: true },
  trend: [],
};

const SERIES: ReportSeries = {
  metric: 'frt',
  interval: 'day',
  unit: 'minutes',
  period: KPIS.period,
  points: [{ bucket: '2026-11-02', start: '2026-11-01T23:00:00.000Z', value: 42, n: 3 }],
};

const HEATMAP: ReportHeatmap = { period: KPIS.period, cells: Array.from({ length: 7 }, () => Array(24).fill(0)), max: 0, total: 0 };

const SLOW: DrilldownTicket = {
  id: 'tk-1',
  number: 4711,
  subject: 'Printer on fire',
  status: 'solved',
  priority: 'high',
  channel: 'email',
  teamId: TEAM_SUPPORT,
  assigneeId: AGENT,
  createdAt: '2026-11-02T08:00:00.000Z',
  value: 95,
  businessValue: 35,
};

type Answer = (call: Call) => Response | undefined;

function serve(kpis: KpiReport | ((call: Call) => Response) = KPIS, extra: Answer = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.path === '/api/v1/reports/kpis') return typeof kpis === 'function' ? kpis(call) : json(200, kpis);
    if (call.path === '/api/v1/reports/definitions') return json(200, { data: DEFINITIONS });
    if (call.path === '/api/v1/reports/surveys') return json(200, SURVEYS);
    if (call.path === '/api/v1/reports/series') return json(200, { ...SERIES, metric: call.query.get('metric') });
    if (call.path === '/api/v1/reports/heatmap') return json(200, HEATMAP);
    if (call.path === '/api/v1/reports/drilldown') return json(200, { metric: call.query.get('metric'), data: [SLOW], nextCursor: null });
    if (call.path === '/api/v1/teams') return json(200, { data: [{ id: TEAM_SUPPORT, name: 'Support', memberIds: [] }, { id: TEAM_BILLING, name: 'Billing', memberIds: [] }], nextCursor: null });
    if (call.path === '/api/v1/agents') return json(200, { data: [{ id: AGENT, name: 'Anna Agent', email: 'anna@example.com', role: 'agent', active: true }], nextCursor: null });
    return undefined;
  });
}

let location = '';
function LocationProbe() {
  location = useLocation().search;
  return null;
}

function renderAt(url = '/reports') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path="/reports/*" element={<><ReportsRoutes /><LocationProbe /></>} />
            <Route path="/tickets/:id" element={<p>Ticket page</p>} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const card = (name: string) => screen.findByRole('region', { name });
const kpiCalls = (calls: Call[]) => calls.filter((c) => c.path === '/api/v1/reports/kpis');

describe('KPI dashboard', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('shows each KPI with its spread and counts, "–" where there is no data, and greys small survey samples', async () => {
    serve();
    renderAt();
    const frt = await card('First reply time');
    expect(within(frt).getByTestId('kpi-value')).toHaveTextContent('42 min');
    expect(frt).toHaveTextContent('Mean 1 h 36 min · P90 8 h 0 min');
    expect(frt).toHaveTextContent('120 tickets');
    expect(within(await card('Full resolution time')).getByTestId('kpi-value')).toHaveTextContent('2 d 3 h');
    expect(within(await card('First contact resolution')).getByTestId('kpi-value')).toHaveTextContent('50%');
    expect(await card('First contact resolution')).toHaveTextContent('2 of 4 solved tickets with a reply');
    expect(within(await card('Escalation rate')).getByTestId('kpi-value')).toHaveTextContent('3%');
    expect(within(await card('Missed chats')).getByTestId('kpi-value')).toHaveTextContent('–');
    expect(within(await card('SLA achievement')).getByTestId('kpi-value')).toHaveTextContent('77.8%');
    expect(within(await card('New tickets')).getByTestId('kpi-value')).toHaveTextContent('200');

    const sla = screen.getByRole('table', { name: 'SLA achievement per policy' });
    expect(within(sla).getByRole('row', { name: /Urgent tickets/ })).toHaveTextContent('77.8%');
    expect(screen.getByRole('table', { name: 'SLA achievement per target' })).toHaveTextContent('First reply');

    const csat = await card('CSAT');
    expect(within(csat).getByTestId('kpi-value')).toHaveTextContent('90%');
    expect(csat).toHaveTextContent('n = 10 · response rate 25%');
    expect(csat).toHaveTextContent('Small sample');
    expect(csat).toHaveTextContent('Only 10 responses, fewer than 30');
    const nps = await card('NPS');
    expect(within(nps).getByTestId('kpi-value')).toHaveTextContent('+45');
    expect(nps).not.toHaveTextContent('Small sample');
    expect(within(await card('CES')).getByTestId('kpi-value')).toHaveTextContent('4.8');
  });

  it('sends the filters to the API and keeps them in the URL, and reads them back from a shared link', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve();
    renderAt();
    await card('First reply time');
    const first = kpiCalls(calls)[0]!;
    expect(first.query.get('teamId')).toBeNull();
    expect(Date.parse(first.query.get('to')!) - Date.parse(first.query.get('from')!)).toBeGreaterThanOrEqual(29 * 86_400_000);

    await user.click(screen.getByRole('combobox', { name: 'Team' }));
    await user.click(await screen.findByRole('option', { name: 'Billing' }));
    await waitFor(() => expect(kpiCalls(calls).at(-1)!.query.get('teamId')).toBe(TEAM_BILLING));
    expect(new URLSearchParams(location).get('teamId')).toBe(TEAM_BILLING);
    expect(calls.filter((c) => c.path === '/api/v1/reports/surveys').at(-1)!.query.get('teamId')).toBe(TEAM_BILLING);

    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    await waitFor(() => {
      const q = kpiCalls(calls).at(-1)!.query;
      expect(Date.parse(q.get('to')!) - Date.parse(q.get('from')!)).toBeLessThan(8 * 86_400_000);
    });
    expect(new URLSearchParams(location).get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    vi.unstubAllGlobals();
    const again = serve();
    renderAt(`/reports?from=2026-01-01&to=2026-01-31&teamId=${TEAM_SUPPORT}&channel=email,chat&priority=urgent&tags=vip`);
    await waitFor(() => expect(kpiCalls(again).length).toBeGreaterThan(0));
    const shared = kpiCalls(again)[0]!.query;
    expect(shared.get('teamId')).toBe(TEAM_SUPPORT);
    expect(shared.get('channel')).toBe('email,chat');
    expect(shared.get('priority')).toBe('urgent');
    expect(shared.get('tags')).toBe('vip');
    expect(shared.get('from')!.slice(0, 7)).toMatch(/^2025-12|^2026-01/);
    expect(await screen.findByText(/priority, tag and multi-channel filters do not apply/)).toBeInTheDocument();
  });

  it('drills from a figure to the tickets behind it and opens a ticket', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve();
    renderAt();
    await user.click(within(await card('First reply time')).getByRole('button', { name: 'Show the tickets behind First reply time' }));
    const drawer = await screen.findByRole('dialog', { name: 'Tickets: First reply time' });
    const row = await within(drawer).findByRole('row', { name: /Printer on fire/ });
    expect(row).toHaveTextContent('#4711');
    expect(row).toHaveTextContent('1 h 35 min');
    expect(row).toHaveTextContent('35 min');
    expect(calls.find((c) => c.path === '/api/v1/reports/drilldown')!.query.get('metric')).toBe('frt');
    expect(within(drawer).getByRole('link', { name: 'CSV' })).toHaveAttribute('href', expect.stringContaining('format=csv'));
    await user.click(within(row).getByRole('link', { name: 'Printer on fire' }));
    expect(await screen.findByText('Ticket page')).toBeInTheDocument();
  });

  it('drills into one point of a chart from its table view', async () => {
    const user = userEvent.setup({ delay: null });
    const calls = serve();
    renderAt();
    await card('First reply time');
    const trend = screen.getAllByRole('region').find((r) => within(r).queryByRole('combobox', { name: 'Metric on the chart' }))!;
    await user.click(within(trend).getByRole('switch', { name: 'Table' }));
    await user.click(await within(trend).findByRole('button', { name: /^Show the tickets behind First reply time over time: / }));
    await screen.findByRole('dialog', { name: /^Tickets: First reply time · / });
    const drill = calls.filter((c) => c.path === '/api/v1/reports/drilldown').at(-1)!;
    expect(drill.query.get('metric')).toBe('frt');
    expect(drill.query.get('bucket')).toBe('2026-11-02');
    expect(drill.query.get('interval')).toBe('day');
  });

  it('explains a KPI in a popover reachable by keyboard', async () => {
    const user = userEvent.setup({ delay: null });
    serve();
    renderAt();
    const info = within(await card('First reply time')).getByRole('button', { name: 'About First reply time' });
    info.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Time from ticket creation to the first public reply by an agent.')).toBeInTheDocument();
  });

  it('says so when the period has no tickets, and offers a retry when loading fails', async () => {
    serve(NOTHING);
    const { unmount } = renderAt();
    expect(await screen.findByText('No tickets in this period')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'First reply time' })).not.toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();

    const user = userEvent.setup({ delay: null });
    let fail = true;
    serve(() => (fail ? json(503, { error: { code: 'unavailable', message: 'The database is not answering.' } }) : json(200, KPIS)));
    renderAt();
    expect(await screen.findByText('The database is not answering.')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await card('First reply time')).toBeInTheDocument();
  });

  it('speaks German with German number formats', async () => {
    await i18n.changeLanguage('de');
    serve();
    renderAt();
    const frt = await card('Erste Antwortzeit');
    expect(within(frt).getByTestId('kpi-value')).toHaveTextContent('42 Min.');
    expect(within(await card('SLA-Erfüllung')).getByTestId('kpi-value')).toHaveTextContent('77,8 %');
    expect(screen.getByRole('button', { name: 'Letzte 30 Tage' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: 'Umfragen' })).toHaveAttribute('href', '/reports/surveys');
  });
});
