import { eq } from 'drizzle-orm';
import type { AgentActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { agents } from '../auth/schema.ts';
import type { KbArticleStatus } from './schema.ts';

/**
 * Whether the agent may write the knowledge base: admins always, agents with the editor flag,
 * read-only users never (even when flagged). Read from the database on each call, so taking
 * the flag away takes effect at once.
 */
export async function isKbEditor(db: Executor, actor: AgentActor): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role === 'readonly') return false;
  const [row] = await db.select({ kbEditor: agents.kbEditor, active: agents.active }).from(agents).where(eq(agents.id, actor.id));
  return Boolean(row?.active && row.kbEditor);
}

/** 403 unless the agent may write the knowledge base. */
export async function requireKbEditor(db: Executor, actor: AgentActor): Promise<void> {
  if (!(await isKbEditor(db, actor))) throw new AppError('forbidden', 'only knowledge-base editors can change articles');
}

/** Every agent reads published and internal articles (to link them in replies); drafts and archived ones are for editors. */
export function statusesFor(editor: boolean): KbArticleStatus[] {
  return editor ? ['draft', 'published', 'internal', 'archived'] : ['published', 'internal'];
}
