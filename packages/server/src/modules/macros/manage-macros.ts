import { eq } from 'drizzle-orm';
import type { CreateMacroInput, Macro, MacroActions, UpdateMacroInput } from '@servus/shared';
import type { AgentActor } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { requireAdmin, requireWriter } from '../auth/policies.ts';
import { agents, teams } from '../auth/schema.ts';
import { validateCustom } from '../tickets/custom-fields.ts';
import { recordAudit } from '../system/audit.ts';
import { findUsableMacro, presentMacro, type MacroRow } from './repository.ts';
import { macros } from './schema.ts';

type AgentCtx = Ctx & { actor: AgentActor };

const shortcutTaken = () => new AppError('conflict', 'this shortcut is already in use', [{ path: 'body.shortcut', message: 'already in use' }]);

/** Only filled-in texts are kept, trimmed at the ends. */
function cleanTexts(texts: CreateMacroInput['texts']): MacroRow['texts'] {
  const out: MacroRow['texts'] = {};
  if (texts.en?.trim()) out.en = texts.en.trim();
  if (texts.de?.trim()) out.de = texts.de.trim();
  return out;
}

/** Field actions must name a team, an active agent and custom fields that exist, so applying them later works. */
async function checkActions(tx: Tx, actions: MacroActions): Promise<void> {
  if (actions.teamId) {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, actions.teamId));
    if (!team) throw new AppError('validation_failed', 'unknown team', [{ path: 'body.actions.teamId', message: 'no such team' }]);
  }
  if (actions.assigneeId && actions.assigneeId !== 'me') {
    const [a] = await tx.select({ active: agents.active, role: agents.role }).from(agents).where(eq(agents.id, actions.assigneeId));
    if (!a || !a.active || a.role === 'readonly') {
      throw new AppError('validation_failed', 'the assignee must be an active agent', [{ path: 'body.actions.assigneeId', message: 'not an active agent' }]);
    }
  }
  if (actions.custom) await validateCustom(tx, actions.custom, 'body.actions.custom');
}

/**
 * Only admins manage shared macros; a personal macro is its owner's (callers reach it only
 * through `findUsableMacro`, so another agent's personal macro is already a 404).
 */
function assertMayManage(actor: AgentActor, m: Pick<MacroRow, 'scope'>): void {
  requireWriter(actor);
  if (m.scope === 'shared') requireAdmin(actor);
}

/** Creates a shared (admins) or personal macro. */
export async function createMacro(ctx: AgentCtx, input: CreateMacroInput): Promise<Macro> {
  assertMayManage(ctx.actor, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      await checkActions(tx, input.actions);
      const now = ctx.clock.now();
      const [row] = await tx
        .insert(macros)
        .values({
          name: input.name,
          shortcut: input.shortcut ?? null,
          scope: input.scope,
          ownerId: input.scope === 'personal' ? ctx.actor.id : null,
          texts: cleanTexts(input.texts),
          actions: input.actions,
          active: input.active,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (row!.scope === 'shared') await recordAudit(tx, ctx, 'macro.created', 'macro', row!.id, { name: row!.name });
      return presentMacro(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw shortcutTaken();
    throw err;
  }
}

/** Changes a macro the caller may manage; 404 for macros the caller cannot see. */
export async function updateMacro(ctx: AgentCtx, id: string, input: UpdateMacroInput): Promise<Macro> {
  const current = await findUsableMacro(ctx.db, ctx.actor, id);
  if (!current) throw notFound('macro');
  assertMayManage(ctx.actor, current);
  try {
    return await inTransaction(ctx, async (tx) => {
      if (input.actions) await checkActions(tx, input.actions);
      const set: Partial<MacroRow> = { updatedAt: ctx.clock.now() };
      if (input.name !== undefined) set.name = input.name;
      if (input.shortcut !== undefined) set.shortcut = input.shortcut;
      if (input.texts !== undefined) set.texts = cleanTexts(input.texts);
      if (input.actions !== undefined) set.actions = input.actions;
      if (input.active !== undefined) set.active = input.active;
      const [row] = await tx.update(macros).set(set).where(eq(macros.id, id)).returning();
      if (!row) throw notFound('macro');
      if (row.scope === 'shared') await recordAudit(tx, ctx, 'macro.updated', 'macro', id, { fields: Object.keys(input) });
      return presentMacro(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw shortcutTaken();
    throw err;
  }
}

/** Deletes a macro the caller may manage; 404 for macros the caller cannot see. */
export async function deleteMacro(ctx: AgentCtx, id: string): Promise<void> {
  const current = await findUsableMacro(ctx.db, ctx.actor, id);
  if (!current) throw notFound('macro');
  assertMayManage(ctx.actor, current);
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.delete(macros).where(eq(macros.id, id)).returning({ id: macros.id });
    if (rows.length === 0) throw notFound('macro');
    if (current.scope === 'shared') await recordAudit(tx, ctx, 'macro.deleted', 'macro', id, { name: current.name });
  });
}
