import type { BotSettings, UpdateBotSettingsInput } from '@servus/shared';

/** The settings form: the key field is empty unless a new key is typed; `removeKey` clears the stored one. */
export interface BotForm {
  chatEnabled: boolean;
  emailSuggestions: boolean;
  mode: 'retrieval' | 'llm';
  baseUrl: string;
  model: string;
  apiKey: string;
  removeKey: boolean;
  timeoutSeconds: number;
}

export function toForm(s: BotSettings): BotForm {
  return { chatEnabled: s.chatEnabled, emailSuggestions: s.emailSuggestions, mode: s.mode, baseUrl: s.llm.baseUrl, model: s.llm.model, apiKey: '', removeKey: false, timeoutSeconds: Math.round(s.llm.timeoutMs / 1000) };
}

/** Problems the browser can tell before saving, as i18n keys under `bot.settings.errors`. */
export function validateForm(f: BotForm): Partial<Record<'baseUrl' | 'model' | 'timeoutSeconds' | 'apiKey', string>> {
  const out: Partial<Record<'baseUrl' | 'model' | 'timeoutSeconds' | 'apiKey', string>> = {};
  const url = f.baseUrl.trim();
  if (url) {
    let ok = false;
    try {
      const u = new URL(url);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash;
    } catch {
      ok = false;
    }
    if (!ok) out.baseUrl = 'baseUrl';
  }
  if (f.mode === 'llm') {
    if (!url) out.baseUrl = 'required';
    if (!f.model.trim()) out.model = 'required';
  }
  if (!Number.isInteger(f.timeoutSeconds) || f.timeoutSeconds < 1 || f.timeoutSeconds > 120) out.timeoutSeconds = 'timeout';
  if (/\s/.test(f.apiKey)) out.apiKey = 'apiKey';
  return out;
}

/** The PATCH body: the key only when a new one was typed (or removal was asked for). */
export function toBody(f: BotForm): UpdateBotSettingsInput {
  const llm: NonNullable<UpdateBotSettingsInput['llm']> = { baseUrl: f.baseUrl.trim(), model: f.model.trim(), timeoutMs: f.timeoutSeconds * 1000 };
  if (f.removeKey) llm.apiKey = '';
  else if (f.apiKey) llm.apiKey = f.apiKey;
  return { chatEnabled: f.chatEnabled, emailSuggestions: f.emailSuggestions, mode: f.mode, llm };
}
