/** Small HTTP helpers for checking the server from the test process alongside the browser. */
import type { BrowserContext } from 'playwright-core';

/** A `Cookie` header carrying the cookies the browser holds for `url`. */
export async function browserCookieHeader(context: BrowserContext, url: string): Promise<string> {
  const cookies = await context.cookies(url);
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** A `Cookie` header from the `Set-Cookie` lines of a response. */
export function cookieHeaderFrom(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/** Fetches `url` and parses the JSON body, with the status alongside. */
export async function getJson<T = any>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T; res: Response }> {
  const res = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
  return { status: res.status, body, res };
}

/** A signed-in API client: headers that authenticate, and a call that fails on any error status. */
export interface ApiSession {
  headers: { cookie: string; 'x-csrf-token': string };
  call<T = any>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Signs in through the API as `who` (session cookie and CSRF token, as the web app does). */
export async function apiSignIn(baseUrl: string, who: { email: string; password: string }): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${who.email} answered ${login.status}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie: cookieHeaderFrom(login), 'x-csrf-token': csrfToken };
  return {
    headers,
    async call(method, path, body) {
      const res = await getJson(`${baseUrl}${path}`, {
        method,
        headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}

/** The directives of a Content-Security-Policy header, by name. */
export function parseCsp(header: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}
