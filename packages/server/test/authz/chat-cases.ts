/**
 * Route cases of live chat (see route-cases.ts). The widget's routes are public: the session
 * token and the channel's website allowlist decide, and chat-security.test.ts probes them. The
 * agents' chat routes follow ticket visibility; chat channels are admin configuration.
 */
import type { RouteCase } from './route-cases.ts';
import { WORLD_SHOP, multipartFile } from './chat-world.ts';
import { unique } from './world.ts';

const fromShop = { origin: WORLD_SHOP };

export const CHAT_CASES: Record<string, RouteCase> = {
  'GET /api/v1/chat/channels/{id}/widget-config': { access: 'public', write: false, ok: 200, object: 'chatChannel', request: ({ id }) => ({ url: `/api/v1/chat/channels/${id}/widget-config?lang=de` }) },
  'POST /api/v1/chat/channels/{id}/sessions': {
    access: 'public',
    write: true,
    ok: 200,
    object: 'chatChannel',
    request: ({ id }) => ({ url: `/api/v1/chat/channels/${id}/sessions`, body: { locale: 'de' }, headers: fromShop }),
    mass: {},
  },
  'POST /api/v1/chat/channels/{id}/offline': {
    access: 'public',
    write: true,
    ok: 201,
    object: 'chatChannel',
    request: ({ id }) => ({ url: `/api/v1/chat/channels/${id}/offline`, body: { email: `${unique('offline')}@kunde.example`, message: 'Bitte melden Sie sich.' }, headers: fromShop }),
    mass: {},
  },
  // No system mail in this world: token and website are accepted, sending is unavailable.
  'POST /api/v1/chat/transcript': {
    access: 'public',
    write: true,
    ok: 503,
    request: ({ w }) => ({ url: `/api/v1/chat/transcript?token=${w.chat.visitor.token}`, body: { email: 'vera@kunde.example' }, headers: fromShop }),
    mass: {},
  },
  'POST /api/v1/chat/uploads': {
    access: 'public',
    write: true,
    ok: 201,
    request: ({ w }) => ({ url: `/api/v1/chat/uploads?token=${w.chat.visitor.token}`, ...multipartFile() }),
    mass: 'the body is a file',
  },
  'GET /api/v1/chat/attachments/{id}': read('public', ({ w, id }) => `/api/v1/chat/attachments/${id}?token=${w.chat.visitor.token}`, 'chatAttachment'),

  'GET /api/v1/chats': read('ticket', () => '/api/v1/chats?status=waiting'),
  'GET /api/v1/chats/{ticketId}': read('ticket', ({ id }) => `/api/v1/chats/${id}`, 'chat'),
  'POST /api/v1/chats/{ticketId}/accept': { access: 'ticket', write: true, ok: 200, object: 'chat', request: ({ id }) => ({ url: `/api/v1/chats/${id}/accept` }), mass: 'takes no body' },
  'POST /api/v1/chats/{ticketId}/transfer': {
    access: 'ticket',
    write: true,
    ok: 200,
    object: 'chat',
    // Back to the queue of the caller's own team (or team Y's, where fresh chats are).
    request: ({ w, as, id }) => ({ url: `/api/v1/chats/${id}/transfer`, body: { teamId: as?.actor.teamIds[0] ?? w.teamY.id } }),
    mass: {},
  },
  'POST /api/v1/chats/{ticketId}/end': { access: 'ticket', write: true, ok: 200, object: 'chat', request: ({ id }) => ({ url: `/api/v1/chats/${id}/end` }), mass: 'takes no body' },
  'POST /api/v1/chats/{ticketId}/convert': { access: 'ticket', write: true, ok: 200, object: 'chat', request: ({ id }) => ({ url: `/api/v1/chats/${id}/convert` }), mass: 'takes no body' },

  'GET /api/v1/chat-channels': read('admin', () => '/api/v1/chat-channels'),
  'GET /api/v1/chat-channels/{id}': read('admin', ({ id }) => `/api/v1/chat-channels/${id}`, 'chatChannel'),
  'POST /api/v1/chat-channels': {
    access: 'admin',
    write: true,
    ok: 201,
    request: () => ({ url: '/api/v1/chat-channels', body: { name: unique('chat'), allowedOrigins: [WORLD_SHOP], preChatForm: { enabled: true, requireEmail: true } } }),
    mass: { nested: ['preChatForm'] },
  },
  'PATCH /api/v1/chat-channels/{id}': {
    access: 'admin',
    write: true,
    ok: 200,
    object: 'chatChannel',
    request: ({ id }) => ({ url: `/api/v1/chat-channels/${id}`, body: { name: unique('renamed'), preChatForm: { enabled: true, topics: ['Rechnung'] } } }),
    mass: { nested: ['preChatForm'] },
  },
  'DELETE /api/v1/chat-channels/{id}': { access: 'admin', write: true, ok: 204, object: 'chatChannel', request: ({ id }) => ({ url: `/api/v1/chat-channels/${id}` }) },
  'POST /api/v1/chat-channels/{id}/rotate-secret': { access: 'admin', write: true, ok: 200, object: 'chatChannel', request: ({ id }) => ({ url: `/api/v1/chat-channels/${id}/rotate-secret` }), mass: 'takes no body' },
};

function read(access: RouteCase['access'], url: (p: Parameters<RouteCase['request']>[0]) => string, object?: RouteCase['object']): RouteCase {
  return { access, write: false, ok: 200, object, request: (p) => ({ url: url(p) }) };
}
