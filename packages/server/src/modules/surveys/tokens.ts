import { createHmac } from 'node:crypto';
import type { Services } from '../../platform/context.ts';
import type { Executor } from '../../platform/db.ts';
import { safeEqual } from '../../platform/crypto.ts';
import { resolveSessionSecret } from '../system/settings.ts';

/** What a survey link may do: answer the survey, or unsubscribe its contact from surveys. */
export type TokenPurpose = 'r' | 'u';

const keys = new WeakMap<object, Buffer>();

/** The key survey links are signed with, derived from the server secret (never the secret itself). */
async function keyOf(services: Services, db: Executor = services.database.db): Promise<Buffer> {
  const cached = keys.get(services.database);
  if (cached) return cached;
  const secret = await resolveSessionSecret(db, services.config.SESSION_SECRET);
  const key = createHmac('sha256', secret).update('servus survey links v1').digest();
  keys.set(services.database, key);
  return key;
}

const sig = (key: Buffer, id: string, purpose: TokenPurpose, nonce: string) => createHmac('sha256', key).update(`${id}.${purpose}.${nonce}`).digest('base64url').slice(0, 32);

/**
 * A signed survey link token: the survey id, the purpose and an HMAC over both and the
 * survey's secret nonce. A token for one purpose is never accepted for the other. Inside a
 * transaction pass it as `db`, so the key is never read beside it.
 */
export async function signSurveyToken(services: Services, survey: { id: string; nonce: string }, purpose: TokenPurpose, db?: Executor): Promise<string> {
  const id = Buffer.from(survey.id.replace(/-/g, ''), 'hex').toString('base64url');
  return `${id}${purpose}${sig(await keyOf(services, db), survey.id, purpose, survey.nonce)}`;
}

/** The survey id a token claims to be for, when it has the right shape; the signature is checked by `verifySurveyToken`. */
export function surveyIdOf(token: string, purpose: TokenPurpose): string | null {
  const m = /^([A-Za-z0-9_-]{22})([ru])([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m || m[2] !== purpose) return null;
  const hex = Buffer.from(m[1]!, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether `token` is the genuine link of this survey for this purpose (constant-time). */
export async function verifySurveyToken(services: Services, token: string, survey: { id: string; nonce: string }, purpose: TokenPurpose): Promise<boolean> {
  const expected = await signSurveyToken(services, survey, purpose);
  return safeEqual(token, expected);
}
