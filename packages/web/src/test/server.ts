import { vi } from 'vitest';
import { json } from './render';

/** One request the page made, as the server would see it. */
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * Replaces the browser's network with `answer`; requests it does not answer get the API's 404.
 * Returns the list of calls, in order, for assertions.
 */
export function mockServer(answer: (call: Call) => Response | Promise<Response> | undefined): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const call: Call = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: (init?.headers ?? {}) as Record<string, string>,
      };
      calls.push(call);
      return (await answer(call)) ?? json(404, { error: { code: 'not_found', message: `${call.method} ${call.path}` } });
    }),
  );
  return calls;
}
