import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { textToHtml } from '../../platform/sanitize.ts';
import { agents, teamMembers, teams } from '../auth/schema.ts';

/** Who a rule addresses: named agents, members of named teams, the ticket's assignee. */
export interface RecipientsSpec {
  agentIds: string[];
  teamIds: string[];
  assignee: boolean;
}

export interface ResolvedRecipients {
  /** Active agents that exist now, deduplicated, with their addresses. */
  agents: { id: string; name: string; email: string }[];
  /** Named teams that still exist. */
  teamIds: string[];
  /** Named agents and teams that are gone (deleted or deactivated). */
  missing: string[];
}

/** The active agents a recipient list reaches now; vanished agents and teams are reported, not fatal. */
export async function resolveRecipients(db: Executor, r: RecipientsSpec, assigneeId: string | null): Promise<ResolvedRecipients> {
  const named = [...new Set([...r.agentIds, ...(r.assignee && assigneeId ? [assigneeId] : [])])];
  const direct = named.length
    ? await db.select({ id: agents.id, name: agents.name, email: agents.email }).from(agents).where(and(inArray(agents.id, named), eq(agents.active, true)))
    : [];
  const existingTeams = r.teamIds.length ? await db.select({ id: teams.id }).from(teams).where(inArray(teams.id, r.teamIds)) : [];
  const teamIds = existingTeams.map((t) => t.id);
  const members = teamIds.length
    ? await db
        .select({ id: agents.id, name: agents.name, email: agents.email })
        .from(teamMembers)
        .innerJoin(agents, eq(agents.id, teamMembers.agentId))
        .where(and(inArray(teamMembers.teamId, teamIds), eq(agents.active, true), ne(agents.role, 'readonly')))
    : [];
  const byId = new Map([...direct, ...members].map((a) => [a.id, a]));
  const missing = [...r.agentIds.filter((id) => !direct.some((a) => a.id === id)), ...r.teamIds.filter((id) => !teamIds.includes(id))];
  return { agents: [...byId.values()], teamIds, missing };
}

const AgentMail = z.object({ to: z.string().min(3).max(254), subject: z.string().max(300), text: z.string().max(20_000) });

/** The job that sends one rule e-mail to one agent through the system mailer, retried with backoff. */
export function agentMailJob(services: Services): JobDefinition<typeof AgentMail> {
  return {
    name: 'automation.mail',
    schema: AgentMail,
    async handler(mail) {
      if (!services.mailer.configured) {
        services.log.warn({ to: mail.to }, 'automation e-mail not sent: no SMTP_URL for system mail');
        return;
      }
      await services.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text, html: textToHtml(mail.text) });
    },
  };
}

export const AGENT_MAIL_OPTIONS = { retryLimit: 4, retryDelay: 30, retryBackoff: true };
export const agentMailRef = { name: 'automation.mail', schema: AgentMail };
