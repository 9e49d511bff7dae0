import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { blobs } from './schema.ts';

export interface CheckedBlob {
  sha256: string;
  size: number;
  contentType: string;
}

/**
 * Stores an upload's bytes (up to `limit`) and works out its type with `typeOf`, which throws to
 * refuse the file. A refused file's bytes are dropped unless the same content is already stored
 * for something else.
 */
export async function storeCheckedBlob(ctx: Ctx, stream: Readable, limit: number, typeOf: (file: string) => Promise<string>): Promise<CheckedBlob> {
  const blob = await ctx.storage.put(stream, limit);
  try {
    return { sha256: blob.sha256, size: blob.size, contentType: await typeOf(blob.path) };
  } catch (err) {
    const [known] = await ctx.db.select({ sha256: blobs.sha256 }).from(blobs).where(eq(blobs.sha256, blob.sha256));
    if (!known) await fs.rm(blob.path, { force: true });
    throw err;
  }
}

/** Records a stored blob (once per content) before something refers to it. */
export async function recordBlob(tx: Executor, blob: CheckedBlob, now: Date): Promise<void> {
  await tx.insert(blobs).values({ sha256: blob.sha256, size: blob.size, createdAt: now }).onConflictDoNothing();
}
