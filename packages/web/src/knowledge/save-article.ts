import type { KbArticle } from '@servus/shared';
import { kbApi, type KbLocale } from './api';
import { savePlan, type ArticleDraft, type SaveStep } from './editor-state';

/** The calls a save makes; the real API by default, a fake one in tests. */
export interface SaveApi {
  createArticle(body: Record<string, unknown>): Promise<KbArticle>;
  saveTranslation(id: string, locale: KbLocale, body: Record<string, unknown>): Promise<unknown>;
  updateArticle(id: string, body: Record<string, unknown>): Promise<unknown>;
}

/** A save that failed part-way: what was saved stays saved, and the failing step's language is named. */
export class SaveError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly step: SaveStep,
    /** The article id, known once the create step went through. */
    readonly articleId: string | null,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SaveError';
  }
}

/**
 * Saves the editor's changes step by step (see `savePlan`) and returns the article id. Nothing
 * is sent when nothing changed.
 */
export async function saveArticle(initial: ArticleDraft, current: ArticleDraft, articleId: string | null, client: SaveApi = kbApi): Promise<{ id: string; steps: number }> {
  const steps = savePlan(initial, current, articleId === null);
  let id = articleId;
  for (const step of steps) {
    try {
      if (step.kind === 'create') id = (await client.createArticle(step.body)).id;
      else if (step.kind === 'translation') await client.saveTranslation(id!, step.locale, step.body);
      else await client.updateArticle(id!, step.body);
    } catch (err) {
      throw new SaveError(err, step, id);
    }
  }
  return { id: id!, steps: steps.length };
}
