import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { NpsCampaign, Page, SurveyComment, SurveyKindName, SurveyReport, SurveySettings, SurveyTopicsReport, TicketSurvey } from '@servus/shared';
import { api } from './client';

/** Query keys of surveys; everything under `all` is refreshed after a change. */
export const surveyKeys = {
  all: ['surveys'] as const,
  settings: ['surveys', 'settings'] as const,
  campaigns: ['surveys', 'campaigns'] as const,
  ticket: (ticketId: string) => ['surveys', 'ticket', ticketId] as const,
  report: (f: SurveyReportFilters) => ['surveys', 'report', f] as const,
  comments: (f: SurveyReportFilters, extra: SurveyCommentFilters) => ['surveys', 'comments', f, extra] as const,
  topics: (f: SurveyReportFilters) => ['surveys', 'topics', f] as const,
};

/** The period and slices of a survey report. */
export interface SurveyReportFilters {
  from?: string;
  to?: string;
  teamId?: string;
  agentId?: string;
  channel?: string;
  organizationId?: string;
  interval?: 'day' | 'week' | 'month';
}

export interface SurveyCommentFilters {
  kind?: SurveyKindName;
  score?: number;
  topic?: string;
}

const PAGE_SIZE = 25;

export function useSurveySettings() {
  return useQuery({ queryKey: surveyKeys.settings, queryFn: () => api<SurveySettings>('/api/v1/survey-settings') });
}

export function useSurveyCampaigns() {
  return useQuery({ queryKey: surveyKeys.campaigns, queryFn: () => api<{ data: NpsCampaign[] }>('/api/v1/survey-campaigns').then((r) => r.data) });
}

/** The surveys of one ticket with the customer's answers. */
export function useTicketSurveys(ticketId: string) {
  return useQuery({ queryKey: surveyKeys.ticket(ticketId), queryFn: () => api<{ data: TicketSurvey[] }>(`/api/v1/tickets/${encodeURIComponent(ticketId)}/surveys`).then((r) => r.data) });
}

export function useSurveyReport(f: SurveyReportFilters) {
  return useQuery({ queryKey: surveyKeys.report(f), queryFn: ({ signal }) => api<SurveyReport>('/api/v1/reports/surveys', { query: { ...f }, signal }) });
}

/** Commented answers, newest first, page by page. */
export function useSurveyComments(f: SurveyReportFilters, extra: SurveyCommentFilters) {
  const { interval: _interval, ...period } = f;
  return useInfiniteQuery({
    queryKey: surveyKeys.comments(f, extra),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<Page<SurveyComment>>('/api/v1/reports/surveys/comments', { query: { ...period, ...extra, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSurveyTopics(f: SurveyReportFilters) {
  const { interval: _interval, ...period } = f;
  return useQuery({ queryKey: surveyKeys.topics(f), queryFn: ({ signal }) => api<SurveyTopicsReport>('/api/v1/reports/surveys/topics', { query: { ...period }, signal }) });
}
