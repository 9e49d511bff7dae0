import { AppError } from '../../../platform/errors.ts';
import { isUniqueViolation } from '../../../platform/db.ts';
import { slugify } from '../slug.ts';
import type { KbLocalized } from '../schema.ts';

/** Names without empty languages: `{ de: 'Hardware', en: '' }` is stored as `{ de: 'Hardware' }`. */
export function cleanLocalized(names: KbLocalized | undefined): KbLocalized {
  const out: KbLocalized = {};
  if (names?.de) out.de = names.de;
  if (names?.en) out.en = names.en;
  return out;
}

/** The slug given, or one made from the English name (the German one when there is none). */
export function slugFrom(slug: string | undefined, names: KbLocalized): string {
  return slug ?? slugify(names.en || names.de || '');
}

/** Runs an insert or update and turns a slug collision into a clear 409. */
export async function withUniqueSlug<T>(what: 'category' | 'section', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', `another ${what} already uses this slug`, [{ path: 'body.slug', message: 'already in use; choose another' }]);
    }
    throw err;
  }
}

/** 400 unless `ids` names every item of the list exactly once. */
export function assertSameSet(ids: string[], existing: string[]): void {
  const given = new Set(ids);
  if (given.size !== ids.length) throw new AppError('validation_failed', 'each id may appear once', [{ path: 'body.ids', message: 'contains an id twice' }]);
  const known = new Set(existing);
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw new AppError('validation_failed', 'an id does not belong to this list', [{ path: `body.ids.${unknown}`, message: 'not in this list' }]);
  if (ids.length !== existing.length) {
    throw new AppError('validation_failed', 'the new order must name every item of the list', [{ path: 'body.ids', message: `expected ${existing.length} ids, got ${ids.length}` }]);
  }
}
