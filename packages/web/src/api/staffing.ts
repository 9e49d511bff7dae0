import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentReport, ErlangInput, ErlangResult, ScheduledReport, StaffingPlan, StaffingSettings, StaffingSettingsInput } from '@servus/shared';
import { api, type Query } from './client';

/** What the calculator sends: fractions 0–1 for the rates, seconds for times. */
export type ErlangRequest = ErlangInput;

/** The weekly summary settings as the admin page saves them. */
export type WeeklySummaryInput = Omit<ScheduledReport, 'lastSentAt' | 'mailConfigured'>;

export const staffingKeys = {
  plan: (q: Query) => ['staffing', 'plan', q] as const,
  agents: (q: Query) => ['reports', 'agents', q] as const,
  weeklySummary: ['reports', 'weekly-summary'] as const,
  settings: ['staffing', 'settings'] as const,
};

/** Runs the Erlang C calculator; the answer (or the server's refusal) lands on the mutation. */
export function useErlang() {
  return useMutation({ mutationFn: (body: ErlangRequest) => api<ErlangResult>('/api/v1/staffing/erlang', { method: 'POST', body }) });
}

/** The week plan for a channel and team; the previous plan stays while a new one loads. */
export function useStaffingPlan(query: Query) {
  return useQuery({
    queryKey: staffingKeys.plan(query),
    queryFn: ({ signal }) => api<StaffingPlan>('/api/v1/staffing/plan', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The agents report for a period and team. */
export function useAgentReport(query: Query) {
  return useQuery({
    queryKey: staffingKeys.agents(query),
    queryFn: ({ signal }) => api<AgentReport>('/api/v1/reports/agents', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The weekly summary mail settings (admin). */
export function useWeeklySummary() {
  return useQuery({ queryKey: staffingKeys.weeklySummary, queryFn: ({ signal }) => api<ScheduledReport>('/api/v1/reports/weekly-summary', { signal }) });
}

/** Saves the weekly summary settings and refreshes them. */
export function useSaveWeeklySummary() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WeeklySummaryInput) => api<ScheduledReport>('/api/v1/reports/weekly-summary', { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(staffingKeys.weeklySummary, data),
  });
}

/** Handle time and answer target per channel (the week plan's defaults). */
export function useStaffingSettings() {
  return useQuery({ queryKey: staffingKeys.settings, queryFn: ({ signal }) => api<StaffingSettings>('/api/v1/staffing/settings', { signal }) });
}

/** Saves the per-channel settings (admin) and refreshes the plan that depends on them. */
export function useSaveStaffingSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffingSettingsInput) => api<StaffingSettings>('/api/v1/staffing/settings', { method: 'PUT', body }),
    onSuccess: (data) => {
      client.setQueryData(staffingKeys.settings, data);
      void client.invalidateQueries({ queryKey: ['staffing', 'plan'] });
    },
  });
}
