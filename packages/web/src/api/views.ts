import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from './client';
import { keys } from './keys';
import type { View, ViewCounts } from './types';

/** Built-in and saved views the agent may use. */
export function useViews() {
  return useQuery({ queryKey: keys.views, queryFn: () => api<{ data: View[] }>('/api/v1/views').then((r) => r.data), staleTime: 60_000 });
}

/** Ticket counts per view; live events refresh them, and a slow poll covers missed ones. */
export function useViewCounts() {
  return useQuery({ queryKey: keys.viewCounts, queryFn: () => api<ViewCounts>('/api/v1/views/counts'), refetchInterval: 120_000, staleTime: 10_000 });
}

/** A view's name in the agent's language. */
export function viewName(view: Pick<View, 'name' | 'nameKey'>, t: TFunction): string {
  return view.nameKey ? t(view.nameKey, { defaultValue: view.name }) : view.name;
}

/** "10000+" for capped counts. */
export function countLabel(n: number | undefined, cap: number | undefined, format: (n: number) => string): string {
  if (n === undefined) return '';
  if (cap !== undefined && n > cap) return `${format(cap)}+`;
  return format(n);
}
