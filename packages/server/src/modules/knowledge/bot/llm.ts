/**
 * A client for an OpenAI-compatible chat completions endpoint (Ollama, vLLM, llama.cpp server
 * and hosted ones alike): one request, bounded in time and in the size of what comes back, no
 * redirects followed. Errors carry a short reason for the log and the admin's test; the
 * server's own error text is never passed on.
 */

export interface LlmConfig {
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
}

export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The most the bot reads of an answer; a larger one is refused as a whole. */
export const MAX_RESPONSE_BYTES = 256 * 1024;
/** Tokens the model may write: a chat answer, not an essay. */
export const MAX_TOKENS = 400;

/** Why a completion failed, short enough for a log line and the admin's test view. */
export class LlmError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** `{base}/v1/chat/completions`, also when the admin entered the base with its `/v1`. */
export function completionsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${base}/v1/chat/completions`;
}

/** Reads at most `max` bytes of a body; more fails the whole answer. */
async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) throw new LlmError('response too large');
  if (!res.body) return '';
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new LlmError('response too large');
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Sends the messages with temperature 0 and a bounded answer length; returns the text of the
 * first choice. Throws LlmError on a timeout, a non-2xx status, a redirect, an oversized or
 * malformed answer, or when the server cannot be reached.
 */
export async function chatCompletion(cfg: LlmConfig, messages: LlmMessage[], maxTokens = MAX_TOKENS): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), cfg.timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(completionsUrl(cfg.baseUrl), {
        method: 'POST',
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(cfg.apiKey && { authorization: `Bearer ${cfg.apiKey}` }) },
        body: JSON.stringify({ model: cfg.model, messages, temperature: 0, max_tokens: maxTokens, stream: false }),
      });
    } catch {
      throw new LlmError(controller.signal.aborted ? `no answer within ${cfg.timeoutMs} ms` : 'the model server could not be reached');
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined);
      throw new LlmError(`the model server redirected (HTTP ${res.status}); redirects are not followed`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new LlmError(`the model server answered HTTP ${res.status}`);
    }
    let raw: string;
    try {
      raw = await readCapped(res, MAX_RESPONSE_BYTES);
    } catch (err) {
      if (err instanceof LlmError) throw err;
      throw new LlmError(controller.signal.aborted ? `no answer within ${cfg.timeoutMs} ms` : 'the answer broke off');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new LlmError('the answer is not JSON');
    }
    const content = (body as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new LlmError('the answer has no message content');
    return content;
  } finally {
    clearTimeout(timer);
  }
}
