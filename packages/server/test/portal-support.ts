/**
 * Portal test helpers: a customer's browser (cookie jar, its own IP, form posts), the sign-in
 * link job run as a worker would run it, the link from the mail, and customers, organizations
 * and tickets made through the agent API.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { call, makeAgent, startTestServer, type TestAgent, type TestServer } from './harness.ts';
import { startSmtpSink, type SinkMail, type SmtpSink } from './mail-support.ts';
import type { Clock } from '../src/platform/clock.ts';
import { sendLoginLink } from '../src/modules/portal/index.ts';
import { sendLinkJob, type SendLinkInput } from '../src/modules/portal/sign-in-link.ts';

export interface PortalWorld {
  s: TestServer;
  sink: SmtpSink;
  admin: TestAgent;
}

/** A server that sends system mail to a sink, behind a trusted proxy (so tests choose IPs and https). */
export async function startPortalWorld(o: { clock?: Clock; env?: Record<string, string> } = {}): Promise<PortalWorld> {
  const sink = await startSmtpSink();
  const s = await startTestServer({
    clock: o.clock,
    env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}?pool=true&idleTimeout=300`, MAIL_FROM: 'Firma <servus@firma.example>', PUBLIC_URL: 'https://hilfe.firma.example', TRUST_PROXY: 'true', ...o.env },
  });
  return { s, sink, admin: await makeAgent(s, { role: 'admin', name: 'Ada Admin' }) };
}

export interface Page {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  location: string | null;
}

let ipSeq = 0;

/** A customer's browser: keeps cookies per name (the portal's paths are all under /portal) and has its own IP. */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly ip = `198.51.100.${(ipSeq++ % 250) + 1}`;
  constructor(readonly w: PortalWorld, readonly opts: { lang?: string; https?: boolean } = {}) {}

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<Page> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, 'accept-language': this.opts.lang ?? 'en' };
    if (this.opts.https) headers['x-forwarded-proto'] = 'https';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await this.w.s.servus.app.inject({ method, url, headers, payload: form ? new URLSearchParams(form).toString() : undefined });
    const set = res.headers['set-cookie'];
    for (const line of (Array.isArray(set) ? set : set ? [set] : []) as string[]) {
      const [pair] = line.split(';');
      const name = pair!.slice(0, pair!.indexOf('='));
      const value = pair!.slice(pair!.indexOf('=') + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.statusCode, body: res.body, headers: res.headers as Page['headers'], location: (res.headers.location as string | undefined) ?? null };
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, form: Record<string, string> = {}) {
    return this.request('POST', url, form);
  }

  /** Posts a form of a signed-in page, with the CSRF token that page carries. */
  async submit(fromPage: string, url: string, form: Record<string, string> = {}) {
    const page = await this.get(fromPage);
    return this.post(url, { csrf: csrfOf(page.body), ...form });
  }
}

/** The CSRF token a signed-in page's forms carry. */
export function csrfOf(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the page has no CSRF field');
  return m[1]!;
}

/** Runs the queued sign-in link jobs as a worker would; returns what each did. */
export async function runLinkJobs(w: PortalWorld): Promise<string[]> {
  const boss = w.s.servus.services.jobs.boss;
  const done: string[] = [];
  for (;;) {
    const jobs = await boss.fetch<SendLinkInput>(sendLinkJob.name, { batchSize: 20 });
    if (jobs.length === 0) return done;
    for (const job of jobs) {
      done.push(await sendLoginLink(w.s.servus.services, sendLinkJob.schema.parse(job.data)));
      await boss.complete(sendLinkJob.name, job.id);
    }
  }
}

/** The sign-in path in a mail (`/portal/login/<token>`). */
export function linkOf(mail: SinkMail): string {
  const m = /https:\/\/hilfe\.firma\.example(\/portal\/login\/[A-Za-z0-9_-]{43})\b/.exec(mail.parsed.text ?? '');
  assert.ok(m, `no sign-in link in: ${mail.parsed.text}`);
  return m[1]!;
}

/** Asks for a link as `b`, runs the job and returns the mailed path. */
export async function requestLink(w: PortalWorld, b: Browser, email: string, returnTo?: string): Promise<string> {
  const before = w.sink.mails.length;
  const res = await b.post('/portal/login', { email, ...(returnTo && { returnTo }) });
  assert.equal(res.status, 200, res.body);
  assert.deepEqual(await runLinkJobs(w), ['sent']);
  const mails = await w.sink.waitFor(before + 1);
  return linkOf(mails[before]!);
}

/** Opens a link's page and presses "Sign in"; returns the answer (a 303 on success). */
export async function useLink(b: Browser, path: string): Promise<Page> {
  const page = await b.get(path);
  assert.equal(page.status, 200, page.body);
  return b.post(path, { csrf: csrfOf(page.body) });
}

/** Signs `b` in as the contact with this address. */
export async function signIn(w: PortalWorld, b: Browser, email: string): Promise<void> {
  const res = await useLink(b, await requestLink(w, b, email));
  assert.equal(res.status, 303, res.body);
}

/** A customer made through the API (an email identity; optionally in an organization and language). */
export async function makeCustomer(w: PortalWorld, o: { name?: string; organizationId?: string; locale?: 'en' | 'de' } = {}): Promise<{ id: string; email: string; name: string }> {
  const email = `kunde-${randomBytes(5).toString('hex')}@kunde.example`;
  const name = o.name ?? 'Kim Kunde';
  const res = await call(w.s, 'POST', '/api/v1/contacts', { as: w.admin, body: { email, name, ...(o.organizationId && { organizationId: o.organizationId }), ...(o.locale && { locale: o.locale }) } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.id, email, name };
}

export async function makeOrg(w: PortalWorld, o: { portalShared?: boolean } = {}): Promise<string> {
  const res = await call(w.s, 'POST', '/api/v1/organizations', { as: w.admin, body: { name: `Org ${randomBytes(4).toString('hex')}`, ...o } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

export async function setSharing(w: PortalWorld, orgId: string, portalShared: boolean): Promise<void> {
  const res = await call(w.s, 'PATCH', `/api/v1/organizations/${orgId}`, { as: w.admin, body: { portalShared } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** A ticket requested by a contact, opened through the agent API. */
export async function ticketFor(w: PortalWorld, contactId: string, body: Record<string, unknown> = {}): Promise<{ id: string; number: number; subject: string }> {
  const res = await call(w.s, 'POST', '/api/v1/tickets', {
    as: w.admin,
    body: { subject: `Anfrage ${randomBytes(4).toString('hex')}`, requester: { id: contactId }, message: { text: 'Guten Tag, bitte helfen Sie mir.' }, channel: 'email', ...body },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** An agent's public reply or note, optionally with a file. */
export async function agentMessage(w: PortalWorld, ticketId: string, o: { kind: 'public' | 'note'; text: string; file?: { name: string; content: string }; status?: string }) {
  const attachmentIds: string[] = [];
  if (o.file) {
    const up = await w.s.servus.app.inject({
      method: 'POST',
      url: `/api/v1/attachments?filename=${encodeURIComponent(o.file.name)}`,
      headers: { ...w.admin.auth, 'content-type': 'application/octet-stream' },
      payload: Buffer.from(o.file.content),
    });
    assert.equal(up.statusCode, 201, up.body);
    attachmentIds.push(JSON.parse(up.body).id);
  }
  const res = await call(w.s, 'POST', `/api/v1/tickets/${ticketId}/messages`, { as: w.admin, body: { kind: o.kind, text: o.text, attachmentIds, ...(o.status && { status: o.status }) } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { messageId: res.body.message.id as string, attachmentId: attachmentIds[0] ?? null };
}

/** The ticket's messages as agents see them. */
export async function threadOf(w: PortalWorld, ticketId: string): Promise<{ kind: string; author: { kind: string; id: string | null }; text: string; source: string }[]> {
  const res = await call(w.s, 'GET', `/api/v1/tickets/${ticketId}/messages?limit=200`, { as: w.admin });
  assert.equal(res.status, 200);
  return res.body.data;
}

/** The ticket as agents see it. */
export async function ticketOf(w: PortalWorld, ticketId: string) {
  const res = await call(w.s, 'GET', `/api/v1/tickets/${ticketId}`, { as: w.admin });
  assert.equal(res.status, 200);
  return res.body;
}

/** The subjects linked in a portal list page, in order. */
export function listedSubjects(html: string): string[] {
  return [...html.matchAll(/<td><a href="\/portal\/tickets\/\d+">([^<]*)<\/a><\/td>/g)].map((m) => m[1]!);
}
