import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { Navigate, Route, Routes } from 'react-router';
import type { KbArticle, KbCategory } from '@servus/shared';
import { setCsrfToken } from '../api/client';
import { keys } from '../api/keys';
import type { Me } from '../api/types';
import { SessionProvider } from '../auth/session';
import i18n from '../i18n';
import { ShortcutsProvider } from '../shortcuts/ShortcutsProvider';
import { json, renderWithProviders } from '../test/render';
import { mockServer, type Call } from '../test/server';
import { ArticleEditorPage } from './ArticleEditorPage';

const TREE: KbCategory[] = [
  {
    id: 'c-1', slug: 'hardware', position: 0, icon: 'printer', names: { de: 'Hardware', en: 'Hardware' }, descriptions: {}, createdAt: '', updatedAt: '',
    sections: [{ id: 's-1', categoryId: 'c-1', slug: 'drucker', position: 0, names: { de: 'Drucker', en: 'Printers' }, descriptions: {}, articleCount: 1, createdAt: '', updatedAt: '' }],
  },
];

const tr = (locale: 'de' | 'en', title: string, slug: string, version: number, outdated = false) => ({
  id: `tr-${locale}`, locale, title, slug, summary: '', bodyHtml: `<p>${title}</p><img src="/help/files/0b0c7d2e-1111-4222-8333-944455556666/bild.png" alt="" />`, keywords: '', version, sourceVersion: locale === 'en' ? 1 : null, outdated,
  viewCount: 12, helpfulYes: 3, helpfulNo: 1, updatedById: null, updatedAt: '2026-03-01T10:00:00Z', url: `/help/${locale}/articles/${slug}`,
});

const ARTICLE: KbArticle = {
  id: 'a-1', sectionId: 's-1', position: 0, status: 'published', tags: [], sourceLocale: 'de', publishedAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z',
  authorId: null, createdAt: '2026-03-01T10:00:00Z', related: [], versionCounts: { de: 2, en: 1 }, editable: true,
  translations: { de: tr('de', 'Papierstau beheben', 'papierstau-beheben', 2), en: tr('en', 'Fix a paper jam', 'fix-a-paper-jam', 1, true) },
};

function render(path: string, answer: (c: Call) => Response | undefined) {
  const calls = mockServer((c) => (c.path === '/api/v1/kb/categories' ? json(200, { data: TREE }) : answer(c)));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  const me: Me = { agent: { id: 'ag-1', email: 'e@example.com', name: 'Erika', role: 'agent', kbEditor: true, locale: 'en', timeZone: 'Europe/Berlin', active: true, createdAt: '', updatedAt: '' }, teamIds: [], csrfToken: 'csrf' };
  client.setQueryData(keys.me, me);
  renderWithProviders(
    <Routes>
      <Route path="/" element={<Navigate to={path} replace />} />
      <Route path="/knowledge/articles/new" element={<ArticleEditorPage />} />
      <Route path="/knowledge/articles/:articleId" element={<ArticleEditorPage />} />
      <Route path="/knowledge" element={<p>list</p>} />
    </Routes>,
    { client, wrap: (children) => <SessionProvider><ShortcutsProvider>{children}</ShortcutsProvider></SessionProvider> },
  );
  return calls;
}

describe('ArticleEditorPage', () => {
  beforeEach(async () => {
    setCsrfToken('csrf');
    await i18n.changeLanguage('en');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('makes the slug from the title, saves a new article with Ctrl+S and opens it', async () => {
    const user = userEvent.setup();
    const calls = render('/knowledge/articles/new?section=s-1&locale=de', (c) => {
      if (c.method === 'POST' && c.path === '/api/v1/kb/articles') return json(201, { ...ARTICLE, id: 'a-new', status: 'draft' });
      if (c.path === '/api/v1/kb/articles/a-new') return json(200, { ...ARTICLE, id: 'a-new', status: 'draft' });
      return undefined;
    });
    const save = await screen.findByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('textbox', { name: 'Title' }));
    await user.paste('Bondrucker druckt nicht – was tun?');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveValue('bondrucker-druckt-nicht-was-tun');
    expect(screen.getByText('Public address: /help/de/articles/bondrucker-druckt-nicht-was-tun')).toBeInTheDocument();
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({ sectionId: 's-1', locale: 'de', status: 'draft', title: 'Bondrucker druckt nicht – was tun?', slug: 'bondrucker-druckt-nicht-was-tun' });
    expect(await screen.findByRole('textbox', { name: 'Title' })).toHaveValue('Papierstau beheben');
  });

  it('keeps the typed text and shows the conflict when someone saved in between', async () => {
    const user = userEvent.setup();
    const calls = render('/knowledge/articles/a-1', (c) => {
      if (c.method === 'GET' && c.path === '/api/v1/kb/articles/a-1') return json(200, ARTICLE);
      if (c.method === 'PUT') return json(409, { error: { code: 'version_conflict', message: 'someone saved this article after you opened it', details: { currentVersion: 3 } } });
      return undefined;
    });
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.paste('Papierstau am BP-80 beheben');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Someone else saved this article')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/v1/kb/articles/a-1/translations/de');
    expect(put.body).toMatchObject({ baseVersion: 2, title: 'Papierstau am BP-80 beheben', slug: 'papierstau-am-bp-80-beheben' });
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Papierstau am BP-80 beheben');
  });

  it('marks the outdated translation and fills it from the source on request', async () => {
    const user = userEvent.setup();
    render('/knowledge/articles/a-1', (c) => (c.method === 'GET' && c.path === '/api/v1/kb/articles/a-1' ? json(200, ARTICLE) : undefined));
    const english = await screen.findByRole('tab', { name: /English/ });
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument();
    expect(within(english).getByText('Outdated')).toBeInTheDocument();
    await user.click(english);
    expect(screen.getByText(/The German text changed since this translation was last saved/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Fix a paper jam');
    await user.click(screen.getByRole('button', { name: 'Copy from German' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Papierstau beheben');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveValue('fix-a-paper-jam');
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });
});
