import { useQuery } from '@tanstack/react-query';
import type { AutomationKindName, AutomationRule, AutomationRun } from '@servus/shared';
import { api } from './client';

export type { AutomationKindName, AutomationPreview, AutomationRule, AutomationRun, PreviewAction, PreviewCondition, RuleActionValue, RuleCondition } from '@servus/shared';

/** Query keys of the automation admin pages. */
export const automationKeys = {
  all: ['automation'] as const,
  rules: (kind: AutomationKindName) => ['automation', 'rules', kind] as const,
  runs: (id: string) => ['automation', 'runs', id] as const,
  webhooks: ['automation', 'webhooks'] as const,
  macros: ['automation', 'macros'] as const,
  organizations: ['automation', 'organizations'] as const,
};

/** The triggers or the time rules, in the order they run. */
export function useAutomationRules(kind: AutomationKindName) {
  return useQuery({
    queryKey: automationKeys.rules(kind),
    queryFn: () => api<{ data: AutomationRule[] }>('/api/v1/automation-rules', { query: { kind } }).then((r) => r.data),
    staleTime: 10_000,
  });
}

/** A rule's latest runs, newest first. */
export function useAutomationRuns(id: string) {
  return useQuery({ queryKey: automationKeys.runs(id), queryFn: () => api<{ data: AutomationRun[] }>(`/api/v1/automation-rules/${id}/runs`).then((r) => r.data) });
}

interface Named {
  id: string;
  name: string;
}

/** Webhooks a rule can call (names only). */
export function useWebhookChoices() {
  return useQuery({
    queryKey: automationKeys.webhooks,
    queryFn: () => api<{ data: (Named & { active: boolean })[] }>('/api/v1/webhooks').then((r) => r.data),
    staleTime: 60_000,
  });
}

/** Shared macros, the only ones a rule may apply. */
export function useSharedMacroChoices() {
  return useQuery({
    queryKey: automationKeys.macros,
    queryFn: () => api<{ data: Named[] }>('/api/v1/macros', { query: { scope: 'shared', limit: 100 } }).then((r) => r.data),
    staleTime: 60_000,
  });
}

/** Organizations to pick in a condition (the first hundred by name). */
export function useOrganizationChoices() {
  return useQuery({
    queryKey: automationKeys.organizations,
    queryFn: () => api<{ data: Named[] }>('/api/v1/organizations', { query: { limit: 100 } }).then((r) => r.data),
    staleTime: 60_000,
  });
}
