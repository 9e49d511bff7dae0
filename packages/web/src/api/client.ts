import { ApiError } from './errors';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token every non-GET request must carry (from login or `/auth/me`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what happens when the session ends under us (401 on an authenticated call). */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

/** Builds `path?query`, leaving out empty values and joining arrays with commas. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Raw body (file upload); sent as is with its own content type. A FormData goes as multipart. */
  raw?: Blob | FormData;
  /** Do not treat 401 as "signed out" (login and public pages). */
  allowAnonymous?: boolean;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details);
}

/**
 * Calls the Servus API on the same origin with the session cookie. Writes carry the CSRF token
 * and JSON; errors become `ApiError`; a 401 on an authenticated call reports the session as ended.
 */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body !== undefined || opts.raw ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (opts.raw) {
    body = opts.raw;
    // The browser writes the multipart boundary itself.
    if (!(opts.raw instanceof FormData)) headers['content-type'] = opts.raw.type || 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, signal: opts.signal, credentials: 'same-origin' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', (err as Error).message || 'network error');
  }
  if (!res.ok) {
    const err = await parseError(res);
    if (res.status === 401 && !opts.allowAnonymous) onUnauthorized?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
