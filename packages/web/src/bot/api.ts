import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BotReport, BotSettings, BotTestResult, UpdateBotSettingsInput } from '@servus/shared';
import { api, type Query } from '../api/client';

export type { BotReport, BotSettings, BotTestResult };

export const botKeys = {
  settings: ['bot', 'settings'] as const,
  report: (q: Query) => ['reports', 'bot', q] as const,
};

/** The answer bot settings (admin); the model's API key never comes back, only whether one is set. */
export function useBotSettings() {
  return useQuery({ queryKey: botKeys.settings, queryFn: ({ signal }) => api<BotSettings>('/api/v1/bot/settings', { signal }) });
}

/** Saves changed bot settings; the answer replaces the cached settings. */
export function useSaveBotSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBotSettingsInput) => api<BotSettings>('/api/v1/bot/settings', { method: 'PATCH', body }),
    onSuccess: (data) => client.setQueryData(botKeys.settings, data),
  });
}

/** Asks the bot a question with the saved settings; nothing is recorded. */
export function useBotTest() {
  return useMutation({ mutationFn: (body: { question: string; locale: 'de' | 'en' }) => api<BotTestResult>('/api/v1/bot/test', { method: 'POST', body }) });
}

/** The bot's conversations in a period: answered, confirmed, handed over, abandoned, by channel. */
export function useBotReport(query: Query) {
  return useQuery({
    queryKey: botKeys.report(query),
    queryFn: ({ signal }) => api<BotReport>('/api/v1/reports/bot', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
