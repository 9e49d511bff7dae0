import { useQuery } from '@tanstack/react-query';
import type { Macro, MacroApplication } from '@servus/shared';
import { api } from './client';
import type { Message, Page, Ticket } from './types';

export type { Macro } from '@servus/shared';

/** Query keys of the macro lists; every change to a macro invalidates `macroKeys.all`. */
export const macroKeys = {
  all: ['macros'] as const,
  list: (scope: MacroScopeFilter, q: string, active?: boolean) => ['macros', 'list', scope, q, active ?? 'any'] as const,
};

export type MacroScopeFilter = 'all' | 'shared' | 'personal';

/** What applying a macro answers: its rendered text, the ticket afterwards and what was posted. */
export interface AppliedMacro extends MacroApplication {
  ticket: Ticket;
  message: Message | null;
}

/** Every macro of a scope the agent may use, read page by page (shared ones, or the agent's own). */
export async function fetchMacros(scope: MacroScopeFilter, q = '', active?: boolean, max = 500): Promise<Macro[]> {
  const out: Macro[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Macro> = await api<Page<Macro>>('/api/v1/macros', { query: { scope, q: q || undefined, active, limit: 100, cursor } });
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}

/** The macros of one scope, for the admin and settings lists. */
export function useMacros(scope: MacroScopeFilter, q = '') {
  return useQuery({ queryKey: macroKeys.list(scope, q), queryFn: () => fetchMacros(scope, q), staleTime: 10_000 });
}

/** Active macros matching `q` (shortcut prefix first), for the composer's picker. */
export function useMacroSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: macroKeys.list('all', q, true),
    queryFn: () => api<Page<Macro>>('/api/v1/macros', { query: { q: q || undefined, active: true, limit: 20 } }).then((p) => p.data),
    enabled,
    staleTime: 15_000,
    placeholderData: (prev) => prev,
  });
}

/** Applies a macro to a ticket: field actions at once, text back for the composer. */
export function applyMacro(ticketId: string, macroId: string, body: { post?: 'none' | 'note' | 'reply'; locale?: string }): Promise<AppliedMacro> {
  return api<AppliedMacro>(`/api/v1/tickets/${ticketId}/macros/${macroId}/apply`, { body });
}
