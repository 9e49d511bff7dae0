/**
 * Assertions the authorization suites share: a hidden object answers exactly like a missing
 * one, and a ticket list is read to its last page before anyone says what is not on it.
 */
import assert from 'node:assert/strict';
import { call, type Res, type TestAgent } from '../harness.ts';
import type { World } from './world.ts';

/** A readable name for a caller in assertion messages. */
export function nameOf(w: World, as: TestAgent | null): string {
  if (!as) return 'anonymous';
  const names: [TestAgent, string][] = [[w.admin, 'admin'], [w.ax, 'Ax'], [w.ay, 'Ay'], [w.rx, 'Rx']];
  return names.find(([a]) => a.id === as.id)?.[1] ?? `a new ${as.actor.role}`;
}

/** Asserts the 404 for a hidden object is the 404 for an id that does not exist. */
export function assertLikeNonexistent(hidden: Res, none: Res, what: string): void {
  assert.equal(hidden.status, 404, `${what}: expected 404, got ${hidden.status} ${JSON.stringify(hidden.body)}`);
  assert.equal(none.status, 404, `${what}, nonexistent id: expected 404, got ${none.status} ${JSON.stringify(none.body)}`);
  assert.equal(hidden.body?.error?.code, 'not_found', `${what}: error code`);
  assert.deepEqual(hidden.body, none.body, `${what}: the body differs from a nonexistent id's`);
}

/** Every ticket id on every page of a ticket list. */
export async function listedIds(w: World, url: string, as: TestAgent): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: string = `${url}${url.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res: Res = await call(w.s, 'GET', page, { as });
    assert.equal(res.status, 200, `GET ${page} as ${nameOf(w, as)}: ${JSON.stringify(res.body)}`);
    ids.push(...res.body.data.map((t: { id: string }) => t.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}
