/**
 * One case per API route, keyed `METHOD /path` exactly as the OpenAPI document lists it. A
 * case says which rule decides access, whether the route writes, what `{id}` names, and how
 * to build a valid request. The walker refuses to run if a route has no case or a case names
 * a route that is gone, so every new route has to be placed here.
 */
import { DEFAULT_NOTIFICATION_CHANNELS } from '@servus/shared';
import { call, type TestAgent } from '../harness.ts';
import type { ObjectKind } from './objects.ts';
import { CHAT_CASES } from './chat-cases.ts';
import { SURVEY_CASES } from './survey-cases.ts';
import { REPORT_CASES } from './report-cases.ts';
import { BOT_CASES } from './bot-cases.ts';
import { HELP_CENTER_CASES } from './help-center-cases.ts';
import { KB_CASES } from './kb-cases.ts';
import { read } from './read-case.ts';
import { automationRuleBody, calendarBody, slaPolicyBody, webhookBody, escalationTier, identityOn, macroBody, peerTicket, unique, upload, type Req, type World } from './world.ts';

/**
 * Which rule decides access:
 * - `public`: anyone, signed in or not;
 * - `self`: the caller's own account (sessions, password, personal tokens), any role;
 * - `shared`: objects every agent sees (contacts, organizations, agents, teams, tags, fields);
 *   read-only users may only read;
 * - `admin`: admins only, 403 for everyone else;
 * - `ticket`: tickets and what hangs off them, visible by team (see tickets/policies.ts).
 */
export type Access = 'public' | 'self' | 'shared' | 'admin' | 'ticket';

/** What a request builder gets: the world, the caller and the object `{id}` names ('' when none). */
export interface Probe {
  w: World;
  as: TestAgent | null;
  id: string;
}

/**
 * How unknown fields are probed on a create or change route: `accepts` lists probe names the
 * body legitimately has, `nested` names objects inside the body probed as well, and `in`
 * moves the probe to the query string. A string explains why the route is not probed.
 */
export type MassAssign = { accepts?: string[]; nested?: string[]; in?: 'query' } | string;

export interface RouteCase {
  access: Access;
  /** Whether the route changes anything (read-only users get 403). */
  write: boolean;
  /** What `{id}` names, for routes with a path parameter. */
  object?: ObjectKind;
  /** The status a caller who is allowed gets. */
  ok: number;
  request(p: Probe): Req | Promise<Req>;
  /** Required for POST, PATCH and PUT routes. */
  mass?: MassAssign;
}

/** A read route: no body, 200 for a caller who may see it. */

export const CASES: Record<string, RouteCase> = {
  // Public
  'GET /healthz': read('public', () => '/healthz'),
  'GET /api/v1/setup': read('public', () => '/api/v1/setup'),
  'POST /api/v1/setup': {
    access: 'public',
    write: true,
    ok: 404, // the installation is set up, so the route is gone
    request: () => ({ url: '/api/v1/setup', body: { name: 'Mallory', email: 'mallory@example.com', password: 'a long enough password' } }),
    mass: 'closed once installed; the open form is covered by auth.test.ts',
  },
  'POST /api/v1/auth/login': {
    access: 'public',
    write: true,
    ok: 200,
    request: ({ w }) => ({ url: '/api/v1/auth/login', body: { email: w.ax.email, password: w.ax.password } }),
    mass: { accepts: ['password'] },
  },

  // Invitations: the secret in the path is the credential.
  'GET /api/v1/invites/{token}': read('public', ({ id }) => `/api/v1/invites/${id}`, 'invite'),
  'POST /api/v1/invites/{token}/accept': {
    access: 'public',
    write: true,
    ok: 200,
    object: 'invite',
    request: ({ id }) => ({ url: `/api/v1/invites/${id}/accept`, body: { password: 'a long enough password' } }),
    mass: { accepts: ['password'] },
  },

  // The caller's own account
  'POST /api/v1/auth/logout': { access: 'self', write: true, ok: 204, request: () => ({ url: '/api/v1/auth/logout' }), mass: 'takes no body' },
  'GET /api/v1/auth/me': read('self', () => '/api/v1/auth/me'),
  // Answers anyone: the signed-in agent, or {agent:null} for an anonymous caller.
  'GET /api/v1/auth/session': read('public', () => '/api/v1/auth/session'),
  'PATCH /api/v1/auth/me': { access: 'self', write: true, ok: 200, request: () => ({ url: '/api/v1/auth/me', body: { name: 'Renamed' } }), mass: {} },
  'POST /api/v1/auth/password': {
    access: 'self',
    write: true,
    ok: 204,
    request: ({ as }) => ({ url: '/api/v1/auth/password', body: { currentPassword: as?.password ?? 'unknown password', newPassword: 'another long password' } }),
    mass: {},
  },
  'GET /api/v1/me/tokens': read('self', () => '/api/v1/me/tokens'),
  'POST /api/v1/me/tokens': { access: 'self', write: true, ok: 201, request: () => ({ url: '/api/v1/me/tokens', body: { name: 'walker' } }), mass: {} },
  'DELETE /api/v1/me/tokens/{id}': { access: 'self', write: true, ok: 204, object: 'token', request: ({ id }) => ({ url: `/api/v1/me/tokens/${id}` }) },

  // Agents and teams
  'GET /api/v1/agents': read('shared', () => '/api/v1/agents'),
  'GET /api/v1/agents/{id}': read('shared', ({ id }) => `/api/v1/agents/${id}`, 'agent'),
  'POST /api/v1/agents': {
    access: 'admin',
    write: true,
    ok: 201,
    request: () => ({ url: '/api/v1/agents', body: { email: `${unique('new')}@example.com`, name: 'New agent', role: 'admin', password: 'a long enough password' } }),
    mass: { accepts: ['role', 'password'] },
  },
  'PATCH /api/v1/agents/{id}': { access: 'admin', write: true, ok: 200, object: 'agent', request: ({ id }) => ({ url: `/api/v1/agents/${id}`, body: { role: 'admin' } }), mass: { accepts: ['role'] } },
  'POST /api/v1/agents/invite': {
    access: 'admin',
    write: true,
    ok: 201,
    request: () => ({ url: '/api/v1/agents/invite', body: { email: `${unique('invited')}@example.com`, name: 'Invited agent', role: 'admin' } }),
    mass: { accepts: ['role'] },
  },
  'POST /api/v1/agents/{id}/invite': { access: 'admin', write: true, ok: 200, object: 'agent', request: ({ id }) => ({ url: `/api/v1/agents/${id}/invite` }), mass: 'takes no body' },
  'GET /api/v1/teams': read('shared', () => '/api/v1/teams'),
  'GET /api/v1/teams/{id}': read('shared', ({ id }) => `/api/v1/teams/${id}`, 'team'),
  'POST /api/v1/teams': { access: 'admin', write: true, ok: 201, request: () => ({ url: '/api/v1/teams', body: { name: unique('team') } }), mass: {} },
  'PATCH /api/v1/teams/{id}': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'team',
    // The caller tries to make itself the team's only member.
    request: ({ id, as }) => ({ url: `/api/v1/teams/${id}`, body: { memberIds: as ? [as.id] : [] } }),
    mass: {},
  },
  'DELETE /api/v1/teams/{id}': { access: 'admin', write: true, ok: 204, object: 'team', request: ({ id }) => ({ url: `/api/v1/teams/${id}` }) },

  // Contacts and organizations
  'GET /api/v1/contacts': read('shared', () => '/api/v1/contacts'),
  'POST /api/v1/contacts': { access: 'shared', write: true, ok: 201, request: () => ({ url: '/api/v1/contacts', body: { name: 'New contact', email: `${unique('c')}@example.org` } }), mass: {} },
  'GET /api/v1/contacts/{id}': read('shared', ({ id }) => `/api/v1/contacts/${id}`, 'contact'),
  'PATCH /api/v1/contacts/{id}': { access: 'shared', write: true, ok: 200, object: 'contact', request: ({ id }) => ({ url: `/api/v1/contacts/${id}`, body: { notes: 'edited by the walker' } }), mass: {} },
  'POST /api/v1/contacts/{id}/identities': {
    access: 'shared',
    write: true,
    ok: 201,
    object: 'contact',
    request: ({ id }) => ({ url: `/api/v1/contacts/${id}/identities`, body: { kind: 'external', value: unique('ext') } }),
    mass: {},
  },
  'DELETE /api/v1/contacts/{id}/identities/{identityId}': {
    access: 'shared',
    write: true,
    ok: 204,
    object: 'contact',
    request: async ({ w, id }) => ({ url: `/api/v1/contacts/${id}/identities/${await identityOn(w, id)}` }),
  },
  'GET /api/v1/contacts/{id}/tickets': read('shared', ({ id }) => `/api/v1/contacts/${id}/tickets`, 'contact'),
  'GET /api/v1/organizations': read('shared', () => '/api/v1/organizations'),
  'POST /api/v1/organizations': { access: 'shared', write: true, ok: 201, request: () => ({ url: '/api/v1/organizations', body: { name: unique('org') } }), mass: {} },
  'GET /api/v1/organizations/{id}': read('shared', ({ id }) => `/api/v1/organizations/${id}`, 'organization'),
  'PATCH /api/v1/organizations/{id}': {
    access: 'shared',
    write: true,
    ok: 200,
    object: 'organization',
    request: ({ id }) => ({ url: `/api/v1/organizations/${id}`, body: { notes: 'edited by the walker' } }),
    mass: {},
  },
  'DELETE /api/v1/organizations/{id}': { access: 'admin', write: true, ok: 204, object: 'organization', request: ({ id }) => ({ url: `/api/v1/organizations/${id}` }) },
  'GET /api/v1/organizations/{id}/contacts': read('shared', ({ id }) => `/api/v1/organizations/${id}/contacts`, 'organization'),
  'GET /api/v1/organizations/{id}/tickets': read('shared', ({ id }) => `/api/v1/organizations/${id}/tickets`, 'organization'),

  // Tags and custom fields
  'GET /api/v1/tags': read('shared', () => '/api/v1/tags'),
  'POST /api/v1/tags': { access: 'shared', write: true, ok: 201, request: () => ({ url: '/api/v1/tags', body: { name: unique('tag') } }), mass: {} },
  'GET /api/v1/ticket-fields': read('shared', () => '/api/v1/ticket-fields'),
  'POST /api/v1/ticket-fields': {
    access: 'admin',
    write: true,
    ok: 201,
    request: () => ({ url: '/api/v1/ticket-fields', body: { key: unique('f').replace('-', '_'), label: 'New field', kind: 'text' } }),
    mass: {},
  },
  'PATCH /api/v1/ticket-fields/{id}': { access: 'admin', write: true, ok: 200, object: 'ticketField', request: ({ id }) => ({ url: `/api/v1/ticket-fields/${id}`, body: { label: 'Relabelled' } }), mass: {} },

  // Tickets
  'GET /api/v1/tickets': read('ticket', () => '/api/v1/tickets?limit=100'),
  'POST /api/v1/tickets': {
    access: 'ticket',
    write: true,
    ok: 201,
    request: ({ w }) => ({ url: '/api/v1/tickets', body: { subject: 'New ticket', requester: { id: w.contact.id }, message: { text: 'Hello' } } }),
    mass: { nested: ['requester', 'message'] },
  },
  'GET /api/v1/tickets/{id}': read('ticket', ({ id }) => `/api/v1/tickets/${id}?include=messages,requester`, 'ticket'),
  'PATCH /api/v1/tickets/{id}': {
    access: 'ticket',
    write: true,
    ok: 200,
    object: 'ticket',
    request: ({ id }) => ({ url: `/api/v1/tickets/${id}`, body: { subject: 'Changed by the walker', status: 'pending', addTags: ['walker'] } }),
    mass: { accepts: ['version'] },
  },
  'POST /api/v1/tickets/bulk': {
    access: 'ticket',
    write: true,
    ok: 200,
    request: async ({ w, as }) => ({ url: '/api/v1/tickets/bulk', body: { ids: [await peerTicket(w, as)], changes: { status: 'pending', addTags: ['walker'] } } }),
    mass: { nested: ['changes'] },
  },
  'POST /api/v1/tickets/{id}/merge': {
    access: 'ticket',
    write: true,
    ok: 200,
    object: 'ticket',
    request: async ({ w, as, id }) => ({ url: `/api/v1/tickets/${id}/merge`, body: { sourceIds: [await peerTicket(w, as)] } }),
    mass: {},
  },
  'GET /api/v1/tickets/{id}/messages': read('ticket', ({ id }) => `/api/v1/tickets/${id}/messages`, 'ticket'),
  'POST /api/v1/tickets/{id}/messages': {
    access: 'ticket',
    write: true,
    ok: 201,
    object: 'ticket',
    // Writers also try to bind one of their uploads to the ticket.
    request: async ({ w, as, id }) => {
      const attachmentIds = as && as.actor.role !== 'readonly' ? [(await upload(w.s, as)).id] : undefined;
      return { url: `/api/v1/tickets/${id}/messages`, body: { kind: 'public', text: 'Reply from the walker', status: 'pending', attachmentIds } };
    },
    mass: { accepts: ['version'] },
  },
  'GET /api/v1/tickets/{id}/events': read('ticket', ({ id }) => `/api/v1/tickets/${id}/events`, 'ticket'),
  'POST /api/v1/attachments': { access: 'ticket', write: true, ok: 201, request: () => ({ url: '/api/v1/attachments?filename=a.txt', raw: 'uploaded by the walker' }), mass: { in: 'query' } },
  'GET /api/v1/attachments/{id}': read('ticket', ({ id }) => `/api/v1/attachments/${id}`, 'attachment'),
  'GET /api/v1/search': read('ticket', ({ w }) => `/api/v1/search?q=${w.tyWord}`),

  // Saved views: personal ones are their owner's, shared ones follow the team.
  'GET /api/v1/views': read('ticket', () => '/api/v1/views'),
  'GET /api/v1/views/counts': read('ticket', () => '/api/v1/views/counts'),
  'POST /api/v1/views': {
    access: 'ticket',
    write: true,
    ok: 201,
    request: () => ({ url: '/api/v1/views', body: { name: unique('view'), filters: { status: ['open'] } } }),
    mass: { nested: ['filters'] },
  },
  'GET /api/v1/views/{id}/tickets': read('ticket', ({ id }) => `/api/v1/views/${id}/tickets`, 'view'),
  'PATCH /api/v1/views/{id}': { access: 'ticket', write: true, ok: 200, object: 'view', request: ({ id }) => ({ url: `/api/v1/views/${id}`, body: { name: unique('renamed'), filters: { status: ['solved'] } } }), mass: { nested: ['filters'] } },
  'DELETE /api/v1/views/{id}': { access: 'ticket', write: true, ok: 204, object: 'view', request: ({ id }) => ({ url: `/api/v1/views/${id}` }) },

  // Email channels and mail flow: configuration and the raw mail of every customer, admins only.
  'GET /api/v1/channels': read('admin', () => '/api/v1/channels'),
  'GET /api/v1/channels/{id}': read('admin', ({ id }) => `/api/v1/channels/${id}`, 'channel'),
  'POST /api/v1/channels': {
    access: 'admin',
    write: true,
    ok: 201,
    request: () => ({ url: '/api/v1/channels', body: { name: unique('channel'), address: `${unique('box')}@firma.example`, imap: { host: 'imap.firma.example', user: 'box', password: 'secret' } } }),
    mass: { nested: ['imap'], accepts: ['password'] },
  },
  'PATCH /api/v1/channels/{id}': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'channel',
    request: ({ id }) => ({ url: `/api/v1/channels/${id}`, body: { name: unique('renamed'), smtp: { host: 'smtp.firma.example', password: 'secret' } } }),
    mass: { nested: ['smtp'], accepts: ['password'] },
  },
  'DELETE /api/v1/channels/{id}': { access: 'admin', write: true, ok: 204, object: 'channel', request: ({ id }) => ({ url: `/api/v1/channels/${id}` }) },
  // Settings without servers: the test answers at once with nothing to try.
  'POST /api/v1/channels/{id}/test': { access: 'admin', write: false, ok: 200, object: 'channel', request: ({ id }) => ({ url: `/api/v1/channels/${id}/test` }), mass: 'takes no body' },
  'POST /api/v1/channels/{id}/inbound': {
    access: 'admin',
    write: true,
    ok: 202,
    object: 'channel',
    request: ({ id }) => ({ url: `/api/v1/channels/${id}/inbound`, raw: `From: walker@kunde.example\r\nTo: box@firma.example\r\nSubject: ${unique('walk')}\r\n\r\nHallo\r\n` }),
    mass: 'the body is a raw message, not fields',
  },
  'GET /api/v1/mail/health': read('admin', () => '/api/v1/mail/health'),
  'GET /api/v1/mail/inbound': read('admin', () => '/api/v1/mail/inbound'),
  'GET /api/v1/mail/inbound/{id}': read('admin', ({ id }) => `/api/v1/mail/inbound/${id}`, 'inboundMail'),
  'GET /api/v1/mail/inbound/{id}/raw': read('admin', ({ id }) => `/api/v1/mail/inbound/${id}/raw`, 'inboundMail'),
  'POST /api/v1/mail/inbound/{id}/reprocess': { access: 'admin', write: true, ok: 200, object: 'inboundMail', request: ({ id }) => ({ url: `/api/v1/mail/inbound/${id}/reprocess` }), mass: 'takes no body' },
  'GET /api/v1/mail/outbound': read('admin', () => '/api/v1/mail/outbound'),

  // Business-hours calendars: every agent reads them (SLA clocks show to all), admins change them.
  'GET /api/v1/calendars': read('shared', () => '/api/v1/calendars'),
  'GET /api/v1/calendars/{id}': read('shared', ({ id }) => `/api/v1/calendars/${id}`, 'calendar'),
  'POST /api/v1/calendars': { access: 'admin', write: true, ok: 201, request: () => ({ url: '/api/v1/calendars', body: calendarBody() }), mass: { nested: ['weekly', 'holidays'] } },
  'PATCH /api/v1/calendars/{id}': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'calendar',
    request: ({ id }) => ({ url: `/api/v1/calendars/${id}`, body: { name: unique('renamed'), holidays: { country: 'DE', state: 'BY', region: 'KATH' } } }),
    mass: { nested: ['holidays'] },
  },
  'DELETE /api/v1/calendars/{id}': { access: 'admin', write: true, ok: 204, object: 'calendar', request: ({ id }) => ({ url: `/api/v1/calendars/${id}` }) },
  'GET /api/v1/calendars/{id}/holidays': read('shared', ({ id }) => `/api/v1/calendars/${id}/holidays?year=2026`, 'calendar'),
  'GET /api/v1/holiday-regions': read('shared', () => '/api/v1/holiday-regions?country=DE'),

  // SLA policies: every agent reads them (tickets show their SLA to all), admins change them.
  'GET /api/v1/sla-policies': read('shared', () => '/api/v1/sla-policies'),
  'GET /api/v1/sla-policies/{id}': read('shared', ({ id }) => `/api/v1/sla-policies/${id}`, 'slaPolicy'),
  'POST /api/v1/sla-policies': { access: 'admin', write: true, ok: 201, request: () => ({ url: '/api/v1/sla-policies', body: slaPolicyBody() }), mass: { nested: ['conditions', 'targets'] } },
  'PATCH /api/v1/sla-policies/{id}': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'slaPolicy',
    request: ({ id }) => ({ url: `/api/v1/sla-policies/${id}`, body: { name: unique('renamed'), conditions: { tags: ['vip'] } } }),
    mass: { nested: ['conditions'] },
  },
  'DELETE /api/v1/sla-policies/{id}': { access: 'admin', write: true, ok: 204, object: 'slaPolicy', request: ({ id }) => ({ url: `/api/v1/sla-policies/${id}` }) },
  'PUT /api/v1/sla-policies/order': {
    access: 'admin',
    write: true,
    ok: 200,
    // The body names every policy once, in the current order, so a successful call changes nothing.
    request: async ({ w }) => ({ url: '/api/v1/sla-policies/order', body: { ids: (await call(w.s, 'GET', '/api/v1/sla-policies', { as: w.admin })).body.data.map((p: { id: string }) => p.id) } }),
    mass: {},
  },
  'POST /api/v1/mail/outbound/{id}/retry': { access: 'admin', write: true, ok: 200, object: 'outboundMail', request: ({ id }) => ({ url: `/api/v1/mail/outbound/${id}/retry` }), mass: 'takes no body' },

  // Webhooks send ticket data to other systems: admins only, the delivery log included.
  'GET /api/v1/webhooks': read('admin', () => '/api/v1/webhooks'),
  'POST /api/v1/webhooks': { access: 'admin', write: true, ok: 201, request: () => ({ url: '/api/v1/webhooks', body: webhookBody() }), mass: {} },
  'GET /api/v1/webhooks/{id}': read('admin', ({ id }) => `/api/v1/webhooks/${id}`, 'webhook'),
  'PATCH /api/v1/webhooks/{id}': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'webhook',
    request: ({ id }) => ({ url: `/api/v1/webhooks/${id}`, body: { name: unique('renamed'), events: ['message.created'] } }),
    mass: {},
  },
  'DELETE /api/v1/webhooks/{id}': { access: 'admin', write: true, ok: 204, object: 'webhook', request: ({ id }) => ({ url: `/api/v1/webhooks/${id}` }) },
  'POST /api/v1/webhooks/{id}/rotate-secret': { access: 'admin', write: true, ok: 200, object: 'webhook', request: ({ id }) => ({ url: `/api/v1/webhooks/${id}/rotate-secret`, body: { keepPreviousForHours: 1 } }), mass: {} },
  'POST /api/v1/webhooks/{id}/test': { access: 'admin', write: true, ok: 202, object: 'webhook', request: ({ id }) => ({ url: `/api/v1/webhooks/${id}/test` }), mass: 'takes no body' },
  'GET /api/v1/webhooks/{id}/deliveries': read('admin', ({ id }) => `/api/v1/webhooks/${id}/deliveries?status=pending`, 'webhook'),
  'GET /api/v1/webhook-deliveries/{id}': read('admin', ({ id }) => `/api/v1/webhook-deliveries/${id}`, 'webhookDelivery'),
  'POST /api/v1/webhook-deliveries/{id}/redeliver': { access: 'admin', write: true, ok: 202, object: 'webhookDelivery', request: ({ id }) => ({ url: `/api/v1/webhook-deliveries/${id}/redeliver` }), mass: 'takes no body' },
  'GET /api/v1/webhook-settings': read('admin', () => '/api/v1/webhook-settings'),
  'PUT /api/v1/webhook-settings': { access: 'admin', write: true, ok: 200, request: () => ({ url: '/api/v1/webhook-settings', body: { allowedHosts: ['hooks.intranet.example'] } }), mass: {} },

  // Routing: agents set their own status and see everyone's; admins set capacity, skills and team routing.
  'GET /api/v1/me/routing': read('self', () => '/api/v1/me/routing'),
  'PATCH /api/v1/me/routing': { access: 'self', write: true, ok: 200, request: () => ({ url: '/api/v1/me/routing', body: { status: 'away' } }), mass: {} },
  'GET /api/v1/routing/agents': read('shared', () => '/api/v1/routing/agents'),
  'GET /api/v1/agents/{id}/routing': read('shared', ({ id }) => `/api/v1/agents/${id}/routing`, 'agent'),
  'PATCH /api/v1/agents/{id}/routing': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'agent',
    request: ({ id }) => ({ url: `/api/v1/agents/${id}/routing`, body: { status: 'online', capacity: { email: 3 }, skills: ['de'] } }),
    mass: { nested: ['capacity'] },
  },
  'GET /api/v1/routing/teams': read('shared', () => '/api/v1/routing/teams'),
  'GET /api/v1/teams/{id}/routing': read('shared', ({ id }) => `/api/v1/teams/${id}/routing`, 'team'),
  'PATCH /api/v1/teams/{id}/routing': { access: 'admin', write: true, ok: 200, object: 'team', request: ({ id }) => ({ url: `/api/v1/teams/${id}/routing`, body: { mode: 'round_robin', requeueOnOffline: true } }), mass: {} },
  'POST /api/v1/tickets/{id}/escalate': {
    access: 'ticket',
    write: true,
    ok: 200,
    object: 'ticket',
    request: async ({ w, id }) => ({ url: `/api/v1/tickets/${id}/escalate`, body: { reason: 'Needs second level', targetTeamId: await escalationTier(w) } }),
    mass: {},
  },
  'GET /api/v1/reports/escalations': read('shared', () => '/api/v1/reports/escalations'),
  // KPI reports, exports, staffing planner, agents report and weekly summary.
  ...REPORT_CASES,

  // Macros: shared ones for every agent (admins manage them), personal ones their owner's alone.
  'GET /api/v1/macros': read('ticket', () => '/api/v1/macros?q=macro'),
  'GET /api/v1/macros/{id}': read('ticket', ({ id }) => `/api/v1/macros/${id}`, 'macro'),
  'POST /api/v1/macros': { access: 'ticket', write: true, ok: 201, request: () => ({ url: '/api/v1/macros', body: macroBody('personal') }), mass: { nested: ['texts', 'actions'] } },
  'PATCH /api/v1/macros/{id}': {
    access: 'ticket',
    write: true,
    ok: 200,
    object: 'macro',
    request: ({ id }) => ({ url: `/api/v1/macros/${id}`, body: { name: unique('renamed'), actions: { status: 'pending' } } }),
    mass: { nested: ['actions'] },
  },
  'DELETE /api/v1/macros/{id}': { access: 'ticket', write: true, ok: 204, object: 'macro', request: ({ id }) => ({ url: `/api/v1/macros/${id}` }) },
  'POST /api/v1/tickets/{id}/macros/{macroId}/apply': {
    access: 'ticket',
    write: true,
    ok: 200,
    object: 'ticket',
    request: ({ w, id }) => ({ url: `/api/v1/tickets/${id}/macros/${w.sharedMacro.id}/apply`, body: { post: 'note' } }),
    mass: { accepts: ['version'] },
  },

  // Notifications: each agent's own, like their account.
  'GET /api/v1/notifications': read('self', () => '/api/v1/notifications'),
  'POST /api/v1/notifications/{id}/read': { access: 'self', write: true, ok: 200, object: 'notification', request: ({ id }) => ({ url: `/api/v1/notifications/${id}/read` }), mass: 'takes no body' },
  'POST /api/v1/notifications/read-all': { access: 'self', write: true, ok: 200, request: () => ({ url: '/api/v1/notifications/read-all' }), mass: 'takes no body' },
  'GET /api/v1/notifications/preferences': read('self', () => '/api/v1/notifications/preferences'),
  'PUT /api/v1/notifications/preferences': {
    access: 'self',
    write: true,
    ok: 200,
    request: () => ({ url: '/api/v1/notifications/preferences', body: { kinds: DEFAULT_NOTIFICATION_CHANNELS, digest: 'daily', teamReplies: false } }),
    mass: { nested: ['kinds'] },
  },

  // Triggers and time-based automations: admins only, reading included.
  'GET /api/v1/automation-rules': read('admin', () => '/api/v1/automation-rules'),
  'GET /api/v1/automation-rules/{id}': read('admin', ({ id }) => `/api/v1/automation-rules/${id}`, 'automationRule'),
  'GET /api/v1/automation-rules/{id}/runs': read('admin', ({ id }) => `/api/v1/automation-rules/${id}/runs`, 'automationRule'),
  'POST /api/v1/automation-rules': { access: 'admin', write: true, ok: 201, request: () => ({ url: '/api/v1/automation-rules', body: automationRuleBody() }), mass: { nested: ['conditions'] } },
  'PATCH /api/v1/automation-rules/{id}': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'automationRule',
    request: ({ id }) => ({ url: `/api/v1/automation-rules/${id}`, body: { name: unique('renamed'), conditions: { all: [], any: [] } } }),
    mass: { nested: ['conditions'] },
  },
  'DELETE /api/v1/automation-rules/{id}': { access: 'admin', write: true, ok: 204, object: 'automationRule', request: ({ id }) => ({ url: `/api/v1/automation-rules/${id}` }) },
  'PUT /api/v1/automation-rules/order': {
    access: 'admin',
    write: true,
    ok: 200,
    // The body names every trigger once, in the current order, so a successful call changes nothing.
    request: async ({ w }) => ({ url: '/api/v1/automation-rules/order', body: { kind: 'trigger', ids: (await call(w.s, 'GET', '/api/v1/automation-rules?kind=trigger', { as: w.admin })).body.data.map((r: { id: string }) => r.id) } }),
    mass: {},
  },
  // A dry run: it reads a ticket any admin may see and writes nothing.
  'POST /api/v1/automation-rules/preview': {
    access: 'admin',
    write: false,
    ok: 200,
    request: ({ w }) => ({ url: '/api/v1/automation-rules/preview', body: { rule: { kind: 'trigger', events: ['ticket.created'], actions: [{ type: 'add_tags', tags: ['x'] }] }, ticketNumber: w.tx.number } }),
    mass: { nested: ['rule'] },
  },

  // Live chat: the widget's routes, the agents' chat actions and the chat channels.
  ...CHAT_CASES,

  // Surveys: settings, NPS campaigns, a ticket's surveys, reports, and the token-signed answer route.
  ...SURVEY_CASES,

  // Help center: the public article search and form suggestions, the settings and the deflection report.
  ...HELP_CENTER_CASES,
  ...KB_CASES,

  // Answer bot: its settings and test question (admins) and its report.
  ...BOT_CASES,
};

/**
 * The routes anonymous callers may reach, and nothing else: setup, sign-in, the session check
 * (which reveals nothing to an anonymous caller), health, the two invitation routes, whose
 * one-time secret in the path is the credential, and the chat widget's routes, where the
 * visitor's session token and the channel's allowed websites decide, and the help center's article
 * search and contact-form suggestions, which show published articles only.
 */
export const PUBLIC_ROUTES = [
  'GET /api/v1/auth/session',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/login',
  'GET /healthz',
  'GET /api/v1/invites/{token}',
  'POST /api/v1/invites/{token}/accept',
  'GET /api/v1/chat/channels/{id}/widget-config',
  'POST /api/v1/chat/channels/{id}/sessions',
  'POST /api/v1/chat/channels/{id}/offline',
  'POST /api/v1/chat/transcript',
  'POST /api/v1/chat/uploads',
  'GET /api/v1/chat/attachments/{id}',
  'POST /api/v1/surveys/{token}',
  'GET /api/v1/help/search',
  'POST /api/v1/help/suggestions',
];

/** Field names a client must never be able to set through a create or change route (unless a case accepts them). */
export const FORBIDDEN_FIELDS = ['role', 'isAdmin', 'id', 'createdAt', 'version', 'passwordHash', 'password', 'tenantId', 'accountId', 'ownerId'];
