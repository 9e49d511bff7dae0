import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { CreateViewBody, PageQuery, UpdateViewBody, Uuid } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { decodeCursor } from '../../platform/pagination.ts';
import { requireWriter } from '../auth/policies.ts';
import { listTeams } from '../auth/repository.ts';
import { listTickets } from '../tickets/repository.ts';
import { ticketPage } from '../tickets/routes.ts';
import { views } from './schema.ts';
import { builtinViews, type FilterSpec, type ViewDefinition } from './builtins.ts';
import { COUNT_CAP, countTickets, visibleSavedViews, type ViewRow } from './repository.ts';

const ViewIdParams = z.strictObject({ id: z.string().min(1).max(100) });

function fromRow(v: ViewRow): ViewDefinition {
  return { id: v.id, name: v.name, nameKey: null, builtin: false, scope: v.scope, teamId: v.teamId, ownerId: v.ownerId, filters: v.filters as FilterSpec, sort: v.sort };
}

/** Personal views are their owner's; shared views are changed by admins (or their owner). */
function assertCanEdit(actor: AgentActor, v: ViewRow): void {
  if (v.scope === 'personal' ? v.ownerId !== actor.id : actor.role !== 'admin' && v.ownerId !== actor.id) {
    throw new AppError('forbidden', 'only admins can change shared views');
  }
}

function assertScope(actor: AgentActor, scope: string | undefined, teamId: string | null | undefined): void {
  if (scope === 'team' && !teamId) throw new AppError('validation_failed', 'a team view needs a team', [{ path: 'body.teamId', message: 'required for scope team' }]);
  if ((scope === 'team' || scope === 'all') && actor.role !== 'admin') throw new AppError('forbidden', 'only admins can share views');
}

export function viewRoutes(app: App, services: Services): void {
  const db = services.database.db;

  async function allViews(actor: AgentActor): Promise<ViewDefinition[]> {
    const teams = await listTeams(db);
    return [...builtinViews(actor, teams, services.clock.now()), ...(await visibleSavedViews(db, actor)).map(fromRow)];
  }

  async function findView(actor: AgentActor, id: string): Promise<ViewDefinition> {
    const v = (await allViews(actor)).find((x) => x.id === id);
    if (!v) throw notFound('view');
    return v;
  }

  app.get('/api/v1/views', { schema: { tags: ['views'], summary: 'Built-in and saved views the agent may use' } }, async (req) => ({
    data: await allViews(agentCtx(services, req).actor),
  }));

  app.get('/api/v1/views/counts', { schema: { tags: ['views'], summary: `Ticket count per view (capped at ${COUNT_CAP + 1}, shown as ${COUNT_CAP}+)` } }, async (req) => {
    const actor = agentCtx(services, req).actor;
    const counts: Record<string, number> = {};
    const now = services.clock.now();
    for (const v of await allViews(actor)) counts[v.id] = await countTickets(db, actor, { ...v.filters, now });
    return { counts, cap: COUNT_CAP };
  });

  app.get(
    '/api/v1/views/:id/tickets',
    { schema: { tags: ['views'], summary: "The tickets of a view, in the view's order", params: ViewIdParams, querystring: z.strictObject(PageQuery) } },
    async (req) => {
      const actor = agentCtx(services, req).actor;
      const v = await findView(actor, req.params.id);
      const rows = await listTickets(db, actor, { ...v.filters, sort: v.sort, limit: req.query.limit, cursor: decodeCursor(req.query.cursor), now: services.clock.now() });
      return ticketPage(db, rows, req.query.limit, v.sort);
    },
  );

  app.post('/api/v1/views', { schema: { tags: ['views'], summary: 'Save a view (personal, or shared by an admin)', body: CreateViewBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    const b = req.body;
    assertScope(ctx.actor, b.scope, b.teamId);
    const now = ctx.clock.now();
    const [row] = await db
      .insert(views)
      .values({ name: b.name, scope: b.scope, teamId: b.scope === 'team' ? b.teamId! : null, filters: b.filters, sort: b.sort, position: b.position ?? 0, ownerId: ctx.actor.id, createdAt: now, updatedAt: now })
      .returning();
    reply.code(201);
    return fromRow(row!);
  });

  app.patch('/api/v1/views/:id', { schema: { tags: ['views'], summary: 'Change a saved view', params: z.strictObject({ id: Uuid }), body: UpdateViewBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    const current = (await visibleSavedViews(db, ctx.actor)).find((v) => v.id === req.params.id);
    if (!current) throw notFound('view');
    requireWriter(ctx.actor);
    assertCanEdit(ctx.actor, current);
    const b = req.body;
    if (b.scope !== undefined || b.teamId !== undefined) assertScope(ctx.actor, b.scope ?? current.scope, b.teamId === undefined ? current.teamId : b.teamId);
    const [row] = await db
      .update(views)
      .set({ ...b, ...(b.scope && b.scope !== 'team' && { teamId: null }), updatedAt: ctx.clock.now() })
      .where(eq(views.id, current.id))
      .returning();
    return fromRow(row!);
  });

  app.delete('/api/v1/views/:id', { schema: { tags: ['views'], summary: 'Delete a saved view', params: z.strictObject({ id: Uuid }) } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    const current = (await visibleSavedViews(db, ctx.actor)).find((v) => v.id === req.params.id);
    if (!current) throw notFound('view');
    requireWriter(ctx.actor);
    assertCanEdit(ctx.actor, current);
    await db.delete(views).where(and(eq(views.id, current.id)));
    return reply.code(204).send();
  });
}
