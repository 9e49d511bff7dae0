import { describe, expect, it } from 'vitest';
import type { KbArticle } from '@servus/shared';
import { ApiError } from '../api/errors';
import { changedLocales, copyFromSource, draftFromArticle, fromEditorHtml, isDirty, newDraft, savePlan, toEditorHtml, validateLocale, withSlug, withTitle, type ArticleDraft } from './editor-state';
import { saveArticle, SaveError, type SaveApi } from './save-article';

const FILE = '0b0c7d2e-1111-4222-8333-944455556666';

function article(over: Partial<KbArticle> = {}): KbArticle {
  const tr = (locale: 'de' | 'en', title: string, slug: string, version: number) => ({
    id: `tr-${locale}`, locale, title, slug, summary: '', bodyHtml: `<p>${title}</p><img src="/help/files/${FILE}/bild%201.png">`, keywords: '', version,
    sourceVersion: locale === 'en' ? 1 : null, outdated: false, viewCount: 0, helpfulYes: 0, helpfulNo: 0, updatedById: null, updatedAt: '2026-03-01T10:00:00Z', url: `/help/${locale}/articles/${slug}`,
  });
  return {
    id: 'a-1', sectionId: 's-1', position: 0, status: 'draft', tags: ['drucker'], sourceLocale: 'de', publishedAt: null, updatedAt: '2026-03-01T10:00:00Z',
    authorId: null, createdAt: '2026-03-01T10:00:00Z', related: [], versionCounts: { de: 3, en: 1 }, editable: true,
    translations: { de: tr('de', 'Papierstau beheben', 'papierstau-beheben', 3), en: tr('en', 'Fix a paper jam', 'paper-jam', 1) },
    ...over,
  };
}

describe('slug and title', () => {
  it('follows the title until the editor types a slug, and again once it is emptied', () => {
    let d = withTitle(newDraft('s-1', 'de').locales.de!, 'Bondrucker druckt nicht – was tun?');
    expect(d.slug).toBe('bondrucker-druckt-nicht-was-tun');
    d = withSlug(d, 'drucker-hilfe');
    d = withTitle(d, 'Ganz anderer Titel');
    expect(d.slug).toBe('drucker-hilfe');
    d = withSlug(d, '');
    expect(d.slug).toBe('ganz-anderer-titel');
  });

  it('treats a saved slug that differs from the title as typed by hand', () => {
    const d = draftFromArticle(article());
    expect(d.locales.de!.slugTouched).toBe(false);
    expect(d.locales.en!.slugTouched).toBe(true);
    expect(withTitle(d.locales.en!, 'Paper jam at the printer').slug).toBe('paper-jam');
  });

  it('checks title and slug before sending', () => {
    expect(validateLocale({ ...newDraft('s', 'de').locales.de!, slug: 'Mit Leerzeichen' })).toEqual({ title: 'kb.editor.errors.titleRequired', slug: 'kb.editor.errors.slugPattern' });
  });
});

describe('files in the body', () => {
  it('shows files through the agents route and stores the public address', () => {
    const stored = `<p><img src="/help/files/${FILE}/bild%201.png"><a href="/help/files/${FILE}/anleitung.pdf">PDF</a></p>`;
    const editing = toEditorHtml(stored);
    expect(editing).toBe(`<p><img src="/api/v1/kb/attachments/${FILE}/content#n=bild%201.png"><a href="/api/v1/kb/attachments/${FILE}/content#n=anleitung.pdf">PDF</a></p>`);
    expect(fromEditorHtml(editing)).toBe(stored);
  });
});

describe('what a save sends', () => {
  it('sends nothing when only an empty paragraph appeared', () => {
    const a = draftFromArticle(article());
    const b: ArticleDraft = { ...a, locales: { ...a.locales } };
    expect(isDirty(a, b)).toBe(false);
    const empty = newDraft('s-1', 'de');
    const clicked = { ...empty, locales: { de: { ...empty.locales.de!, bodyHtml: '<p></p>' } } };
    expect(changedLocales(empty, clicked)).toEqual([]);
  });

  it('creates a new article with its source language, then adds the other language', () => {
    const start = newDraft('s-1', 'de');
    let d: ArticleDraft = { ...start, shared: { ...start.shared, status: 'published', tags: ['bp-80'] } };
    d = { ...d, locales: { de: withTitle(d.locales.de!, 'Papier einlegen') } };
    d = copyFromSource(d, 'en');
    d = { ...d, locales: { ...d.locales, en: withTitle(d.locales.en!, 'Load paper') } };
    const plan = savePlan(start, d, true);
    expect(plan.map((s) => s.kind)).toEqual(['create', 'translation']);
    expect(plan[0]!.body).toMatchObject({ sectionId: 's-1', locale: 'de', status: 'published', tags: ['bp-80'], title: 'Papier einlegen', slug: 'papier-einlegen' });
    expect(plan[1]).toMatchObject({ kind: 'translation', locale: 'en', body: { baseVersion: 0, title: 'Load paper', slug: 'load-paper' } });
  });

  it('saves the source first with each base version, and sends a status change with the last language only', () => {
    const initial = draftFromArticle(article());
    const d: ArticleDraft = {
      ...initial,
      shared: { ...initial.shared, status: 'published', related: ['a-2'] },
      locales: { en: { ...initial.locales.en!, summary: 'Short' }, de: { ...initial.locales.de!, bodyHtml: fromEditorHtml('<p>Neu</p>') } },
    };
    const plan = savePlan(initial, d, false);
    expect(plan.map((s) => (s.kind === 'translation' ? `${s.kind}:${s.locale}` : s.kind))).toEqual(['translation:de', 'translation:en', 'shared']);
    expect(plan[0]!.body).toMatchObject({ baseVersion: 3 });
    expect(plan[0]!.body).not.toHaveProperty('status');
    expect(plan[1]!.body).toMatchObject({ baseVersion: 1, status: 'published' });
    expect(plan[2]!.body).toEqual({ related: ['a-2'] });
    expect((plan[0]!.body as { bodyHtml: string }).bodyHtml).toBe('<p>Neu</p>');
    expect((plan[1]!.body as { bodyHtml: string }).bodyHtml).toContain(`/help/files/${FILE}/bild%201.png`);
  });

  it('sends a status change alone as a change of the shared fields', () => {
    const initial = draftFromArticle(article());
    const plan = savePlan(initial, { ...initial, shared: { ...initial.shared, status: 'archived' } }, false);
    expect(plan).toEqual([{ kind: 'shared', body: { status: 'archived' } }]);
  });

  it('runs the steps in order and says which step failed, keeping what was saved', async () => {
    const calls: string[] = [];
    const client: SaveApi = {
      createArticle: async () => {
        calls.push('create');
        return article({ id: 'a-9' });
      },
      saveTranslation: async (id, locale) => {
        calls.push(`put ${id} ${locale}`);
        throw new ApiError(409, 'conflict', 'another English article already uses this slug', [{ path: 'body.slug', message: 'already in use; choose another' }]);
      },
      updateArticle: async () => {
        calls.push('patch');
        return {};
      },
    };
    const start = newDraft('s-1', 'de');
    const d = copyFromSource({ ...start, locales: { de: withTitle(start.locales.de!, 'Titel') } }, 'en');
    const failure = await saveArticle(start, d, null, client).catch((e: unknown) => e);
    expect(calls).toEqual(['create', 'put a-9 en']);
    expect(failure).toBeInstanceOf(SaveError);
    expect((failure as SaveError).articleId).toBe('a-9');
    expect((failure as SaveError).step).toMatchObject({ kind: 'translation', locale: 'en' });
  });
});
