import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { KbArticleSummary } from '@servus/shared';
import i18n from '../i18n';
import { json, renderWithProviders } from '../test/render';
import { mockServer } from '../test/server';
import { InsertArticleLinkDialog } from './InsertArticleLinkDialog';

const summary = (id: string, status: KbArticleSummary['status'], de: [string, string], en?: [string, string]): KbArticleSummary => ({
  id,
  sectionId: 's-1',
  position: 0,
  status,
  tags: [],
  sourceLocale: 'de',
  publishedAt: null,
  updatedAt: '2026-03-01T10:00:00Z',
  translations: [
    { locale: 'de', title: de[0], slug: de[1], summary: '', version: 1, outdated: false, url: `/help/de/articles/${de[1]}` },
    ...(en ? [{ locale: 'en' as const, title: en[0], slug: en[1], summary: '', version: 1, outdated: false, url: `/help/en/articles/${en[1]}` }] : []),
  ],
});

const ARTICLES = [
  summary('a-pub', 'published', ['Bondrucker: Papierstau beheben', 'bondrucker-papierstau'], ['Receipt printer: fix a paper jam', 'printer-paper-jam']),
  summary('a-int', 'internal', ['Drucker tauschen (intern)', 'drucker-tauschen']),
  summary('a-draft', 'draft', ['Entwurf Drucker', 'entwurf-drucker']),
];

function serve() {
  return mockServer((call) => {
    if (call.path !== '/api/v1/kb/articles') return undefined;
    const locale = call.query.get('locale');
    const data = ARTICLES.filter((a) => a.translations.some((t) => t.locale === locale));
    return json(200, { data, nextCursor: null });
  });
}

function open(target: 'public' | 'note', onInsert = vi.fn()) {
  renderWithProviders(<InsertArticleLinkDialog opened onClose={() => undefined} target={target} defaultLocale="de" onInsert={onInsert} />);
  return onInsert;
}

describe('InsertArticleLinkDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('searches in the ticket language and inserts the public link of a published article', async () => {
    await i18n.changeLanguage('en');
    const user = userEvent.setup();
    const calls = serve();
    const onInsert = open('public');
    expect(screen.getByText('Type at least two letters.')).toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Find an article' }), 'papirstau');
    await user.click(await screen.findByRole('option', { name: /Bondrucker: Papierstau beheben/ }));
    expect(onInsert).toHaveBeenCalledWith({ articleId: 'a-pub', title: 'Bondrucker: Papierstau beheben', href: `${window.location.origin}/help/de/articles/bondrucker-papierstau`, status: 'published' });
    const search = calls.find((c) => c.path === '/api/v1/kb/articles')!;
    expect(search.query.get('q')).toBe('papirstau');
    expect(search.query.get('locale')).toBe('de');
    expect(screen.queryByRole('option', { name: /Entwurf/ })).not.toBeInTheDocument();
  });

  it('refuses an internal article in a public reply and says why', async () => {
    await i18n.changeLanguage('en');
    const user = userEvent.setup();
    serve();
    const onInsert = open('public');
    await user.type(screen.getByRole('combobox', { name: 'Find an article' }), 'drucker');
    const internal = await screen.findByRole('option', { name: /Drucker tauschen/ });
    expect(internal).toHaveAttribute('aria-disabled', 'true');
    await user.click(internal);
    expect(onInsert).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Internal article: link it in an internal note, not in a reply to the customer.');
  });

  it('links an internal article to its agent page inside an internal note, chosen by keyboard', async () => {
    await i18n.changeLanguage('en');
    const user = userEvent.setup();
    serve();
    const onInsert = open('note');
    const input = screen.getByRole('combobox', { name: 'Find an article' });
    await user.type(input, 'drucker');
    await screen.findByRole('option', { name: /Drucker tauschen/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onInsert).toHaveBeenCalledWith(expect.objectContaining({ articleId: 'a-int', href: `${window.location.origin}/knowledge/articles/a-int`, status: 'internal' }));
  });

  it('switches the language and links the English page', async () => {
    await i18n.changeLanguage('en');
    const user = userEvent.setup();
    const calls = serve();
    const onInsert = open('public');
    await user.click(screen.getByText('EN'));
    await user.type(screen.getByRole('combobox', { name: 'Find an article' }), 'paper jam');
    await user.click(await screen.findByRole('option', { name: /Receipt printer/ }));
    await waitFor(() => expect(onInsert).toHaveBeenCalledWith(expect.objectContaining({ href: `${window.location.origin}/help/en/articles/printer-paper-jam` })));
    expect(calls.filter((c) => c.path === '/api/v1/kb/articles').every((c) => c.query.get('locale') === 'en')).toBe(true);
  });
});
