/**
 * The world the authorization suites walk: two teams, their agents, a read-only user, an
 * admin, one ticket per team with a message, an attachment and tags, saved views, an open
 * invitation, and the shared objects (contact, organization, ticket field) every agent can
 * see. Agents and teams come from the harness factories; everything else is made through
 * the API, the way a client would, so the objects are exactly what the routes serve.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { call, makeAgent, makeTeam, makeTicket, type Res, type TestAgent, type TestServer } from '../harness.ts';
import { outboundMails } from '../../src/modules/email/schema.ts';
import { inTransaction, makeCtx } from '../../src/platform/context.ts';
import { notify } from '../../src/modules/notifications/notify.ts';
import { buildChatWorld, type ChatWorld } from './chat-world.ts';
import { buildKbWorld, type KbWorld } from './kb-cases.ts';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request as a route case builds it. `raw` is sent as-is (attachment uploads). */
export interface Req {
  url: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export interface World {
  s: TestServer;
  admin: TestAgent;
  /** Agent in team X. */
  ax: TestAgent;
  /** Agent in team Y. */
  ay: TestAgent;
  /** Read-only user in team X. */
  rx: TestAgent;
  teamX: { id: string };
  teamY: { id: string };
  organization: { id: string };
  /** The requester of Tx and Ty; belongs to the organization. */
  contact: { id: string };
  ticketField: { id: string };
  /** Team X's ticket, visible to Ax and Rx. */
  tx: { id: string; number: number };
  /** Team Y's ticket, invisible to Ax and Rx. */
  ty: { id: string; number: number };
  txAttachment: { id: string };
  tyAttachment: { id: string };
  /** An upload of Ay's that is not bound to any message yet. */
  ayUpload: { id: string };
  /** Id of one of Ay's personal API tokens. */
  ayTokenId: string;
  /** Ay's personal saved view. */
  ayView: { id: string };
  /** Saved views the admin shared with team X and with team Y. */
  teamXView: { id: string };
  teamYView: { id: string };
  /** The secret of an open invitation (a bearer credential of its own). */
  inviteToken: string;
  /** A word that occurs only in Ty's thread. */
  tyWord: string;
  tyTags: string[];
  /** An email channel without servers, a quarantined mail on it and a failed outbound mail. */
  channel: { id: string };
  /** A business-hours calendar (Bavaria) every agent may read. */
  calendar: { id: string };
  /** An SLA policy every agent may read. */
  slaPolicy: { id: string };
  /** A webhook (admins only) and one of its deliveries. */
  webhook: { id: string };
  webhookDelivery: { id: string };
  inboundMail: { id: string };
  outboundMail: { id: string };
  /** A shared macro every agent may use, and Ay's personal macro. */
  sharedMacro: { id: string };
  ayMacro: { id: string };
  /** One of Ay's notifications. */
  ayNotification: { id: string };
  /** A trigger (admins only). */
  automationRule: { id: string };
  /** Chat channels, chats and a visitor's upload (see chat-world.ts). */
  chat: ChatWorld;
  /** An NPS campaign (admins only). */
  surveyCampaign: { id: string };
  /** Knowledge-base objects every agent may read (see kb-cases.ts). */
  kb: KbWorld;
}

/** A uuid that names nothing. */
export const nobody = (): string => randomUUID();

/** Sends a case's request as `as` (anonymous when null) through Fastify's whole pipeline. */
export async function send(s: TestServer, method: Method, req: Req, as: TestAgent | null): Promise<Res> {
  const json = req.raw === undefined && req.body !== undefined;
  const res = await s.servus.app.inject({
    method,
    url: req.url,
    headers: {
      ...(json ? { 'content-type': 'application/json' } : req.raw !== undefined ? { 'content-type': 'text/plain' } : {}),
      ...(as ? as.auth : {}),
      ...req.headers,
    },
    payload: json ? JSON.stringify(req.body) : req.raw,
  });
  let body: any = res.body;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    // a download, not JSON
  }
  return { status: res.statusCode, body, headers: res.headers as Res['headers'] };
}

/** Asserts a setup call worked and returns its body. */
export function ok<T = any>(res: Res<T>, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Uploads a file as `as` and returns the unbound attachment. */
export async function upload(s: TestServer, as: TestAgent, content = 'hello, attachment'): Promise<{ id: string }> {
  return ok(await send(s, 'POST', { url: '/api/v1/attachments?filename=a.txt', raw: content }, as), 'upload');
}

const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');

/** A ticket in `teamId` opened by `as`, with a second message that carries an attachment of `as`. */
export async function ticketWithAttachment(s: TestServer, as: TestAgent, o: { teamId: string | null; requesterId: string; text?: string; tags?: string[] }) {
  const t = await makeTicket(s, as, {
    subject: `Ticket of ${as.email}`,
    requester: { id: o.requesterId },
    teamId: o.teamId,
    tags: o.tags ?? [],
    message: { text: o.text ?? 'The first message.' },
  });
  const att = await upload(s, as);
  ok(await call(s, 'POST', `/api/v1/tickets/${t.id}/messages`, { as, body: { kind: 'note', text: 'See the file.', attachmentIds: [att.id] } }), 'reply');
  return { id: t.id as string, number: t.number as number, attachmentId: att.id };
}

/** Builds the world described in the module comment. */
export async function buildWorld(s: TestServer): Promise<World> {
  const admin = await makeAgent(s, { role: 'admin', name: 'Admin' });
  const ax = await makeAgent(s, { name: 'Ax' });
  const ay = await makeAgent(s, { name: 'Ay' });
  const rx = await makeAgent(s, { role: 'readonly', name: 'Rx' });
  const teamX = await makeTeam(s, 'Team X', [ax, rx]);
  const teamY = await makeTeam(s, 'Team Y', [ay]);
  const organization = ok(await call(s, 'POST', '/api/v1/organizations', { as: admin, body: { name: 'Shared Org' } }), 'organization');
  const contact = ok(
    await call(s, 'POST', '/api/v1/contacts', { as: admin, body: { name: 'Casey Customer', email: `casey-${letters(6)}@example.org`, organizationId: organization.id } }),
    'contact',
  );
  const ticketField = ok(await call(s, 'POST', '/api/v1/ticket-fields', { as: admin, body: { key: 'plan', label: 'Plan', kind: 'text' } }), 'ticket field');

  const tyWord = `zq${letters(12)}`;
  const tyTags = ['y-only', `y-${letters(6)}`];
  const ty = await ticketWithAttachment(s, ay, { teamId: teamY.id, requesterId: contact.id, text: `Confidential for team Y: ${tyWord}.`, tags: tyTags });
  const tx = await ticketWithAttachment(s, ax, { teamId: teamX.id, requesterId: contact.id, tags: ['x-only'] });
  const ayUpload = await upload(s, ay, 'not yet sent');
  const ayToken = ok(await call(s, 'POST', '/api/v1/me/tokens', { as: ay, body: { name: 'Ay integration' } }), 'token');
  const ayView = ok(await call(s, 'POST', '/api/v1/views', { as: ay, body: { name: 'Ay private', filters: { teamId: teamY.id } } }), 'view');
  const teamView = async (teamId: string) => ok(await call(s, 'POST', '/api/v1/views', { as: admin, body: { name: unique('team view'), scope: 'team', teamId } }), 'team view');
  const teamXView = await teamView(teamX.id);
  const teamYView = await teamView(teamY.id);

  const channel = ok(await call(s, 'POST', '/api/v1/channels', { as: admin, body: { name: 'Walker mail', address: `walker-${letters(6)}@firma.example` } }), 'channel');

  return {
    s,
    admin,
    ax,
    ay,
    rx,
    teamX,
    teamY,
    organization,
    contact,
    ticketField,
    tx: { id: tx.id, number: tx.number },
    ty: { id: ty.id, number: ty.number },
    txAttachment: { id: tx.attachmentId },
    tyAttachment: { id: ty.attachmentId },
    ayUpload,
    ayTokenId: ayToken.token.id,
    ayView,
    teamXView,
    teamYView,
    inviteToken: await inviteToken(s, admin),
    tyWord,
    tyTags,
    channel,
    inboundMail: { id: await quarantinedMail(s, admin, channel.id) },
    outboundMail: { id: await failedOutbound(s, channel.id) },
    calendar: ok(await call(s, 'POST', '/api/v1/calendars', { as: admin, body: calendarBody() }), 'calendar'),
    slaPolicy: ok(await call(s, 'POST', '/api/v1/sla-policies', { as: admin, body: slaPolicyBody() }), 'SLA policy'),
    ...(await webhookWithDelivery(s, admin)),
    sharedMacro: ok(await call(s, 'POST', '/api/v1/macros', { as: admin, body: { ...macroBody('shared'), actions: { addTags: ['walker-macro'] } } }), 'shared macro'),
    ayMacro: ok(await call(s, 'POST', '/api/v1/macros', { as: ay, body: macroBody('personal') }), 'macro'),
    ayNotification: { id: await notificationFor(s, ay) },
    automationRule: ok(await call(s, 'POST', '/api/v1/automation-rules', { as: admin, body: automationRuleBody() }), 'automation rule'),
    chat: await buildChatWorld(s, admin, teamX, teamY),
    surveyCampaign: ok(await call(s, 'POST', '/api/v1/survey-campaigns', { as: admin, body: { name: unique('nps'), segment: { tags: ['walker-nobody'] } } }), 'NPS campaign'),
    kb: await buildKbWorld(s, admin, tx.id),
  };
}

/** A mail with two From: headers, which is quarantined; reprocessing keeps it there. */
export async function quarantinedMail(s: TestServer, admin: TestAgent, channelId: string): Promise<string> {
  const raw = `From: a@kunde.example\r\nFrom: b@kunde.example\r\nTo: box@firma.example\r\nSubject: ${unique('two-from')}\r\n\r\nHallo\r\n`;
  const stored = ok(await send(s, 'POST', { url: `/api/v1/channels/${channelId}/inbound`, raw }, admin), 'inbound');
  await s.servus.mail.processor.idle();
  return stored.id;
}

/** An outbound mail that failed for good (written directly: no test here talks to a mail server). */
export async function failedOutbound(s: TestServer, channelId: string): Promise<string> {
  const [row] = await s.servus.services.database.db
    .insert(outboundMails)
    .values({
      channelId,
      kind: 'reply',
      fromName: 'Walker',
      to: ['casey@example.org'],
      subject: 'Re: walk',
      emailMessageId: `${unique('walk')}@firma.example`,
      replyTo: 'box@firma.example',
      payload: { text: 'x', html: '<p>x</p>', attachments: [] },
      status: 'failed',
      attempts: 5,
      lastError: '550 no such user',
    })
    .returning({ id: outboundMails.id });
  return row!.id;
}

/** Invites a new agent as the admin and returns the secret from the invitation link. */
export async function inviteToken(s: TestServer, admin: TestAgent): Promise<string> {
  const res = ok(await call(s, 'POST', '/api/v1/agents/invite', { as: admin, body: { email: `${unique('invited')}@example.com`, name: 'Invited' } }), 'invite');
  return String(res.inviteUrl).split('/').pop()!;
}

/** A fresh ticket `as` can see: in their first team, or without a team for admins. Opened by the admin. */
export async function peerTicket(w: World, as: TestAgent | null): Promise<string> {
  const teamId = as && as.actor.role !== 'admin' ? (as.actor.teamIds[0] ?? null) : null;
  const t = await makeTicket(w.s, w.admin, { requester: { id: w.contact.id }, teamId, subject: 'Peer ticket' });
  return t.id;
}

/** A fresh identity on a contact (made by the admin), or a random id when the contact does not exist. */
export async function identityOn(w: World, contactId: string): Promise<string> {
  const res = await call(w.s, 'POST', `/api/v1/contacts/${contactId}/identities`, { as: w.admin, body: { kind: 'external', value: `ext-${letters(10)}` } });
  return res.status === 201 ? res.body.id : nobody();
}

/** A valid new business-hours calendar: Mon–Fri 09:00–17:00 in Bavaria. */
export function calendarBody() {
  const day = [{ start: '09:00', end: '17:00' }];
  return { name: unique('calendar'), timeZone: 'Europe/Berlin', weekly: { '1': day, '2': day, '3': day, '4': day, '5': day }, holidays: { country: 'DE', state: 'BY' } };
}

/** A unique value for names and identities. */
export const unique = (prefix: string): string => `${prefix}-${letters(10)}`;

/** A valid new SLA policy: first reply within 8 business hours for normal tickets. */
export function slaPolicyBody() {
  return { name: unique('sla'), conditions: { priorities: ['normal', 'high'] }, targets: { normal: { first_reply: { minutes: 480, businessHours: true } } } };
}

const tiers = new WeakMap<World, Promise<string>>();

/** A team that is escalation tier 1, made once per world by the admin. */
export function escalationTier(w: World): Promise<string> {
  let tier = tiers.get(w);
  if (!tier) {
    tier = (async () => {
      const team = await makeTeam(w.s, unique('tier'));
      ok(await call(w.s, 'PATCH', `/api/v1/teams/${team.id}/routing`, { as: w.admin, body: { escalationTier: 1 } }), 'escalation tier');
      return team.id as string;
    })();
    tiers.set(w, tier);
  }
  return tier;
}

/** A valid new trigger: tickets with the tag `walker-never` (none has it) get another tag. */
export function automationRuleBody() {
  return {
    kind: 'trigger',
    name: unique('rule'),
    events: ['ticket.created'],
    conditions: { all: [{ field: 'ticket.tags', operator: 'contains', value: 'walker-never' }], any: [] },
    actions: [{ type: 'add_tags', tags: ['walker-rule'] }],
  };
}

/** A valid new macro: a text with a placeholder in both languages. */
export function macroBody(scope: 'shared' | 'personal') {
  return { name: unique('macro'), scope, texts: { en: 'Hello {{customer.first_name}}', de: 'Hallo {{customer.first_name}}' } };
}

/** Writes a notification for `agent` (as a rule would) and returns its id. */
export async function notificationFor(s: TestServer, agent: TestAgent): Promise<string> {
  const ctx = makeCtx(s.servus.services, { kind: 'automation', id: null });
  await inTransaction(ctx, (tx) => notify(tx, ctx, { agentIds: [agent.id], kind: 'rule', title: unique('walker notice') }));
  return ok(await call(s, 'GET', '/api/v1/notifications?limit=1', { as: agent }), 'notifications').data[0].id;
}

/** A valid new webhook; its URL is a public address, so saving needs no DNS, and no worker ever calls it here. */
export function webhookBody() {
  return { name: unique('webhook'), url: 'https://93.184.216.34/servus-walker', events: ['ticket.created'] };
}

/** A webhook with one test delivery, made by the admin. */
export async function webhookWithDelivery(s: TestServer, admin: TestAgent): Promise<{ webhook: { id: string }; webhookDelivery: { id: string } }> {
  const webhook = ok(await call(s, 'POST', '/api/v1/webhooks', { as: admin, body: webhookBody() }), 'webhook').webhook;
  const webhookDelivery = ok(await call(s, 'POST', `/api/v1/webhooks/${webhook.id}/test`, { as: admin }), 'webhook test');
  return { webhook, webhookDelivery };
}
