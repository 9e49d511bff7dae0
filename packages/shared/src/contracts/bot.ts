import { z } from 'zod';
import { IsoDate, Locale, NonEmptyText } from './common.ts';

/**
 * The answer bot: it answers chat visitors from the published knowledge base before an agent
 * is asked, and suggests articles in the acknowledgement of a new email ticket. Retrieval (the
 * best passage of the best article) is the default and works offline; an OpenAI-compatible
 * model can compose the answer instead, grounded only in the retrieved passages.
 */

export const BOT_MODES = ['retrieval', 'llm'] as const;
export const BotMode = z.enum(BOT_MODES);

/** An http(s) base URL of an OpenAI-compatible server, e.g. `http://127.0.0.1:11434` for Ollama. */
export const LlmBaseUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    if (v === '') return true;
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'an http:// or https:// address without credentials, query or fragment, e.g. http://127.0.0.1:11434');

/** `PATCH /api/v1/bot/settings`: fields left out keep their value. */
export const UpdateBotSettingsBody = z.strictObject({
  chatEnabled: z.boolean().optional(),
  emailSuggestions: z.boolean().optional(),
  mode: BotMode.optional(),
  llm: z
    .strictObject({
      baseUrl: LlmBaseUrl.optional(),
      model: z.string().trim().max(200).optional(),
      /** Write-only: a new key replaces the stored one, `''` removes it, leaving it out keeps it. */
      apiKey: z.string().max(500).refine((s) => !/[\s\u0000-\u001f]/.test(s), 'no spaces or control characters').optional(),
      timeoutMs: z.number().int().min(1_000).max(120_000).optional(),
    })
    .optional(),
});
export type UpdateBotSettingsInput = z.infer<typeof UpdateBotSettingsBody>;

/** The bot settings as admins see them; the API key is never returned, only whether one is set. */
export interface BotSettings {
  chatEnabled: boolean;
  emailSuggestions: boolean;
  mode: 'retrieval' | 'llm';
  llm: { baseUrl: string; model: string; apiKeySet: boolean; timeoutMs: number };
  updatedAt: string;
}

/** `POST /api/v1/bot/test`: ask the bot a question as a visitor would; nothing is recorded. */
export const BotTestBody = z.strictObject({
  question: NonEmptyText(1_000),
  locale: Locale,
});

/** An article the bot links to; `n` is the number a model's citation `[n]` refers to. */
export interface BotArticleLink {
  n: number;
  title: string;
  /** `/help/<locale>/articles/<slug>` on this server. */
  url: string;
}

/** A passage the bot found, as the admin's test shows it. */
export interface BotPassage {
  n: number;
  title: string;
  url: string;
  text: string;
  score: number;
}

export interface BotTestResult {
  /** `answer`: the bot would answer; `no_answer`: it would say it does not know and hand over. */
  kind: 'answer' | 'no_answer';
  /** How the answer was made; `retrieval` also when the model failed and the bot fell back. */
  via: 'retrieval' | 'llm';
  /** Why the model's answer was not used (timeout, HTTP status, no citation …); null when it was, or not asked. */
  fallback: string | null;
  /** The answer as the visitor would read it (citations `[n]` refer to `articles`). */
  answer: string;
  articles: BotArticleLink[];
  passages: BotPassage[];
}

/** `GET /api/v1/reports/bot?from&to`: bot conversations started in the period. */
export const BotReportQuery = z.strictObject({
  /** Start of the period (inclusive); default 30 days before `to`. */
  from: IsoDate.optional(),
  /** End of the period (exclusive); default now. */
  to: IsoDate.optional(),
});

/** Counts of bot conversations. Only a confirmation by the customer counts as a resolution. */
export interface BotOutcomeCounts {
  sessions: number;
  /** Sessions where the bot gave at least one answer (or, by email, at least one link). */
  answered: number;
  confirmed: number;
  handedOver: number;
  abandoned: number;
  /** Still with the bot: neither confirmed, handed over nor abandoned yet. */
  answering: number;
  /** confirmed / answered in percent (one decimal); null when nothing was answered. */
  confirmationRate: number | null;
}

export interface BotReport extends BotOutcomeCounts {
  period: { from: string; to: string };
  byChannel: { chat: BotOutcomeCounts; email: BotOutcomeCounts };
}

/** What the bot suggested in a chat, for the agent who takes it over. */
export interface ChatBotSummary {
  outcome: 'answering' | 'confirmed' | 'handed_over' | 'abandoned';
  answers: number;
  /** The articles the bot suggested, newest answer last, each once; deleted ones are left out. */
  suggested: { title: string; url: string; locale: 'de' | 'en' }[];
}
