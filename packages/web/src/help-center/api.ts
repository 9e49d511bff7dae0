import { useQuery } from '@tanstack/react-query';
import type { DeflectionReport, HelpCenterSettings } from '@servus/shared';
import { api } from '../api/client';

/** Query keys of the help center admin page. */
export const helpCenterKeys = {
  settings: ['help-center', 'settings'] as const,
  deflection: (from: string, to: string) => ['help-center', 'deflection', from, to] as const,
};

export function useHelpCenterSettings() {
  return useQuery({ queryKey: helpCenterKeys.settings, queryFn: () => api<HelpCenterSettings>('/api/v1/help-center/settings') });
}

/** The contact form's deflection figures for a period. */
export function useDeflectionReport(from: string, to: string) {
  return useQuery({ queryKey: helpCenterKeys.deflection(from, to), queryFn: ({ signal }) => api<DeflectionReport>('/api/v1/reports/deflection', { query: { from, to }, signal }) });
}
