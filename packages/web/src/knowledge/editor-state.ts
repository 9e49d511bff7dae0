import { slugify, type KbArticle, type KbStatus } from '@servus/shared';
import type { KbLocale } from './api';

/** What the editor holds for one language. `baseVersion` is the saved version it started from (0: new). */
export interface LocaleDraft {
  title: string;
  slug: string;
  /** Once the editor types a slug, the title no longer changes it. */
  slugTouched: boolean;
  summary: string;
  bodyHtml: string;
  keywords: string;
  baseVersion: number;
}

/** What the languages share. */
export interface SharedDraft {
  sectionId: string;
  status: KbStatus;
  tags: string[];
  related: string[];
}

export interface ArticleDraft {
  shared: SharedDraft;
  sourceLocale: KbLocale;
  locales: Partial<Record<KbLocale, LocaleDraft>>;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PUBLIC_FILE = new RegExp(`/help/files/(${UUID})/([^"'\\s<>?#]*)`, 'g');
const AGENT_FILE = new RegExp(`/api/v1/kb/attachments/(${UUID})/content#n=([^"'\\s<>]*)`, 'g');

/**
 * Article bodies point at files by their public address, which answers only once the article
 * is published. The editor shows them through the agents' file route instead and maps back on save.
 */
export function toEditorHtml(html: string): string {
  return html.replace(PUBLIC_FILE, (_m, id: string, name: string) => `/api/v1/kb/attachments/${id}/content#n=${name}`);
}

/** The reverse of `toEditorHtml`: what is stored. */
export function fromEditorHtml(html: string): string {
  return html.replace(AGENT_FILE, (_m, id: string, name: string) => `/help/files/${id}/${name}`);
}

/** The address the editor uses for a file given its public address. */
export function editorFileUrl(publicUrl: string): string {
  return toEditorHtml(publicUrl);
}

export function emptyLocale(): LocaleDraft {
  return { title: '', slug: '', slugTouched: false, summary: '', bodyHtml: '', keywords: '', baseVersion: 0 };
}

/** A new article's draft in one section, written first in `locale`. */
export function newDraft(sectionId: string, locale: KbLocale): ArticleDraft {
  return { shared: { sectionId, status: 'draft', tags: [], related: [] }, sourceLocale: locale, locales: { [locale]: emptyLocale() } };
}

/** The editor's draft of a saved article. */
export function draftFromArticle(a: KbArticle): ArticleDraft {
  const locales: ArticleDraft['locales'] = {};
  for (const [locale, t] of Object.entries(a.translations) as [KbLocale, NonNullable<KbArticle['translations']['de']>][]) {
    locales[locale] = {
      title: t.title,
      slug: t.slug,
      slugTouched: t.slug !== slugify(t.title),
      summary: t.summary,
      bodyHtml: toEditorHtml(t.bodyHtml),
      keywords: t.keywords,
      baseVersion: t.version,
    };
  }
  return { shared: { sectionId: a.sectionId, status: a.status, tags: [...a.tags], related: a.related.map((r) => r.id) }, sourceLocale: a.sourceLocale, locales };
}

/** Changes a language's title; the slug follows until the editor changes it by hand. */
export function withTitle(d: LocaleDraft, title: string): LocaleDraft {
  return { ...d, title, slug: d.slugTouched ? d.slug : slugify(title) };
}

/** Changes a language's slug by hand; emptying it lets the title drive it again. */
export function withSlug(d: LocaleDraft, slug: string): LocaleDraft {
  if (!slug.trim()) return { ...d, slug: slugify(d.title), slugTouched: false };
  return { ...d, slug, slugTouched: true };
}

/**
 * Fills a language from the source language, as a starting point for translating: title,
 * summary, body and keywords. A saved translation keeps its slug; a new one follows the copied title.
 */
export function copyFromSource(draft: ArticleDraft, target: KbLocale): ArticleDraft {
  const source = draft.locales[draft.sourceLocale];
  if (!source || target === draft.sourceLocale) return draft;
  const current = draft.locales[target] ?? emptyLocale();
  // A saved translation keeps its public address; a new one takes its slug from the title.
  const base = current.baseVersion > 0 ? { ...current, slugTouched: true } : current;
  const copied = withTitle({ ...base, summary: source.summary, bodyHtml: source.bodyHtml, keywords: source.keywords }, source.title);
  return { ...draft, locales: { ...draft.locales, [target]: copied } };
}

const TEXT_FIELDS = ['title', 'slug', 'summary', 'bodyHtml', 'keywords'] as const;

/** Editors add and remove nothing but an empty paragraph when they click into an empty body. */
function sameBody(a: string, b: string): boolean {
  const norm = (s: string) => (s === '<p></p>' ? '' : s);
  return norm(a) === norm(b);
}

/** The languages whose text differs from what was loaded. */
export function changedLocales(initial: ArticleDraft, current: ArticleDraft): KbLocale[] {
  return (Object.keys(current.locales) as KbLocale[]).filter((locale) => {
    const before = initial.locales[locale];
    const now = current.locales[locale]!;
    if (!before) return now.title.trim() !== '' || !sameBody(now.bodyHtml, '');
    return TEXT_FIELDS.some((f) => (f === 'bodyHtml' ? !sameBody(before.bodyHtml, now.bodyHtml) : before[f] !== now[f]));
  });
}

/** The shared fields that differ from what was loaded, as a PATCH body (status apart). */
export function sharedChanges(initial: ArticleDraft, current: ArticleDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const a = initial.shared;
  const b = current.shared;
  if (a.sectionId !== b.sectionId) out.sectionId = b.sectionId;
  if (a.tags.join('\n') !== b.tags.join('\n')) out.tags = b.tags;
  if (a.related.join('\n') !== b.related.join('\n')) out.related = b.related;
  return out;
}

export function isDirty(initial: ArticleDraft, current: ArticleDraft): boolean {
  return changedLocales(initial, current).length > 0 || Object.keys(sharedChanges(initial, current)).length > 0 || initial.shared.status !== current.shared.status;
}

/** A field the browser can check before sending, keyed like the server's error paths. */
export function validateLocale(d: LocaleDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.title.trim()) errors.title = 'kb.editor.errors.titleRequired';
  if (d.slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(d.slug)) errors.slug = 'kb.editor.errors.slugPattern';
  return errors;
}

function textBody(d: LocaleDraft) {
  return { title: d.title.trim(), slug: d.slug || undefined, summary: d.summary, bodyHtml: fromEditorHtml(d.bodyHtml === '<p></p>' ? '' : d.bodyHtml), keywords: d.keywords };
}

/** One request of a save, in the order they must be made. */
export type SaveStep =
  | { kind: 'create'; body: Record<string, unknown> }
  | { kind: 'translation'; locale: KbLocale; body: Record<string, unknown> }
  | { kind: 'shared'; body: Record<string, unknown> };

/**
 * The requests that save the editor's changes. A new article is created with its source
 * language and shared fields first. Languages go in one by one with the version each started
 * from, so someone else's save in between is refused rather than overwritten; a status change
 * travels with the last language saved (one version), or alone when no text changed.
 */
export function savePlan(initial: ArticleDraft, current: ArticleDraft, isNew: boolean): SaveStep[] {
  const steps: SaveStep[] = [];
  let locales = changedLocales(initial, current);
  let statusPending = initial.shared.status !== current.shared.status;
  if (isNew) {
    const source = current.locales[current.sourceLocale]!;
    steps.push({ kind: 'create', body: { sectionId: current.shared.sectionId, locale: current.sourceLocale, status: current.shared.status, tags: current.shared.tags, related: current.shared.related, ...textBody(source) } });
    locales = locales.filter((l) => l !== current.sourceLocale);
    statusPending = false;
  }
  // The source first: a translation saved after it records the newest source version.
  locales.sort((a, b) => (a === current.sourceLocale ? -1 : b === current.sourceLocale ? 1 : 0));
  locales.forEach((locale, i) => {
    const d = current.locales[locale]!;
    // On the last language: a status change adds a version to every other language, which
    // would make a language saved after it look stale.
    const withStatus = statusPending && i === locales.length - 1;
    steps.push({ kind: 'translation', locale, body: { baseVersion: d.baseVersion, ...textBody(d), ...(withStatus && { status: current.shared.status }) } });
  });
  if (locales.length > 0) statusPending = false;
  const shared = isNew ? {} : sharedChanges(initial, current);
  if (statusPending) shared.status = current.shared.status;
  if (Object.keys(shared).length > 0) steps.push({ kind: 'shared', body: shared });
  return steps;
}
