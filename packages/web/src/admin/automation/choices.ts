import { useMemo } from 'react';
import { useAgents, useTeams, useTicketFields } from '../../api/directory';
import { useOrganizationChoices, useSharedMacroChoices, useWebhookChoices } from '../../api/automation';
import type { TicketField } from '../../api/types';

export interface Option {
  value: string;
  label: string;
}

/** The things a rule can name, as select options. */
export interface Choices {
  teams: Option[];
  agents: Option[];
  organizations: Option[];
  webhooks: Option[];
  macros: Option[];
  fields: TicketField[];
}

/** Loads what the condition and action widgets offer; lists still loading are empty. */
export function useChoices(): Choices {
  const teams = useTeams();
  const agents = useAgents();
  const fields = useTicketFields();
  const organizations = useOrganizationChoices();
  const webhooks = useWebhookChoices();
  const macros = useSharedMacroChoices();
  const opts = (list: { id: string; name: string }[] | undefined) => (list ?? []).map((x) => ({ value: x.id, label: x.name }));
  // One object while nothing loads anew, so the memoised editor parts skip re-rendering.
  return useMemo(
    () => ({
      teams: opts(teams.data),
      agents: opts((agents.data ?? []).filter((a) => a.active && a.role !== 'readonly')),
      organizations: opts(organizations.data),
      webhooks: opts(webhooks.data),
      macros: opts(macros.data),
      fields: (fields.data ?? []).filter((f) => f.active),
    }),
    [teams.data, agents.data, organizations.data, webhooks.data, macros.data, fields.data],
  );
}

/** Options with an entry for a value the list no longer has (a deleted team), so the value stays visible. */
export function withMissing(options: Option[], values: unknown, missingLabel: string): Option[] {
  const list = Array.isArray(values) ? values : [values];
  const extra = list.filter((v): v is string => typeof v === 'string' && v !== '' && !options.some((o) => o.value === v)).map((v) => ({ value: v, label: missingLabel }));
  return [...options, ...extra];
}
