/** Survey test helpers: customers, solved tickets, the survey mail's links, answering them. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { call, type TestAgent, type TestServer } from './harness.ts';
import type { SinkMail, SmtpSink } from './mail-support.ts';
import { sendCsatSurvey } from '../src/modules/surveys/index.ts';

export interface SurveyWorld {
  s: TestServer;
  sink: SmtpSink;
  admin: TestAgent;
}

/** Creates an organization through the API. */
export async function makeOrg(w: SurveyWorld, name = `Org ${randomBytes(4).toString('hex')}`): Promise<string> {
  const res = await call(w.s, 'POST', '/api/v1/organizations', { as: w.admin, body: { name } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

/** Creates a customer with an email through the API. */
export async function makeCustomer(w: SurveyWorld, o: { organizationId?: string; locale?: 'en' | 'de' } = {}): Promise<{ id: string; email: string }> {
  const email = `kunde-${randomBytes(5).toString('hex')}@example.org`;
  const res = await call(w.s, 'POST', '/api/v1/contacts', { as: w.admin, body: { email, name: 'Kim Kunde', ...o } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.id, email };
}

/** Opens a ticket for a customer that is solved at once. */
export async function solvedTicket(w: SurveyWorld, contactId: string, body: Record<string, unknown> = {}) {
  const res = await call(w.s, 'POST', '/api/v1/tickets', {
    as: w.admin,
    body: { subject: 'Rechnung doppelt', requester: { id: contactId }, message: { text: 'Hallo' }, channel: 'email', status: 'solved', ...body },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; number: number; version: number };
}

/** The rating links of a survey mail: score → URL path with query. */
export function linksOf(mail: SinkMail): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of (mail.parsed.text ?? '').matchAll(/https?:\/\/[^/\s]+(\/s\/[A-Za-z0-9_-]+\?score=(\d+))/g)) out.set(Number(m[2]), m[1]!);
  return out;
}

/** The token of a survey mail's rating links. */
export function tokenOf(mail: SinkMail): string {
  const m = /\/s\/([A-Za-z0-9_-]+)\?score=/.exec(mail.parsed.text ?? '');
  assert.ok(m, `no survey link in ${mail.parsed.text}`);
  return m[1]!;
}

/** The unsubscribe path of a survey mail. */
export function unsubscribePathOf(mail: SinkMail): string {
  const m = /https?:\/\/[^/\s]+(\/s\/[A-Za-z0-9_-]+\/unsubscribe)/.exec(mail.parsed.text ?? '');
  assert.ok(m, 'no unsubscribe link');
  return m[1]!;
}

/** Runs the CSAT job for each ticket and returns the mails it sent, in order (asserting that it sent one each). */
export async function offerCsatAll(w: SurveyWorld, tickets: { id: string; number: number }[]): Promise<SinkMail[]> {
  const before = w.sink.mails.length;
  for (const t of tickets) assert.equal(await sendCsatSurvey(w.s.servus.services, t.id), 'sent');
  await w.sink.waitFor(before + tickets.length);
  const bySubject = new Map(w.sink.mails.map((m) => [/#(\d+)\)/.exec(m.parsed.subject ?? '')?.[1], m]));
  return tickets.map((t) => {
    const mail = bySubject.get(String(t.number));
    assert.ok(mail, `no survey mail for #${t.number}`);
    return mail;
  });
}

/** Runs the CSAT job for a ticket and returns the mail it sent (asserting that it sent one). */
export async function offerCsat(w: SurveyWorld, ticket: { id: string; number: number }): Promise<SinkMail> {
  return (await offerCsatAll(w, [ticket]))[0]!;
}

/** Opens a page as a customer's browser would (no sign-in). */
export async function visit(w: SurveyWorld, method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
  const res = await w.s.servus.app.inject({
    method,
    url,
    headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    payload: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: res.statusCode, body: res.body, headers: res.headers };
}

/** Answers through the JSON endpoint the chat widget uses. */
export async function answer(w: SurveyWorld, token: string, body: Record<string, unknown>) {
  return call(w.s, 'POST', `/api/v1/surveys/${token}`, { body });
}

/** Reads the survey report for one organization. */
export async function reportFor(w: SurveyWorld, organizationId: string, extra = '') {
  const res = await call(w.s, 'GET', `/api/v1/reports/surveys?organizationId=${organizationId}&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z${extra}`, { as: w.admin });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Changes survey settings as an admin. */
export async function setSettings(w: SurveyWorld, body: Record<string, unknown>) {
  const res = await call(w.s, 'PATCH', '/api/v1/survey-settings', { as: w.admin, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}
