import { z } from 'zod';
import {
  CreateKbCategoryBody,
  CreateKbSectionBody,
  KbOrderBody,
  UpdateKbCategoryBody,
  UpdateKbSectionBody,
  Uuid,
  type KbCategory,
  type KbSection,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { notFound } from '../../platform/errors.ts';
import { isKbEditor, statusesFor } from './policies.ts';
import { articleCounts, findCategory, findSection, listCategories, listSections } from './repository.ts';
import { presentCategory, presentSection } from './presenters.ts';
import { createCategory, deleteCategory, orderCategories, updateCategory } from './use-cases/categories.ts';
import { createSection, deleteSection, orderArticles, orderSections, updateSection } from './use-cases/sections.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['knowledge base'];

/**
 * Categories and sections of the knowledge base: every agent reads the tree (with the number
 * of articles they may see); editors create, change, order and delete.
 */
export function kbStructureRoutes(app: App, services: Services): void {
  const db = services.database.db;

  async function counts(req: Parameters<typeof agentCtx>[1]) {
    const ctx = agentCtx(services, req);
    return articleCounts(db, statusesFor(await isKbEditor(db, ctx.actor)));
  }

  app.get('/api/v1/kb/categories', { schema: { tags, summary: 'The category tree: categories in order, each with its sections in order' } }, async (req): Promise<{ data: KbCategory[] }> => {
    const n = await counts(req);
    const sections = await listSections(db);
    const data = (await listCategories(db)).map((c) =>
      presentCategory(
        c,
        sections.filter((s) => s.categoryId === c.id).map((s) => presentSection(s, n.get(s.id) ?? 0)),
      ),
    );
    return { data };
  });

  app.get('/api/v1/kb/categories/:id', { schema: { tags, summary: 'One category with its sections', params: IdParams } }, async (req): Promise<KbCategory> => {
    const n = await counts(req);
    const c = await findCategory(db, req.params.id);
    if (!c) throw notFound('category');
    return presentCategory(c, (await listSections(db, c.id)).map((s) => presentSection(s, n.get(s.id) ?? 0)));
  });

  app.post('/api/v1/kb/categories', { schema: { tags, summary: 'Create a category at the end (editors)', body: CreateKbCategoryBody } }, async (req, reply): Promise<KbCategory> => {
    const row = await createCategory(agentCtx(services, req), req.body);
    reply.code(201);
    return presentCategory(row, []);
  });

  app.put('/api/v1/kb/categories/order', { schema: { tags, summary: 'Put the categories in a new order: every category id once (editors)', body: KbOrderBody } }, async (req, reply) => {
    await orderCategories(agentCtx(services, req), req.body.ids);
    return reply.code(204).send();
  });

  app.patch('/api/v1/kb/categories/:id', { schema: { tags, summary: 'Change a category (editors)', params: IdParams, body: UpdateKbCategoryBody } }, async (req): Promise<KbCategory> => {
    const row = await updateCategory(agentCtx(services, req), req.params.id, req.body);
    const n = await counts(req);
    return presentCategory(row, (await listSections(db, row.id)).map((s) => presentSection(s, n.get(s.id) ?? 0)));
  });

  app.delete('/api/v1/kb/categories/:id', { schema: { tags, summary: 'Delete an empty category; 409 while it has sections (editors)', params: IdParams } }, async (req, reply) => {
    await deleteCategory(agentCtx(services, req), req.params.id);
    return reply.code(204).send();
  });

  app.put('/api/v1/kb/categories/:id/sections/order', { schema: { tags, summary: 'Put the sections of a category in a new order: every section id once (editors)', params: IdParams, body: KbOrderBody } }, async (req, reply) => {
    await orderSections(agentCtx(services, req), req.params.id, req.body.ids);
    return reply.code(204).send();
  });

  app.get('/api/v1/kb/sections/:id', { schema: { tags, summary: 'One section', params: IdParams } }, async (req): Promise<KbSection> => {
    const n = await counts(req);
    const s = await findSection(db, req.params.id);
    if (!s) throw notFound('section');
    return presentSection(s, n.get(s.id) ?? 0);
  });

  app.post('/api/v1/kb/sections', { schema: { tags, summary: 'Create a section at the end of its category (editors)', body: CreateKbSectionBody } }, async (req, reply): Promise<KbSection> => {
    const row = await createSection(agentCtx(services, req), req.body);
    reply.code(201);
    return presentSection(row, 0);
  });

  app.patch('/api/v1/kb/sections/:id', { schema: { tags, summary: 'Change or move a section (editors)', params: IdParams, body: UpdateKbSectionBody } }, async (req): Promise<KbSection> => {
    const row = await updateSection(agentCtx(services, req), req.params.id, req.body);
    return presentSection(row, (await counts(req)).get(row.id) ?? 0);
  });

  app.delete('/api/v1/kb/sections/:id', { schema: { tags, summary: 'Delete an empty section; 409 while it has articles (editors)', params: IdParams } }, async (req, reply) => {
    await deleteSection(agentCtx(services, req), req.params.id);
    return reply.code(204).send();
  });

  app.put('/api/v1/kb/sections/:id/articles/order', { schema: { tags, summary: 'Put the articles of a section in a new order: every article id once (editors)', params: IdParams, body: KbOrderBody } }, async (req, reply) => {
    await orderArticles(agentCtx(services, req), req.params.id, req.body.ids);
    return reply.code(204).send();
  });
}
