import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, makeTeam, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { makeChannel } from './mail-support.ts';
import { loadBusinessCalendar } from '../src/modules/sla/calendar-store.ts';
import { isPublicHoliday } from '../src/modules/sla/holidays.ts';

const day = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }];
const bavaria = {
  name: 'Bayern',
  timeZone: 'Europe/Berlin',
  weekly: { '1': day, '2': day, '3': day, '4': day, '5': day },
  holidays: { country: 'DE', state: 'BY', region: 'KATH' },
  closures: [{ date: '2026-12-24', from: '14:00', note: 'Heiligabend' }],
};

const paths = (body: any): string[] => (body?.error?.details ?? []).map((d: { path: string }) => d.path);

describe('business-hours calendars', () => {
  let s: TestServer;
  let admin: TestAgent;
  let agent: TestAgent;
  let readonly: TestAgent;
  let calendar: any;

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
    agent = await makeAgent(s);
    readonly = await makeAgent(s, { role: 'readonly' });
    const res = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: bavaria, headers: { 'idempotency-key': 'bavaria-1' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    calendar = res.body;
  });
  after(() => s?.close());

  it('creates a calendar and shows it to every agent', async () => {
    assert.equal(calendar.name, 'Bayern');
    assert.equal(calendar.timeZone, 'Europe/Berlin');
    assert.deepEqual(calendar.weekly['1'], day);
    assert.equal(calendar.weekly['0'], undefined);
    assert.deepEqual(calendar.holidays, { country: 'DE', state: 'BY', region: 'KATH' });
    assert.deepEqual(calendar.closures, [{ date: '2026-12-24', from: '14:00', note: 'Heiligabend' }]);
    assert.deepEqual([calendar.teamIds, calendar.channelIds], [[], []]);
    for (const as of [agent, readonly]) {
      const list = await call(s, 'GET', '/api/v1/calendars', { as });
      assert.equal(list.status, 200);
      assert.ok(list.body.data.some((c: any) => c.id === calendar.id));
      const one = await call(s, 'GET', `/api/v1/calendars/${calendar.id}`, { as });
      assert.deepEqual(one.body, calendar);
    }
  });

  it('replays a create with the same Idempotency-Key instead of failing on the name', async () => {
    const again = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: bavaria, headers: { 'idempotency-key': 'bavaria-1' } });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, calendar.id);
    const dup = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: { ...bavaria, name: 'BAYERN' } });
    assert.equal(dup.status, 409);
    assert.deepEqual(paths(dup.body), ['body.name']);
  });

  it('converts the stored calendar for the engine: numeric weekdays, holidays and closures', async () => {
    const engine = await loadBusinessCalendar(s.servus.services.database.db, calendar.id);
    assert.deepEqual(engine, {
      timeZone: 'Europe/Berlin',
      weekly: { 1: day, 2: day, 3: day, 4: day, 5: day },
      holidays: { country: 'DE', state: 'BY', region: 'KATH' },
      closures: [{ date: '2026-12-24', from: '14:00' }],
    });
    assert.equal(isPublicHoliday('2026-08-15', engine!), true);
  });

  it('lists the 2026 public holidays of Bavaria (KATH), sorted; closures are not holidays (METRICS §8.4)', async () => {
    const res = await call(s, 'GET', `/api/v1/calendars/${calendar.id}/holidays?year=2026`, { as: agent });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const list: { date: string; name: string; from: string | null }[] = res.body.data;
    const dates = list.map((h) => h.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(list.some((h) => h.date === '2026-08-15' && h.name === 'Mariä Himmelfahrt'), JSON.stringify(list));
    assert.ok(list.some((h) => h.date === '2026-06-04' && h.name === 'Fronleichnam'), 'Fronleichnam is E+60 = 2026-06-04');
    assert.ok(dates.includes('2026-01-06') && dates.includes('2026-11-01'));
    assert.ok(!dates.includes('2026-12-24'), 'the closure on Christmas Eve is not a public holiday');
    assert.ok(list.every((h) => h.from === null || /^\d\d:\d\d$/.test(h.from)));

    const plain = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: { ...bavaria, name: 'Bayern ohne KATH', holidays: { country: 'DE', state: 'BY' } } });
    assert.equal(plain.status, 201);
    const without = await call(s, 'GET', `/api/v1/calendars/${plain.body.id}/holidays?year=2026`, { as: agent });
    assert.ok(!without.body.data.some((h: any) => h.date === '2026-08-15'), 'DE-BY alone: Mariä Himmelfahrt is an observance');
    assert.ok(without.body.data.some((h: any) => h.date === '2026-06-04'));

    const none = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: { ...bavaria, name: 'Ohne Feiertage', holidays: null } });
    assert.equal(none.status, 201);
    assert.deepEqual((await call(s, 'GET', `/api/v1/calendars/${none.body.id}/holidays?year=2026`, { as: agent })).body.data, []);
    assert.equal((await call(s, 'GET', `/api/v1/calendars/${calendar.id}/holidays?year=1800`, { as: agent })).status, 400);
  });

  it('names the path of each validation error', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ weekly: { '1': [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }] } }, 'body.weekly.1'],
      [{ weekly: { '2': [{ start: '17:00', end: '08:00' }] } }, 'body.weekly.2.0.end'],
      [{ timeZone: 'Europe/Atlantis' }, 'body.timeZone'],
      [{ holidays: { country: 'DE', state: 'XX' } }, 'body.holidays.state'],
      [{ holidays: { country: 'DE', state: 'BY', region: 'NOPE' } }, 'body.holidays.region'],
      [{ holidays: { country: 'QQ' } }, 'body.holidays.country'],
      [{ closures: [{ date: '2026-12-24', from: '14:00', until: '10:00' }] }, 'body.closures.0.until'],
    ];
    for (const [change, path] of cases) {
      const res = await call(s, 'POST', '/api/v1/calendars', { as: admin, body: { ...bavaria, name: `Invalid ${path}`, ...change } });
      assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
      assert.ok(paths(res.body).includes(path), `${path}: got ${JSON.stringify(res.body.error)}`);
      const patch = await call(s, 'PATCH', `/api/v1/calendars/${calendar.id}`, { as: admin, body: change });
      assert.equal(patch.status, 400, `PATCH ${path}`);
      assert.ok(paths(patch.body).includes(path), `PATCH ${path}: got ${JSON.stringify(patch.body.error)}`);
    }
    assert.deepEqual((await call(s, 'GET', `/api/v1/calendars/${calendar.id}`, { as: admin })).body, calendar, 'nothing changed');
  });

  it('lets only admins write', async () => {
    for (const as of [agent, readonly]) {
      assert.equal((await call(s, 'POST', '/api/v1/calendars', { as, body: { ...bavaria, name: 'Nope' } })).status, 403);
      assert.equal((await call(s, 'PATCH', `/api/v1/calendars/${calendar.id}`, { as, body: { name: 'Nope' } })).status, 403);
      assert.equal((await call(s, 'DELETE', `/api/v1/calendars/${calendar.id}`, { as })).status, 403);
    }
    assert.equal((await call(s, 'GET', '/api/v1/calendars', {})).status, 401);
  });

  it('changes a calendar and records the change in the audit log', async () => {
    const res = await call(s, 'PATCH', `/api/v1/calendars/${calendar.id}`, { as: admin, body: { weekly: { ...bavaria.weekly, '6': [{ start: '09:00', end: '12:00' }] } } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.weekly['6'], [{ start: '09:00', end: '12:00' }]);
    assert.deepEqual(res.body.holidays, bavaria.holidays, 'omitted fields are kept');
    const audit = await s.servus.services.database.raw.executeSql('select action from audit_log where target_id = $1 order by created_at', [calendar.id]);
    assert.deepEqual((audit.rows as { action: string }[]).map((r) => r.action), ['calendar.created', 'calendar.updated']);
  });

  it('attaches to teams and channels, and deleting detaches them', async () => {
    const team = await makeTeam(s, 'Support Bayern');
    const channel = await makeChannel(s, admin, { address: 'bayern@firma.example' });
    const cal = (await call(s, 'POST', '/api/v1/calendars', { as: admin, body: { ...bavaria, name: 'Zum Löschen' } })).body;

    const unknown = '00000000-0000-4000-8000-000000000099';
    const badTeam = await call(s, 'PATCH', `/api/v1/teams/${team.id}`, { as: admin, body: { calendarId: unknown } });
    assert.equal(badTeam.status, 400);
    assert.deepEqual(paths(badTeam.body), ['body.calendarId']);
    const badChannel = await call(s, 'PATCH', `/api/v1/channels/${channel.id}`, { as: admin, body: { calendarId: unknown } });
    assert.equal(badChannel.status, 400);
    assert.deepEqual(paths(badChannel.body), ['body.calendarId']);

    const t = await call(s, 'PATCH', `/api/v1/teams/${team.id}`, { as: admin, body: { calendarId: cal.id } });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    assert.equal(t.body.calendarId, cal.id);
    const c = await call(s, 'PATCH', `/api/v1/channels/${channel.id}`, { as: admin, body: { calendarId: cal.id } });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.equal(c.body.calendarId, cal.id);
    assert.equal((await call(s, 'GET', `/api/v1/teams/${team.id}`, { as: agent })).body.calendarId, cal.id);

    const used = await call(s, 'GET', `/api/v1/calendars/${cal.id}`, { as: agent });
    assert.deepEqual([used.body.teamIds, used.body.channelIds], [[team.id], [channel.id]]);
    const listed = (await call(s, 'GET', '/api/v1/calendars', { as: agent })).body.data.find((x: any) => x.id === cal.id);
    assert.deepEqual([listed.teamIds, listed.channelIds], [[team.id], [channel.id]]);

    assert.equal((await call(s, 'DELETE', `/api/v1/calendars/${cal.id}`, { as: admin })).status, 204);
    assert.equal((await call(s, 'GET', `/api/v1/calendars/${cal.id}`, { as: agent })).status, 404);
    assert.equal((await call(s, 'GET', `/api/v1/teams/${team.id}`, { as: agent })).body.calendarId, null);
    assert.equal((await call(s, 'GET', `/api/v1/channels/${channel.id}`, { as: admin })).body.calendarId, null);
    assert.equal((await call(s, 'DELETE', `/api/v1/calendars/${cal.id}`, { as: admin })).status, 404);

    const cleared = await call(s, 'PATCH', `/api/v1/teams/${team.id}`, { as: admin, body: { calendarId: null } });
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.calendarId, null);
  });

  it('lists holiday regions: countries, the states of DE, the regions of BY', async () => {
    const countries = await call(s, 'GET', '/api/v1/holiday-regions', { as: readonly });
    assert.equal(countries.status, 200);
    assert.deepEqual(countries.body.data.find((o: any) => o.code === 'DE'), { code: 'DE', name: 'Germany' });
    const names = countries.body.data.map((o: any) => o.name);
    assert.deepEqual(names, [...names].sort((a: string, b: string) => a.localeCompare(b, 'en')));

    const states = await call(s, 'GET', '/api/v1/holiday-regions?country=DE', { as: agent });
    // date-holidays has no English names for German states, so it answers with the native one.
    assert.ok(states.body.data.some((o: any) => o.code === 'BY' && o.name === 'Bayern'), JSON.stringify(states.body.data));
    assert.equal(states.body.data.length, 16);

    const regions = await call(s, 'GET', '/api/v1/holiday-regions?country=DE&state=BY', { as: agent });
    const codes = regions.body.data.map((o: any) => o.code);
    assert.ok(codes.includes('KATH') && codes.includes('A'), JSON.stringify(regions.body.data));
    assert.ok(regions.body.data.some((o: any) => o.code === 'KATH' && o.name === 'Predominantly catholic communities'), 'English where date-holidays has it');

    assert.equal((await call(s, 'GET', '/api/v1/holiday-regions?country=de', { as: agent })).status, 400);
  });
});
