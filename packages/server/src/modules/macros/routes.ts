import { ApplyMacroBody, ApplyMacroParams, CreateMacroBody, MacroIdParams, MacroListQuery, UpdateMacroBody, type Macro, type MacroApplication, type Page } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { requireWriter } from '../auth/policies.ts';
import { findVisibleTicket } from '../tickets/repository.ts';
import { presentMessage, presentTicket } from '../tickets/presenters.ts';
import { findUsableMacro, listMacros, macroCursor, presentMacro } from './repository.ts';
import { createMacro, deleteMacro, updateMacro } from './manage-macros.ts';
import { applyMacro } from './apply.ts';

/**
 * Macros and canned replies. Every agent uses the shared macros and its own personal ones;
 * admins manage the shared ones. Another agent's personal macro is a 404 like an unknown id.
 */
export function macroRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get(
    '/api/v1/macros',
    { schema: { tags: ['macros'], summary: 'Shared macros and your personal ones; q matches shortcut and name, shortcut prefix first', querystring: MacroListQuery } },
    async (req): Promise<Page<Macro>> => {
      const ctx = agentCtx(services, req);
      const q = req.query;
      const rows = await listMacros(db, ctx.actor, { q: q.q, scope: q.scope, active: q.active, limit: q.limit, cursor: decodeCursor(q.cursor) });
      return pageOf(rows, q.limit, presentMacro, macroCursor);
    },
  );

  app.get('/api/v1/macros/:id', { schema: { tags: ['macros'], summary: 'Get a macro', params: MacroIdParams } }, async (req): Promise<Macro> => {
    const ctx = agentCtx(services, req);
    const m = await findUsableMacro(db, ctx.actor, req.params.id);
    if (!m) throw notFound('macro');
    return presentMacro(m);
  });

  app.post('/api/v1/macros', { schema: { tags: ['macros'], summary: 'Create a personal macro, or a shared one (admin); Idempotency-Key supported', body: CreateMacroBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    return idempotent(db, req, reply, 201, () => createMacro(ctx, req.body));
  });

  app.patch('/api/v1/macros/:id', { schema: { tags: ['macros'], summary: 'Change your personal macro, or a shared one (admin)', params: MacroIdParams, body: UpdateMacroBody } }, async (req): Promise<Macro> => {
    const ctx = agentCtx(services, req);
    return updateMacro(ctx, req.params.id, req.body);
  });

  app.delete('/api/v1/macros/:id', { schema: { tags: ['macros'], summary: 'Delete your personal macro, or a shared one (admin)', params: MacroIdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    await deleteMacro(ctx, req.params.id);
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/tickets/:id/macros/:macroId/apply',
    {
      schema: {
        tags: ['macros'],
        summary: "Apply a macro's field actions to a ticket and get its text rendered for the ticket (optionally posted as a note or reply)",
        params: ApplyMacroParams,
        body: ApplyMacroBody,
      },
    },
    async (req) => {
      const ctx = agentCtx(services, req);
      await findVisibleTicket(db, ctx.actor, req.params.id);
      if (!(await findUsableMacro(db, ctx.actor, req.params.macroId))) throw notFound('macro');
      requireWriter(ctx.actor);
      const b = req.body;
      const r = await applyMacro(ctx, req.params.id, req.params.macroId, { post: b.post, version: b.version, uiLocale: b.locale });
      const result: MacroApplication & { ticket: ReturnType<typeof presentTicket>; message: ReturnType<typeof presentMessage> | null } = {
        text: r.text,
        locale: r.locale,
        changed: r.changed,
        ticket: presentTicket(r.ticket),
        message: r.message ? presentMessage(r.message, []) : null,
      };
      return result;
    },
  );
}
