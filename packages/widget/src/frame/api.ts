import type { ChatAttachment, ChatSession, ChatWidgetConfig } from '@servus/shared';
import type { BridgeIdentity } from '../bridge';

/** An error answer of the chat API: the HTTP status and the server's code and message. */
export class WidgetApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WidgetApiError';
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'omit', ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (err) {
    throw new WidgetApiError(0, 'network', (err as Error).message || 'network error');
  }
  if (!res.ok) {
    let code = `http_${res.status}`;
    let message = res.statusText;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not JSON: keep the status text.
    }
    throw new WidgetApiError(res.status, code, message);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const channelPath = (channelId: string) => `/api/v1/chat/channels/${encodeURIComponent(channelId)}`;

/** The chat API as the widget frame uses it (same origin as the frame: the Servus server). */
export const widgetApi = {
  config: (channelId: string, locale: string) => call<ChatWidgetConfig>(`${channelPath(channelId)}/widget-config?lang=${encodeURIComponent(locale)}`),

  session: (channelId: string, body: { token?: string; identity?: BridgeIdentity; locale?: string; page?: { url: string; title?: string } }) =>
    call<ChatSession>(`${channelPath(channelId)}/sessions`, json(body)),

  upload: (token: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call<ChatAttachment>(`/api/v1/chat/uploads?token=${encodeURIComponent(token)}`, { method: 'POST', body: form });
  },

  offline: (channelId: string, body: { token?: string; name?: string; email: string; message: string }) => call<unknown>(`${channelPath(channelId)}/offline`, json(body)),

  answerSurvey: (surveyToken: string, body: { score: number; comment?: string }) => call<unknown>(`/api/v1/surveys/${encodeURIComponent(surveyToken)}`, json(body)),

  transcript: (token: string, email?: string) => call<unknown>(`/api/v1/chat/transcript?token=${encodeURIComponent(token)}`, json(email ? { email } : {})),
};

/** The WebSocket URL for a visitor session, on the frame's own host. */
export function visitorSocketUrl(token: string, loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api/v1/chat/ws?token=${encodeURIComponent(token)}`;
}
