import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db.ts';

/**
 * What changes the public help center's structure: categories, sections, articles (status,
 * place, order) and translations (every save bumps their version), as one short string. View
 * counts and votes do not move it. Rendering inputs cached under it are current the moment
 * any server process commits a change; there is nothing to invalidate across processes.
 */
export async function kbFingerprint(db: Executor): Promise<string> {
  const [r] = await queryRows<{ f: string }>(
    db,
    sql`select concat_ws('|',
          (select count(*) || '/' || coalesce(max(updated_at)::text, '') from kb_categories),
          (select count(*) || '/' || coalesce(max(updated_at)::text, '') from kb_sections),
          (select count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || coalesce(sum(position), 0) from kb_articles),
          (select count(*) || '/' || coalesce(max(updated_at)::text, '') || '/' || coalesce(sum(version), 0) from kb_article_translations)) as f`,
  );
  return r?.f ?? '';
}

/**
 * A small per-process cache of values derived from the knowledge base, each kept under the
 * fingerprint it was computed at. A lookup under another fingerprint recomputes; the least
 * recently used entries go first.
 */
export class FingerprintCache<T> {
  private readonly entries = new Map<string, { fingerprint: string; value: T }>();

  constructor(private readonly max = 200) {}

  async get(key: string, fingerprint: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.fingerprint === fingerprint) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = await compute();
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
