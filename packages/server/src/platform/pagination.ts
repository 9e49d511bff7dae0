import { AppError } from './errors.ts';

/** A keyset cursor: the sort value and id of the last row of the previous page. */
export interface Cursor {
  v: string | number | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof c !== 'object' || c === null || typeof c.id !== 'string') throw new Error('shape');
    return c;
  } catch {
    throw new AppError('validation_failed', 'invalid cursor', [{ path: 'querystring.cursor', message: 'not a cursor from this API' }]);
  }
}

/** Cuts a page fetched with limit+1 rows and builds the next cursor. */
export function pageOf<R, T>(rows: R[], limit: number, present: (r: R) => T, cursorOf: (r: R) => Cursor): { data: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { data: page.map(present), nextCursor: more ? encodeCursor(cursorOf(page[page.length - 1]!)) : null };
}
