import { and, eq, sql } from 'drizzle-orm';
import type { MacroLocale } from '@servus/shared';
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { Emit } from '../../platform/events.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { teamMembers } from '../auth/schema.ts';
import type { TicketChangeSet } from '../tickets/changes.ts';
import { findTicket, type MessageRow, type TicketView } from '../tickets/repository.ts';
import { applyTicketChanges } from '../tickets/use-cases/update-ticket.ts';
import { appendMessage } from '../tickets/use-cases/add-message.ts';
import { findUsableMacro, type MacroRow } from './repository.ts';
import { renderForTicket } from './render.ts';
import { macros } from './schema.ts';

export type MacroPost = 'none' | 'note' | 'reply';

export interface MacroRun {
  text: string | null;
  locale: MacroLocale | null;
  changed: boolean;
  ticket: TicketView;
  message: MessageRow | null;
}

/** The macro an actor may apply: an agent any macro it can use, automation only shared ones. */
async function macroFor(tx: Tx, ctx: Ctx, macroId: string): Promise<MacroRow> {
  if (ctx.actor.kind === 'agent') {
    const m = await findUsableMacro(tx, ctx.actor, macroId);
    if (!m) throw notFound('macro');
    if (!m.active) throw new AppError('conflict', 'this macro is switched off');
    return m;
  }
  const [m] = await tx.select().from(macros).where(eq(macros.id, macroId));
  if (!m || m.scope !== 'shared') {
    throw new AppError('validation_failed', 'automation can only apply shared macros', [{ path: 'macroId', message: 'no shared macro with this id' }]);
  }
  if (!m.active) throw new AppError('validation_failed', 'the macro is switched off', [{ path: 'macroId', message: 'inactive macro' }]);
  return m;
}

/**
 * The change set a macro's field actions make. `assigneeId: 'me'` means the applying agent
 * (automation has none, so it leaves the assignee alone). A macro that moves the ticket to a
 * team its assignee is not in also unassigns it, as handing a ticket to a team would.
 */
async function changesOf(tx: Tx, ctx: Ctx, m: MacroRow, t: TicketView): Promise<TicketChangeSet> {
  const a = m.actions;
  const c: TicketChangeSet = {};
  if (a.status !== undefined) c.status = a.status;
  if (a.priority !== undefined) c.priority = a.priority;
  if (a.type !== undefined) c.type = a.type;
  if (a.teamId !== undefined) c.teamId = a.teamId;
  if (a.assigneeId === 'me') {
    if (ctx.actor.kind === 'agent') c.assigneeId = ctx.actor.id;
  } else if (a.assigneeId !== undefined) c.assigneeId = a.assigneeId;
  if (a.addTags?.length) c.addTags = a.addTags;
  if (a.removeTags?.length) c.removeTags = a.removeTags;
  if (a.custom && Object.keys(a.custom).length) c.custom = a.custom;
  if (c.teamId && c.assigneeId === undefined && t.assigneeId && t.teamId !== c.teamId) {
    const [member] = await tx
      .select({ a: teamMembers.agentId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, c.teamId), eq(teamMembers.agentId, t.assigneeId)));
    if (!member) c.assigneeId = null;
  }
  return c;
}

/**
 * Applies a macro inside the caller's transaction: its field actions through applyTicketChanges
 * (event log and `ticket.updated`), its text rendered for the ticket, and with `post` the text
 * added as an internal note or public reply. Counts the use. `version` refuses a stale ticket.
 */
export async function runMacro(
  tx: Tx,
  ctx: Ctx,
  emit: Emit,
  ticketId: string,
  macroId: string,
  opts: { post: MacroPost; version?: number; uiLocale?: MacroLocale | null },
): Promise<MacroRun> {
  const m = await macroFor(tx, ctx, macroId);
  const before = await findTicket(tx, ticketId, { forUpdate: true });
  if (!before) throw notFound('ticket');
  let ticket = await applyTicketChanges(tx, ctx, emit, ticketId, await changesOf(tx, ctx, m, before), opts.version);
  const changed = ticket.version !== before.version;
  const agentId = ctx.actor.kind === 'agent' ? ctx.actor.id : ticket.assigneeId;
  const { text, locale } = await renderForTicket(tx, m, ticket, { agentId, uiLocale: opts.uiLocale });
  let message: MessageRow | null = null;
  if (opts.post !== 'none' && text) {
    ({ ticket, message } = await appendMessage(tx, emit, ctx, ticket, {
      kind: opts.post === 'note' ? 'note' : 'public',
      author: ctx.actor.kind === 'agent' ? { kind: 'agent', id: ctx.actor.id } : { kind: ctx.actor.kind === 'automation' ? 'automation' : 'system' },
      text,
      source: 'macro',
    }));
  }
  await tx
    .update(macros)
    .set({ usageCount: sql`${macros.usageCount} + 1`, lastUsedAt: ctx.clock.now() })
    .where(eq(macros.id, m.id));
  return { text, locale, changed, ticket, message };
}

/**
 * Applies a macro's field actions to a ticket and returns its text rendered for that ticket
 * (placeholders filled, the requester's language when the macro has it). With `post` 'note' or
 * 'reply' the text is also added to the ticket as an internal note or a public reply. Agents
 * may apply every macro they can use; automation only shared ones (a personal macro or an
 * unknown id is `validation_failed`).
 *
 * @example
 * await inTransaction(ctx, (tx, emit) => applyMacroInTx(tx, ctx, emit, ticketId, macroId, { post: 'reply' }));
 */
export async function applyMacroInTx(
  tx: Tx,
  ctx: Ctx,
  emit: Emit,
  ticketId: string,
  macroId: string,
  opts: { post: 'none' | 'note' | 'reply' },
): Promise<{ text: string | null; changed: boolean }> {
  const r = await runMacro(tx, ctx, emit, ticketId, macroId, opts);
  return { text: r.text, changed: r.changed };
}

/** An agent applies a macro in one transaction (the apply route). */
export async function applyMacro(
  ctx: Ctx & { actor: AgentActor },
  ticketId: string,
  macroId: string,
  opts: { post: MacroPost; version?: number; uiLocale?: MacroLocale | null },
): Promise<MacroRun> {
  return inTransaction(ctx, (tx, emit) => runMacro(tx, ctx, emit, ticketId, macroId, opts));
}
