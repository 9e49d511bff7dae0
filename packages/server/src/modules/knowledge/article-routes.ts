import { z } from 'zod';
import {
  CreateKbArticleBody,
  KbArticleFromMessageBody,
  KbArticleListQuery,
  KbLocale,
  RestoreKbVersionBody,
  SaveKbTranslationBody,
  UpdateKbArticleBody,
  Uuid,
  type KbArticle,
  type KbArticleSummary,
  type KbTranslation,
  type KbVersion,
  type KbVersionSummary,
  type Page,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { findAgent } from '../auth/repository.ts';
import { isKbEditor, statusesFor } from './policies.ts';
import { findArticle, findVersion, listVersions, titlesOf, translationsOf, versionCounts, type KbArticleRow } from './repository.ts';
import { listArticles, searchArticleList } from './article-list.ts';
import { presentArticle, presentArticleSummary, presentTranslation, presentVersion, presentVersionSummary } from './presenters.ts';
import { createArticle } from './use-cases/create-article.ts';
import { updateArticle } from './use-cases/update-article.ts';
import { saveTranslation } from './use-cases/save-translation.ts';
import { restoreVersion } from './use-cases/restore-version.ts';
import { deleteArticle } from './use-cases/delete-article.ts';
import { articleFromMessage } from './use-cases/article-from-message.ts';

const IdParams = z.strictObject({ id: Uuid });
const LocaleParams = z.strictObject({ id: Uuid, locale: KbLocale });
const VersionParams = z.strictObject({ id: Uuid, locale: KbLocale, version: z.coerce.number().int().min(1).max(1_000_000) });
const VersionsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50), before: z.coerce.number().int().min(1).optional() });
const tags = ['knowledge base'];

/** The full article as the caller may see it. */
async function articleView(db: Executor, actor: AgentActor, a: KbArticleRow): Promise<KbArticle> {
  const editor = await isKbEditor(db, actor);
  const [translations, related, counts] = await Promise.all([translationsOf(db, [a.id]), titlesOf(db, a.related), versionCounts(db, a.id)]);
  return presentArticle(a, translations, { related, versionCounts: counts, visibleStatuses: statusesFor(editor), editable: editor });
}

/** The article if this agent may read it (drafts and archived ones only for editors), else 404. */
async function readableArticle(db: Executor, actor: AgentActor, id: string): Promise<KbArticleRow> {
  const a = await findArticle(db, id);
  if (!a || !statusesFor(await isKbEditor(db, actor)).includes(a.status)) throw notFound('article');
  return a;
}

/**
 * Articles: every agent reads published and internal ones (to answer and link them); editors
 * also see drafts and archived ones and write. Each save of a language is a version.
 */
export function kbArticleRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get('/api/v1/kb/articles', { schema: { tags, summary: 'List articles: by status, section, language, tag, outdated translation, or a search (q)', querystring: KbArticleListQuery } }, async (req): Promise<Page<KbArticleSummary>> => {
    const ctx = agentCtx(services, req);
    const { q, limit, cursor, sort, status, sectionId, locale, tag, outdated } = req.query;
    const visible = statusesFor(await isKbEditor(db, ctx.actor));
    const filter = { visible, status, sectionId, locale, tag, outdated: outdated === undefined ? undefined : outdated === 'true', limit };
    if (q?.trim()) {
      const me = await findAgent(db, ctx.actor.id);
      const rows = await searchArticleList(db, q, me?.locale === 'en' ? 'en' : 'de', filter);
      const translations = await translationsOf(db, rows.map((r) => r.id));
      return { data: rows.map((r) => presentArticleSummary(r, translations.filter((t) => t.articleId === r.id))), nextCursor: null };
    }
    const rows = await listArticles(db, { ...filter, sort, cursor: decodeCursor(cursor) });
    const translations = await translationsOf(db, rows.slice(0, limit).map((r) => r.id));
    return pageOf(
      rows,
      limit,
      (r) => presentArticleSummary(r, translations.filter((t) => t.articleId === r.id)),
      (r) => ({ v: sort === 'position' ? r.position : r.updatedAt.toISOString(), id: r.id }),
    );
  });

  app.get('/api/v1/kb/articles/:id', { schema: { tags, summary: 'One article with both languages, related articles and version counts', params: IdParams } }, async (req): Promise<KbArticle> => {
    const ctx = agentCtx(services, req);
    return articleView(db, ctx.actor, await readableArticle(db, ctx.actor, req.params.id));
  });

  app.post('/api/v1/kb/articles', { schema: { tags, summary: 'Create an article with its first language, which becomes its source language (editors)', body: CreateKbArticleBody } }, async (req, reply): Promise<KbArticle> => {
    const ctx = agentCtx(services, req);
    const row = await createArticle(ctx, req.body);
    reply.code(201);
    return articleView(db, ctx.actor, row);
  });

  app.post('/api/v1/kb/articles/from-message', { schema: { tags, summary: 'Create a draft article from a ticket reply (editors; the ticket must be visible to you)', body: KbArticleFromMessageBody } }, async (req, reply): Promise<KbArticle> => {
    const ctx = agentCtx(services, req);
    const row = await articleFromMessage(ctx, req.body);
    reply.code(201);
    return articleView(db, ctx.actor, row);
  });

  app.patch('/api/v1/kb/articles/:id', { schema: { tags, summary: 'Change status, section, position, tags or related articles (editors); a status change is versioned', params: IdParams, body: UpdateKbArticleBody } }, async (req): Promise<KbArticle> => {
    const ctx = agentCtx(services, req);
    return articleView(db, ctx.actor, await updateArticle(ctx, req.params.id, req.body));
  });

  app.delete('/api/v1/kb/articles/:id', { schema: { tags, summary: 'Delete an article with its languages, versions and files (editors)', params: IdParams } }, async (req, reply) => {
    await deleteArticle(agentCtx(services, req), req.params.id);
    return reply.code(204).send();
  });

  app.put(
    '/api/v1/kb/articles/:id/translations/:locale',
    { schema: { tags, summary: 'Save one language as a new version; baseVersion is the version you edited (0 for a new language), 409 when someone saved since (editors)', params: LocaleParams, body: SaveKbTranslationBody } },
    async (req): Promise<KbTranslation> => {
      const ctx = agentCtx(services, req);
      return presentTranslation(await saveTranslation(ctx, req.params.id, req.params.locale, req.body));
    },
  );

  app.get('/api/v1/kb/articles/:id/versions/:locale', { schema: { tags, summary: 'Saved versions of one language, newest first', params: LocaleParams, querystring: VersionsQuery } }, async (req): Promise<Page<KbVersionSummary>> => {
    const ctx = agentCtx(services, req);
    await readableArticle(db, ctx.actor, req.params.id);
    const rows = await listVersions(db, req.params.id, req.params.locale, req.query.limit + 1, req.query.before);
    const more = rows.length > req.query.limit;
    const page = rows.slice(0, req.query.limit);
    return { data: page.map(presentVersionSummary), nextCursor: more ? String(page[page.length - 1]!.version) : null };
  });

  app.get('/api/v1/kb/articles/:id/versions/:locale/:version', { schema: { tags, summary: 'One saved version with its full text', params: VersionParams } }, async (req): Promise<KbVersion> => {
    const ctx = agentCtx(services, req);
    await readableArticle(db, ctx.actor, req.params.id);
    const v = await findVersion(db, req.params.id, req.params.locale, req.params.version);
    if (!v) throw notFound('version');
    return presentVersion(v);
  });

  app.post(
    '/api/v1/kb/articles/:id/versions/:locale/:version/restore',
    { schema: { tags, summary: 'Bring back an older version as a new version (editors); baseVersion as for saving', params: VersionParams, body: RestoreKbVersionBody } },
    async (req): Promise<KbTranslation> => {
      const ctx = agentCtx(services, req);
      return presentTranslation(await restoreVersion(ctx, req.params.id, req.params.locale, req.params.version, req.body.baseVersion));
    },
  );
}
