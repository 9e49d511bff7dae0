import type { BotSettings as BotSettingsView, UpdateBotSettingsInput } from '@servus/shared';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordAudit } from '../../system/audit.ts';
import type { BotSettings } from '../schema.ts';
import { DEFAULT_BOT, getHelpCenterSettings, saveHelpCenterSettings } from '../settings.ts';

/** The stored bot settings, with defaults filled in for anything an older row lacks. */
export async function readBotSettings(db: Executor): Promise<BotSettings> {
  const row = await getHelpCenterSettings(db);
  return withDefaults(row.bot);
}

function withDefaults(bot: Partial<BotSettings> | null | undefined): BotSettings {
  return { ...DEFAULT_BOT, ...(bot ?? {}), llm: { ...DEFAULT_BOT.llm, ...(bot?.llm ?? {}) } };
}

/** The settings as the API shows them: the key itself never leaves the server. */
export function presentBotSettings(bot: BotSettings, updatedAt: Date): BotSettingsView {
  return {
    chatEnabled: bot.chatEnabled,
    emailSuggestions: bot.emailSuggestions,
    mode: bot.mode,
    llm: { baseUrl: bot.llm.baseUrl, model: bot.llm.model, apiKeySet: bot.llm.apiKey !== '', timeoutMs: bot.llm.timeoutMs },
    updatedAt: updatedAt.toISOString(),
  };
}

export async function getBotSettings(db: Executor): Promise<BotSettingsView> {
  const row = await getHelpCenterSettings(db);
  return presentBotSettings(withDefaults(row.bot), row.updatedAt);
}

/**
 * Changes the bot settings; fields left out keep their value, and so does the API key unless a
 * new one (or `''` to remove it) is given. The model mode needs an address and a model name.
 * The change is audited without the key.
 */
export async function updateBotSettings(ctx: Ctx, input: UpdateBotSettingsInput): Promise<BotSettingsView> {
  return inTransaction(ctx, async (tx) => {
    const before = withDefaults((await getHelpCenterSettings(tx)).bot);
    const next: BotSettings = {
      chatEnabled: input.chatEnabled ?? before.chatEnabled,
      emailSuggestions: input.emailSuggestions ?? before.emailSuggestions,
      mode: input.mode ?? before.mode,
      llm: {
        baseUrl: (input.llm?.baseUrl ?? before.llm.baseUrl).replace(/\/+$/, ''),
        model: input.llm?.model ?? before.llm.model,
        apiKey: input.llm?.apiKey ?? before.llm.apiKey,
        timeoutMs: input.llm?.timeoutMs ?? before.llm.timeoutMs,
      },
    };
    if (next.mode === 'llm') {
      const missing = [
        ...(next.llm.baseUrl ? [] : [{ path: 'body.llm.baseUrl', message: 'required when mode is llm' }]),
        ...(next.llm.model ? [] : [{ path: 'body.llm.model', message: 'required when mode is llm' }]),
      ];
      if (missing.length) throw new AppError('validation_failed', 'the model mode needs the server address and the model name', missing);
    }
    const row = await saveHelpCenterSettings(tx, { bot: next }, ctx.clock.now());
    const changed = (Object.keys(input) as (keyof UpdateBotSettingsInput)[]).flatMap((k) => (k === 'llm' ? Object.keys(input.llm ?? {}).map((f) => `llm.${f}`) : [k]));
    await recordAudit(tx, ctx, 'bot.settings_updated', 'bot_settings', null, { changed, mode: next.mode, chatEnabled: next.chatEnabled, emailSuggestions: next.emailSuggestions });
    return presentBotSettings(next, row.updatedAt);
  });
}

/** The demo shows the bot at work: on in the chat widget and in email acknowledgements, answering from the knowledge base. */
export async function enableDemoBot(ctx: Ctx): Promise<void> {
  await updateBotSettings(ctx, { chatEnabled: true, emailSuggestions: true, mode: 'retrieval' });
}
