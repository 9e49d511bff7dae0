/**
 * A team lead's day one: business hours for Bayern, a 1-hour first-reply SLA for urgent
 * tickets and round-robin routing for a team, chosen in the admin pages. New urgent tickets are
 * spread evenly over the agents who are online, and each shows its first-reply countdown.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInAs, withBrowser } from '../support/browser.ts';
import { apiSignIn, type ApiSession } from '../support/http.ts';
import { startServer, type ServusServer } from '../support/server.ts';

const LEAD = { email: 'lead@example.com', password: 'lead password 123', name: 'Lea Lead' };
const AGENTS = [
  { email: 'anna@example.com', password: 'anna password 123', name: 'Anna Agent' },
  { email: 'ben@example.com', password: 'ben password 1234', name: 'Ben Agent' },
  { email: 'carl@example.com', password: 'carl password 123', name: 'Carl Away' },
];

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

const day = [{ start: '08:00', end: '17:00' }];

test(
  'round robin spreads urgent tickets over the online agents, each with its first-reply countdown',
  withBrowser(() => ({ baseURL: server.url, locale: 'en-US' }), async ({ page, watch }) => {
    const ids: string[] = [];
    for (const a of AGENTS) ids.push((await api.call<{ id: string }>('POST', '/api/v1/agents', { ...a, role: 'agent', locale: 'en' })).id);
    const calendar = await api.call<{ id: string }>('POST', '/api/v1/calendars', {
      name: 'Bayern',
      timeZone: 'Europe/Berlin',
      weekly: { '1': day, '2': day, '3': day, '4': day, '5': day },
      holidays: { country: 'DE', state: 'BY' },
    });
    const team = await api.call<{ id: string }>('POST', '/api/v1/teams', { name: 'Technik', memberIds: ids, calendarId: calendar.id });
    await api.call('POST', '/api/v1/sla-policies', { name: 'Dringend', conditions: { priorities: ['urgent'] }, targets: { urgent: { first_reply: { minutes: 60, businessHours: true } } } });

    // The team lead switches the team to round robin in Admin → Teams.
    await signInAs(page, LEAD);
    await page.goto('/admin/teams');
    await page.getByRole('button', { name: 'Routing for Technik' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /^Round robin/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row', { name: /Technik.*Round robin/ }).waitFor();

    // Anna and Ben go online; Carl stays away and gets nothing.
    for (const a of AGENTS) {
      const session = await apiSignIn(server.url, a);
      await session.call('PATCH', '/api/v1/me/routing', { status: a === AGENTS[2] ? 'away' : 'online' });
    }

    const tickets: { id: string; number: number }[] = [];
    for (let i = 0; i < 4; i++) {
      tickets.push(
        await api.call('POST', '/api/v1/tickets', {
          subject: `Produktion steht ${i + 1}`,
          priority: 'urgent',
          teamId: team.id,
          requester: { email: `werk${i}@beispiel.de`, name: `Werk ${i + 1}` },
          message: { text: 'Die Anlage meldet einen Fehler.' },
        }),
      );
    }
    type Ticket = { assigneeId: string | null; createdAt: string; sla: { policyName: string; targets: { metric: string; status: string; dueAt: string | null }[] } | null };
    let assigned: Ticket[] = [];
    for (let tries = 0; tries < 150; tries++) {
      assigned = await Promise.all(tickets.map((t) => api.call<Ticket>('GET', `/api/v1/tickets/${t.id}`)));
      if (assigned.every((t) => t.assigneeId)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const perAgent = new Map<string, number>();
    for (const t of assigned) perAgent.set(t.assigneeId ?? 'nobody', (perAgent.get(t.assigneeId ?? 'nobody') ?? 0) + 1);
    assert.deepEqual(
      [...perAgent.entries()].sort(),
      [[ids[0]!, 2], [ids[1]!, 2]].sort(),
      'two tickets each for the online agents, none for the away agent, none left unassigned',
    );

    // Each ticket counts down its first reply under the urgent policy, in Bavarian business time.
    for (const t of assigned) {
      assert.equal(t.sla?.policyName, 'Dringend');
      const first = t.sla!.targets.find((x) => x.metric === 'first_reply')!;
      assert.equal(first.status, 'active');
      assert.ok(new Date(first.dueAt!).getTime() >= new Date(t.createdAt).getTime() + 60 * 60_000, 'an hour of business time is at least an hour');
    }
    await page.goto(`/tickets/${tickets[0]!.id}`);
    await page.getByText(/^First reply in /).waitFor();
    await page.getByText(/Assigned by routing to /).first().waitFor();
    assert.deepEqual(watch.unexpected(), []);
  }),
);
