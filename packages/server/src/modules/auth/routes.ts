import { z } from 'zod';
import {
  AgentRole,
  ChangePasswordBody,
  Email,
  Locale,
  NonEmptyText,
  Password,
  CreateAgentBody,
  CreateTeamBody,
  CreateTokenBody,
  LoginBody,
  SetupBody,
  UpdateAgentBody,
  UpdateMeBody,
  UpdateTeamBody,
  Uuid,
} from '@servus/shared';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { makeCtx } from '../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { findAgent, findTeam, listAgents, listTeams, membersOf } from './repository.ts';
import { presentAgent, presentTeam, presentToken } from './presenters.ts';
import { requireAdmin, requireAgent } from './policies.ts';
import { clearSessionCookie, endSession, startSession } from './sessions.ts';
import { login } from './use-cases/login.ts';
import { setupAdmin, needsSetup } from './use-cases/setup-admin.ts';
import { changePassword } from './use-cases/change-password.ts';
import { createAgent } from './use-cases/create-agent.ts';
import { updateAgent } from './use-cases/update-agent.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './use-cases/api-tokens.ts';
import { createTeam, deleteTeam, updateTeam } from './use-cases/teams.ts';
import { acceptInvite, inviteAgent, readInvite, reinviteAgent } from './use-cases/invites.ts';
import { sessions } from './schema.ts';
import { eq } from 'drizzle-orm';

const IdParams = z.strictObject({ id: Uuid });
const TokenParams = z.strictObject({ token: z.string().min(20).max(200) });
const InviteBody = z.strictObject({ email: Email, name: NonEmptyText(200), role: AgentRole.default('agent'), locale: Locale.optional() });

function baseUrl(services: Services, req: FastifyRequest): string {
  return services.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`;
}

export function authRoutes(app: App, services: Services): void {
  const db = services.database.db;

  async function csrfOf(sessionId: string | undefined): Promise<string | null> {
    if (!sessionId) return null;
    const [s] = await db.select({ csrf: sessions.csrfToken }).from(sessions).where(eq(sessions.id, sessionId));
    return s?.csrf ?? null;
  }

  app.get('/api/v1/setup', { config: { public: true }, schema: { tags: ['auth'], summary: 'Whether the one-time setup is still open' } }, async () => ({
    needsSetup: await needsSetup({ db }),
  }));

  app.post(
    '/api/v1/setup',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Create the first admin (only on an empty installation)', body: SetupBody } },
    async (req, reply) => {
      const agent = await setupAdmin(makeCtx(services, SYSTEM_ACTOR), req.body);
      const { csrfToken } = await startSession(services, req, reply, agent.id);
      reply.code(201);
      return { agent: presentAgent(agent), csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign in with email and password', body: LoginBody } },
    async (req, reply) => {
      const agent = await login(makeCtx(services, SYSTEM_ACTOR), { ...req.body, ip: req.ip });
      const { csrfToken } = await startSession(services, req, reply, agent.id);
      return { agent: presentAgent(agent), csrfToken };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'End this session' } }, async (req, reply) => {
    const actor = requireAgent(req.actor);
    if (actor.sessionId) await endSession(db, actor.sessionId);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.get(
    '/api/v1/auth/session',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'The signed-in agent, or {agent:null} when signed out (never 401)' } },
    async (req) => {
      if (!req.actor) return { agent: null, teamIds: [], csrfToken: null };
      const agent = await findAgent(db, req.actor.id);
      return { agent: agent ? presentAgent(agent) : null, teamIds: req.actor.teamIds, csrfToken: await csrfOf(req.actor.sessionId) };
    },
  );

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in agent, its teams and CSRF token' } }, async (req) => {
    const actor = requireAgent(req.actor);
    const agent = await findAgent(db, actor.id);
    if (!agent) throw notFound('agent');
    return { agent: presentAgent(agent), signature: agent.signature, teamIds: actor.teamIds, csrfToken: await csrfOf(actor.sessionId) };
  });

  app.patch('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'Change own name, language, time zone or email signature', body: UpdateMeBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    const agent = await updateAgent(ctx, ctx.actor.id, req.body);
    return { agent: presentAgent(agent), signature: agent.signature };
  });

  app.post(
    '/api/v1/auth/password',
    { schema: { tags: ['auth'], summary: 'Change own password (needs the current one); ends other sessions', body: ChangePasswordBody } },
    async (req, reply) => {
      await changePassword(agentCtx(services, req), req.body);
      return reply.code(204).send();
    },
  );

  app.get('/api/v1/me/tokens', { schema: { tags: ['auth'], summary: 'List own API tokens' } }, async (req) => ({
    data: (await listApiTokens(agentCtx(services, req))).map(presentToken),
  }));

  app.post('/api/v1/me/tokens', { schema: { tags: ['auth'], summary: 'Create an API token (the secret is shown once)', body: CreateTokenBody } }, async (req, reply) => {
    const { row, secret } = await createApiToken(agentCtx(services, req), req.body);
    reply.code(201);
    return { token: presentToken(row), secret };
  });

  app.delete('/api/v1/me/tokens/:id', { schema: { tags: ['auth'], summary: 'Revoke an own API token', params: IdParams } }, async (req, reply) => {
    await revokeApiToken(agentCtx(services, req), req.params.id);
    return reply.code(204).send();
  });

  // Agents
  app.get('/api/v1/agents', { schema: { tags: ['agents'], summary: 'List agents' } }, async () => ({
    data: (await listAgents(db)).map(presentAgent),
    nextCursor: null,
  }));

  app.get('/api/v1/agents/:id', { schema: { tags: ['agents'], summary: 'Get an agent', params: IdParams } }, async (req) => {
    const agent = await findAgent(db, req.params.id);
    if (!agent) throw notFound('agent');
    return presentAgent(agent);
  });

  app.post('/api/v1/agents', { schema: { tags: ['agents'], summary: 'Create an agent (admin)', body: CreateAgentBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return idempotent(db, req, reply, 201, async () => presentAgent(await createAgent(ctx, req.body)));
  });

  app.post('/api/v1/agents/invite', { schema: { tags: ['agents'], summary: 'Invite an agent by email with a one-time link valid for 7 days (admin)', body: InviteBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    const r = await inviteAgent(ctx, req.body, baseUrl(services, req));
    reply.code(201);
    return { agent: presentAgent(r.agent), inviteUrl: r.inviteUrl, emailed: r.emailed };
  });

  app.post('/api/v1/agents/:id/invite', { schema: { tags: ['agents'], summary: 'Send a new invitation; earlier links stop working (admin)', params: IdParams } }, async (req) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    const r = await reinviteAgent(ctx, req.params.id, baseUrl(services, req));
    return { agent: presentAgent(r.agent), inviteUrl: r.inviteUrl, emailed: r.emailed };
  });

  app.get('/api/v1/invites/:token', { config: { public: true }, schema: { tags: ['auth'], summary: 'Read an invitation (404 when unknown, used or expired)', params: TokenParams } }, async (req) =>
    readInvite(makeCtx(services, SYSTEM_ACTOR), req.params.token),
  );

  app.post(
    '/api/v1/invites/:token/accept',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Accept an invitation: set the password and sign in', params: TokenParams, body: z.strictObject({ password: Password }) } },
    async (req, reply) => {
      const agent = await acceptInvite(makeCtx(services, SYSTEM_ACTOR), req.params.token, req.body.password);
      const { csrfToken } = await startSession(services, req, reply, agent.id);
      return { agent: presentAgent(agent), csrfToken };
    },
  );

  app.patch('/api/v1/agents/:id', { schema: { tags: ['agents'], summary: 'Change an agent (admin)', params: IdParams, body: UpdateAgentBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return presentAgent(await updateAgent(ctx, req.params.id, req.body));
  });

  // Teams
  app.get('/api/v1/teams', { schema: { tags: ['teams'], summary: 'List teams with their members' } }, async () => ({
    data: (await listTeams(db)).map(presentTeam),
    nextCursor: null,
  }));

  app.get('/api/v1/teams/:id', { schema: { tags: ['teams'], summary: 'Get a team', params: IdParams } }, async (req) => {
    const team = await findTeam(db, req.params.id);
    if (!team) throw notFound('team');
    return presentTeam({ ...team, memberIds: await membersOf(db, team.id) });
  });

  app.post('/api/v1/teams', { schema: { tags: ['teams'], summary: 'Create a team (admin)', body: CreateTeamBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return idempotent(db, req, reply, 201, async () => presentTeam(await createTeam(ctx, req.body)));
  });

  app.patch('/api/v1/teams/:id', { schema: { tags: ['teams'], summary: 'Change a team or its members (admin)', params: IdParams, body: UpdateTeamBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    return presentTeam(await updateTeam(ctx, req.params.id, req.body));
  });

  app.delete('/api/v1/teams/:id', { schema: { tags: ['teams'], summary: 'Delete a team (admin)', params: IdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    await deleteTeam(ctx, req.params.id);
    return reply.code(204).send();
  });
}
