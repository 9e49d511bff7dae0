/**
 * SLAs in the browser: an admin creates business hours with Bavarian holidays and an SLA policy
 * for urgent tickets; a new urgent ticket shows its countdown, and the resolution clock pauses
 * while the ticket is pending.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInAs, withBrowser } from '../support/browser.ts';
import { apiSignIn, type ApiSession } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

const ADMIN = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };

let server: ServusServer;
let api: ApiSession;

before(async () => {
  server = await startServer({ env: { SERVUS_ADMIN_EMAIL: ADMIN.email, SERVUS_ADMIN_PASSWORD: ADMIN.password, SERVUS_ADMIN_NAME: ADMIN.name } });
  api = await apiSignIn(server.url, ADMIN);
  await api.call('PATCH', '/api/v1/auth/me', { locale: 'en' });
});

after(async () => {
  await server?.stop();
});

test(
  'business hours for Bavaria, an urgent SLA, a countdown that pauses while pending',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    await signInAs(page, ADMIN);

    // Business hours with Bavarian public holidays.
    await page.goto('/admin/calendars');
    await page.getByText('No business hours yet.').waitFor();
    await page.getByRole('button', { name: 'New business hours' }).click();
    const cal = page.getByRole('dialog');
    await cal.getByLabel(/^Name/).fill('Bayern');
    await cal.getByLabel('Country', { exact: true }).click();
    await page.getByRole('option', { name: /^Germany/ }).click();
    await cal.getByLabel('State', { exact: true }).click();
    await page.getByRole('option', { name: /^Bayern/ }).click();
    await cal.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('row', { name: /Bayern.*DE · BY/ }).waitFor();
    const [calendar] = (await api.call<{ data: { id: string; holidays: { country: string; state?: string } | null }[] }>('GET', '/api/v1/calendars')).data;
    assert.deepEqual(calendar!.holidays, { country: 'DE', state: 'BY' });
    const holidays = await api.call<{ data: { name: string }[] }>('GET', `/api/v1/calendars/${calendar!.id}/holidays?year=2026`);
    assert.ok(holidays.data.some((h) => h.name === 'Fronleichnam'), 'Bavaria keeps Corpus Christi');

    // The team works by those hours.
    const team = await api.call<{ id: string }>('POST', '/api/v1/teams', { name: 'Technik' });
    await api.call('PATCH', `/api/v1/teams/${team.id}`, { calendarId: calendar!.id });

    // An SLA policy: urgent tickets are resolved within 8 hours of the clock (calendar time,
    // so the test does not depend on the hour it runs at).
    await page.goto('/admin/sla');
    await page.getByRole('button', { name: 'New SLA policy' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Dringend');
    await dialog.getByLabel(/Urgent, Resolution: hours/).fill('8');
    await dialog.getByLabel(/Urgent, Resolution: business hours/).uncheck();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('row', { name: /Dringend/ }).waitFor();

    const ticket = await api.call<{ id: string }>('POST', '/api/v1/tickets', {
      subject: 'Server steht',
      priority: 'urgent',
      teamId: team.id,
      requester: { email: 'kunde@beispiel.de', name: 'Karl Kunde' },
      message: { text: 'Seit 8 Uhr ist der Server nicht erreichbar.' },
    });
    await page.goto(`/tickets/${ticket.id}`);
    const badge = page.getByText(/^Resolution in (7|8) h/);
    await badge.waitFor();

    // Pending pauses the resolution clock.
    await api.call('PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'pending' });
    await page.reload();
    await page.getByText(/^Resolution paused/).waitFor();
    const sla = await api.call<{ sla: { targets: { metric: string; status: string; dueAt: string | null }[] } }>('GET', `/api/v1/tickets/${ticket.id}`);
    const resolution = sla.sla.targets.find((x) => x.metric === 'resolution');
    assert.equal(resolution?.status, 'paused');
    assert.equal(resolution?.dueAt, null);
    assert.deepEqual(watch.unexpected(), []);
  }),
);
