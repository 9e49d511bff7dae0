import { eq } from 'drizzle-orm';
import { MACRO_LOCALES, MACRO_STATUS_WORDS, renderMacroText, splitName, type MacroLocale, type MacroValues } from '@servus/shared';
import type { Executor } from '../../platform/db.ts';
import { agents } from '../auth/schema.ts';
import { contacts, organizations } from '../contacts/schema.ts';
import type { TicketView } from '../tickets/repository.ts';
import type { MacroRow } from './repository.ts';

/** `de-AT` → `de`; anything that is not one of the macro languages → null. */
export function macroLocaleOf(tag: string | null | undefined): MacroLocale | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (MACRO_LOCALES as readonly string[]).includes(primary ?? '') ? (primary as MacroLocale) : null;
}

/**
 * Which variant of a macro's text a ticket gets: the requester's language when the macro has
 * it, else the agent's screen language, else whichever variant exists (English first).
 */
export function pickVariant(texts: MacroRow['texts'], prefer: (MacroLocale | null)[]): MacroLocale | null {
  for (const l of [...prefer, ...MACRO_LOCALES]) if (l && texts[l]?.trim()) return l;
  return null;
}

/**
 * The placeholder values for one ticket. `agentId` is the agent who applies the macro; for
 * automation it is the ticket's assignee (none: the agent placeholders render empty).
 */
export async function placeholderValues(db: Executor, t: TicketView, agentId: string | null): Promise<{ values: MacroValues; requesterLocale: MacroLocale | null; agentLocale: MacroLocale | null }> {
  const [requester] = await db.select({ name: contacts.name, email: contacts.email, locale: contacts.locale }).from(contacts).where(eq(contacts.id, t.requesterId));
  const [org] = t.organizationId ? await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, t.organizationId)) : [];
  const [agent] = agentId ? await db.select({ name: agents.name, locale: agents.locale }).from(agents).where(eq(agents.id, agentId)) : [];
  const customer = splitName(requester?.name);
  return {
    values: {
      'customer.first_name': customer.first,
      'customer.last_name': customer.last,
      'customer.name': requester?.name?.trim() ?? '',
      'customer.email': requester?.email ?? '',
      'ticket.number': t.number,
      'ticket.subject': t.subject,
      'ticket.status': MACRO_STATUS_WORDS.en[t.status],
      'agent.name': agent?.name ?? '',
      'agent.first_name': splitName(agent?.name).first,
      'organization.name': org?.name ?? '',
    },
    requesterLocale: macroLocaleOf(requester?.locale),
    agentLocale: macroLocaleOf(agent?.locale),
  };
}

/** The macro's text for a ticket in the chosen language, placeholders filled; null when it has none. */
export async function renderForTicket(
  db: Executor,
  m: Pick<MacroRow, 'texts'>,
  t: TicketView,
  opts: { agentId: string | null; uiLocale?: MacroLocale | null },
): Promise<{ text: string | null; locale: MacroLocale | null }> {
  const { values, requesterLocale, agentLocale } = await placeholderValues(db, t, opts.agentId);
  const locale = pickVariant(m.texts, [requesterLocale, opts.uiLocale ?? agentLocale]);
  if (!locale) return { text: null, locale: null };
  return { text: renderMacroText(m.texts[locale]!, { ...values, 'ticket.status': MACRO_STATUS_WORDS[locale][t.status] }), locale };
}
