import { eq } from 'drizzle-orm';
import { PLACEHOLDER_PATTERN } from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import { agents, teams } from '../auth/schema.ts';
import type { TicketFacts } from './facts.ts';

export type TemplateVars = Record<string, string>;

const firstName = (name: string | null | undefined) => (name ?? '').trim().split(/\s+/)[0] ?? '';

/** The values of every placeholder for one ticket; `publicUrl` makes `{{ticket.url}}` absolute. */
export async function templateVars(db: Executor, f: TicketFacts, publicUrl: string | undefined): Promise<TemplateVars> {
  const t = f.ticket;
  const [agent] = t.assigneeId ? await db.select({ name: agents.name }).from(agents).where(eq(agents.id, t.assigneeId)) : [];
  const [team] = t.teamId ? await db.select({ name: teams.name }).from(teams).where(eq(teams.id, t.teamId)) : [];
  const base = (publicUrl ?? '').replace(/\/+$/, '');
  return {
    'ticket.number': String(t.number),
    'ticket.subject': t.subject,
    'ticket.status': t.status,
    'ticket.priority': t.priority,
    'ticket.url': `${base}/tickets/${t.id}`,
    'customer.name': f.contact?.name ?? '',
    'customer.first_name': firstName(f.contact?.name),
    'customer.email': f.contact?.email ?? '',
    'agent.name': agent?.name ?? '',
    'agent.first_name': firstName(agent?.name),
    'team.name': team?.name ?? '',
    'organization.name': f.organization?.name ?? '',
  };
}

/** Fills the placeholders of a template; unknown ones (refused on save) are left out. */
export function renderTemplate(template: string, vars: TemplateVars): string {
  return template.replace(PLACEHOLDER_PATTERN, (_, name: string) => vars[name.trim()] ?? '');
}

/** Text for a mail header: one line, no control characters. */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}
