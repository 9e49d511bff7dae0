import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KbArticle, KbArticleSummary, KbAttachment, KbCategory, KbSection, KbStatus, KbTranslation, KbVersion, KbVersionSummary } from '@servus/shared';
import { api, type Query } from '../api/client';
import type { Page } from '../api/types';
import { useSession } from '../auth/session';

export type KbLocale = 'de' | 'en';
export const KB_LOCALES: readonly KbLocale[] = ['de', 'en'];

/** Query keys of the knowledge base; everything under `kb` is refreshed after a change. */
export const kbKeys = {
  all: ['kb'] as const,
  tree: ['kb', 'tree'] as const,
  articles: (filter: Record<string, unknown>) => ['kb', 'articles', filter] as const,
  article: (id: string) => ['kb', 'article', id] as const,
  versions: (id: string, locale: KbLocale) => ['kb', 'article', id, 'versions', locale] as const,
  version: (id: string, locale: KbLocale, version: number) => ['kb', 'article', id, 'versions', locale, version] as const,
};

/** Whether the signed-in agent may write the knowledge base: admins, and agents with the editor flag. */
export function useIsKbEditor(): boolean {
  const { agent } = useSession();
  return agent.role === 'admin' || (agent.role === 'agent' && agent.kbEditor === true);
}

export function useKbTree() {
  return useQuery({ queryKey: kbKeys.tree, queryFn: async () => (await api<{ data: KbCategory[] }>('/api/v1/kb/categories')).data });
}

export interface ArticleFilter {
  sectionId?: string;
  status?: KbStatus;
  locale?: KbLocale;
  q?: string;
  tag?: string;
  outdated?: boolean;
  sort?: 'position' | '-updated_at';
  limit?: number;
}

function filterQuery(f: ArticleFilter): Query {
  return { ...f, outdated: f.outdated === undefined ? undefined : String(f.outdated) };
}

/** Articles page by page (a search answers one ranked page). */
export function useKbArticles(filter: ArticleFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: kbKeys.articles(filter as Record<string, unknown>),
    queryFn: ({ pageParam, signal }) => api<Page<KbArticleSummary>>('/api/v1/kb/articles', { query: { ...filterQuery(filter), cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useKbArticle(id: string | undefined) {
  return useQuery({ queryKey: kbKeys.article(id ?? ''), queryFn: () => api<KbArticle>(`/api/v1/kb/articles/${id}`), enabled: !!id });
}

export function useKbVersions(id: string, locale: KbLocale, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: kbKeys.versions(id, locale),
    queryFn: ({ pageParam }) => api<Page<KbVersionSummary>>(`/api/v1/kb/articles/${id}/versions/${locale}`, { query: { limit: 30, before: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useKbVersion(id: string, locale: KbLocale, version: number | null) {
  return useQuery({
    queryKey: kbKeys.version(id, locale, version ?? 0),
    queryFn: () => api<KbVersion>(`/api/v1/kb/articles/${id}/versions/${locale}/${version}`),
    enabled: version !== null,
  });
}

/** A mutation that refreshes every knowledge-base query when it succeeds. */
export function useKbMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: kbKeys.all }) });
}

export interface StructureBody {
  names: { de?: string; en?: string };
  descriptions?: { de?: string; en?: string };
  slug?: string;
  icon?: string;
  categoryId?: string;
}

export const kbApi = {
  createCategory: (body: StructureBody) => api<KbCategory>('/api/v1/kb/categories', { body }),
  updateCategory: (id: string, body: StructureBody) => api<KbCategory>(`/api/v1/kb/categories/${id}`, { method: 'PATCH', body }),
  deleteCategory: (id: string) => api<void>(`/api/v1/kb/categories/${id}`, { method: 'DELETE' }),
  orderCategories: (ids: string[]) => api<void>('/api/v1/kb/categories/order', { method: 'PUT', body: { ids } }),
  createSection: (body: StructureBody) => api<KbSection>('/api/v1/kb/sections', { body }),
  updateSection: (id: string, body: StructureBody) => api<KbSection>(`/api/v1/kb/sections/${id}`, { method: 'PATCH', body }),
  deleteSection: (id: string) => api<void>(`/api/v1/kb/sections/${id}`, { method: 'DELETE' }),
  orderSections: (categoryId: string, ids: string[]) => api<void>(`/api/v1/kb/categories/${categoryId}/sections/order`, { method: 'PUT', body: { ids } }),
  orderArticles: (sectionId: string, ids: string[]) => api<void>(`/api/v1/kb/sections/${sectionId}/articles/order`, { method: 'PUT', body: { ids } }),
  createArticle: (body: Record<string, unknown>) => api<KbArticle>('/api/v1/kb/articles', { body }),
  fromMessage: (body: { messageId: string; sectionId: string; locale: KbLocale }) => api<KbArticle>('/api/v1/kb/articles/from-message', { body }),
  updateArticle: (id: string, body: Record<string, unknown>) => api<KbArticle>(`/api/v1/kb/articles/${id}`, { method: 'PATCH', body }),
  deleteArticle: (id: string) => api<void>(`/api/v1/kb/articles/${id}`, { method: 'DELETE' }),
  saveTranslation: (id: string, locale: KbLocale, body: Record<string, unknown>) => api<KbTranslation>(`/api/v1/kb/articles/${id}/translations/${locale}`, { method: 'PUT', body }),
  restore: (id: string, locale: KbLocale, version: number, baseVersion: number) =>
    api<KbTranslation>(`/api/v1/kb/articles/${id}/versions/${locale}/${version}/restore`, { body: { baseVersion } }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<KbAttachment>('/api/v1/kb/attachments', { raw: form });
  },
};

