/**
 * A team lead reads the KPI dashboard: tickets in two teams get replies through the API, the
 * lead opens Reports, narrows the dashboard to one team (the filter lands in the URL), drills
 * into the first-reply-time chart and opens a ticket from the drill-down list.
 * The CSV download of the view carries the same filters.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInAs, withBrowser } from '../support/browser.ts';
import { apiSignIn, type ApiSession } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

const LEAD = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };

let server: ServusServer;
let api: ApiSession;

before(async () => {
  server = await startServer({ env: { SERVUS_ADMIN_EMAIL: LEAD.email, SERVUS_ADMIN_PASSWORD: LEAD.password, SERVUS_ADMIN_NAME: LEAD.name } });
  api = await apiSignIn(server.url, LEAD);
  await api.call('PATCH', '/api/v1/auth/me', { locale: 'en' });
});

after(async () => {
  await server?.stop();
});

interface Kpis {
  frt: { calendar: { n: number } };
  volume: { total: number };
}

/** Waits until the report facts (kept current by a background job) count what the test created. */
async function waitForFacts(teamId: string, replied: number, created: number): Promise<void> {
  let last: Kpis | null = null;
  for (let tries = 0; tries < 150; tries++) {
    last = await api.call<Kpis>('GET', `/api/v1/reports/kpis?teamId=${teamId}`);
    if (last.frt.calendar.n === replied && last.volume.total === created) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`the report never counted ${replied} replied of ${created} tickets for team ${teamId}: ${JSON.stringify(last)}`);
}

test(
  'a team lead filters the dashboard by team, drills into first reply time and opens a ticket',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    const support = await api.call<{ id: string }>('POST', '/api/v1/teams', { name: 'Support', memberIds: [] });
    const billing = await api.call<{ id: string }>('POST', '/api/v1/teams', { name: 'Billing', memberIds: [] });
    const make = async (subject: string, teamId: string, reply: boolean) => {
      const ticket = await api.call<{ id: string; number: number }>('POST', '/api/v1/tickets', {
        subject,
        teamId,
        channel: 'email',
        requester: { email: `${subject.toLowerCase().replace(/\W+/g, '.')}@kunde.example`, name: subject },
        message: { text: 'Bitte um Hilfe.' },
      });
      if (reply) await api.call('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'public', text: 'Wir kümmern uns darum.' });
      return ticket;
    };
    const printer = await make('Drucker streikt', support.id, true);
    await make('Passwort vergessen', support.id, true);
    await make('Noch keine Antwort', support.id, false);
    await make('Rechnung falsch', billing.id, true);
    await waitForFacts(support.id, 2, 3);
    await waitForFacts(billing.id, 1, 1);

    await signInAs(page, LEAD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
    const frtCard = page.getByRole('region', { name: 'First reply time', exact: true });
    await frtCard.getByText('3 tickets').waitFor();
    assert.equal(await page.getByRole('region', { name: 'New tickets', exact: true }).getByTestId('kpi-value').textContent(), '4');

    // Narrow to the Support team: the figures follow, and the filter is in the shareable URL.
    await page.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Support' }).click();
    await frtCard.getByText('2 tickets').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('teamId'), support.id);
    assert.equal(await page.getByRole('region', { name: 'New tickets', exact: true }).getByTestId('kpi-value').textContent(), '3');

    // A reload keeps the view, and the CSV download carries the same filters.
    await page.reload();
    await frtCard.getByText('2 tickets').waitFor();
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    assert.equal(new URL(csvHref!, server.url).searchParams.get('teamId'), support.id);
    const csv = await page.request.get(csvHref!);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'] ?? '', /text\/csv/);

    // Drill into today's bar of the first-reply-time chart: exactly the two answered Support tickets.
    const chart = page.getByRole('region', { name: 'First reply time over time' });
    await chart.locator('.recharts-bar-rectangle path').first().click();
    const drawer = page.getByRole('dialog', { name: /^Tickets: First reply time · / });
    await drawer.getByRole('row', { name: /Drucker streikt/ }).waitFor();
    await drawer.getByRole('row', { name: /Passwort vergessen/ }).waitFor();
    assert.equal(await drawer.getByRole('row').count(), 3, 'a header row and the two answered Support tickets');
    assert.equal(await drawer.getByRole('row', { name: /Rechnung falsch|Noch keine Antwort/ }).count(), 0);

    await drawer.getByRole('link', { name: 'Drucker streikt' }).click();
    await page.waitForURL(`**/tickets/${printer.id}`);
    await page.getByText(/moved the ticket to team Support/).waitFor();
    assert.deepEqual(watch.unexpected(), []);
  }),
);
