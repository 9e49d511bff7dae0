import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { AgentActor } from '../../platform/actor.ts';
import { kbCategories, kbSections } from '../../modules/knowledge/schema.ts';
import { articleIdBySlug } from '../../modules/knowledge/repository.ts';
import { slugify } from '../../modules/knowledge/slug.ts';
import { createCategory } from '../../modules/knowledge/use-cases/categories.ts';
import { createSection } from '../../modules/knowledge/use-cases/sections.ts';
import { createArticle } from '../../modules/knowledge/use-cases/create-article.ts';
import { saveTranslation } from '../../modules/knowledge/use-cases/save-translation.ts';
import { updateArticle } from '../../modules/knowledge/use-cases/update-article.ts';
import { DEMO_KB_ARTICLES, DEMO_KB_CATEGORIES } from './index.ts';
import type { DemoArticle, DemoCategory, DemoText } from './types.ts';

export interface KnowledgeSeedResult {
  categories: number;
  sections: number;
  /** Articles this run created; those that existed (by their German slug) are kept as they are. */
  articles: number;
  /** Articles of the demo set in the knowledge base after the run, created now or before. */
  total: number;
}

/** The demo video as the player the article sanitizer accepts; it rewrites it to the no-cookie host. */
function videoEmbed(video: NonNullable<DemoArticle['video']>, title: string): string {
  const src = video.provider === 'youtube' ? `https://www.youtube.com/embed/${video.id}` : `https://player.vimeo.com/video/${video.id}`;
  return `<figure><iframe src="${src}" title="${title.replace(/[<>&"]/g, '')}"></iframe></figure>`;
}

function bodyOf(article: DemoArticle, text: DemoText): string {
  return article.video ? `${text.body}\n${videoEmbed(article.video, text.title)}` : text.body;
}

/**
 * Creates the demo help center (categories, sections and articles in German and English)
 * through the knowledge base's own use cases: every article gets version 1 of each language,
 * linked translations, its related articles and, where it has one, an embedded video. Runs
 * again without duplicating: categories, sections and articles that exist (same slug) are
 * reused, so `npm run demo -- --force` leaves one help center.
 *
 * @example
 * await seedKnowledgeBase(agentCtxAt(services, staff.admin.actor, clock));
 */
export async function seedKnowledgeBase(
  ctx: Ctx & { actor: AgentActor },
  data: { categories: DemoCategory[]; articles: DemoArticle[] } = { categories: DEMO_KB_CATEGORIES, articles: DEMO_KB_ARTICLES },
): Promise<KnowledgeSeedResult> {
  const result: KnowledgeSeedResult = { categories: 0, sections: 0, articles: 0, total: 0 };
  const sectionIds = new Map<string, string>();
  for (const c of data.categories) {
    const names = { de: c.de.name, en: c.en.name };
    const descriptions = { de: c.de.description, en: c.en.description };
    let [category] = await ctx.db.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.slug, c.key));
    if (!category) {
      category = await createCategory(ctx, { names, descriptions, slug: c.key, icon: c.icon });
      result.categories++;
    }
    for (const s of c.sections) {
      let [section] = await ctx.db.select({ id: kbSections.id }).from(kbSections).where(eq(kbSections.slug, s.key));
      if (!section) {
        section = await createSection(ctx, { categoryId: category.id, names: { de: s.de.name, en: s.en.name }, descriptions: { de: s.de.description, en: s.en.description }, slug: s.key });
        result.sections++;
      }
      sectionIds.set(s.key, section.id);
    }
  }

  const articleIds = new Map<string, string>();
  const created = new Set<string>();
  for (const a of data.articles) {
    const sectionId = sectionIds.get(a.section);
    if (!sectionId) throw new Error(`demo article ${a.key} names an unknown section ${a.section}`);
    const slug = slugify(a.de.title);
    const existing = await articleIdBySlug(ctx.db, 'de', slug);
    if (existing) {
      articleIds.set(a.key, existing);
      continue;
    }
    const status = a.status ?? 'published';
    const article = await createArticle(ctx, {
      sectionId,
      locale: 'de',
      status,
      tags: a.tags,
      related: [],
      title: a.de.title,
      slug,
      summary: a.de.summary,
      bodyHtml: bodyOf(a, a.de),
      keywords: '',
    });
    if (a.en) {
      await saveTranslation(ctx, article.id, 'en', { baseVersion: 0, title: a.en.title, slug: slugify(a.en.title), summary: a.en.summary, bodyHtml: bodyOf(a, a.en), keywords: '' });
    }
    articleIds.set(a.key, article.id);
    created.add(a.key);
    result.articles++;
  }

  // Related articles point at keys, so they are linked once every article has an id.
  for (const a of data.articles) {
    if (!created.has(a.key) || !a.related?.length) continue;
    const related = a.related.map((k) => articleIds.get(k)).filter((id): id is string => id !== undefined);
    if (related.length) await updateArticle(ctx, articleIds.get(a.key)!, { related });
  }
  result.total = articleIds.size;
  return result;
}
