import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { helpCenterSettings, type BotSettings, type HelpCenterTheme } from './schema.ts';

const KEY = 'default';

export const DEFAULT_THEME: HelpCenterTheme = { name: 'Help Center', logoUrl: '', primaryColor: '#1c5fd4', accentColor: '#0f8a5f' };

/** The bot starts switched off and, when switched on, answers from the knowledge base only. */
export const DEFAULT_BOT: BotSettings = {
  chatEnabled: false,
  emailSuggestions: false,
  mode: 'retrieval',
  llm: { baseUrl: '', model: '', apiKey: '', timeoutMs: 15_000 },
};

export type HelpCenterSettingsRow = typeof helpCenterSettings.$inferSelect;

/** The help center, portal and bot settings; the row is created with the defaults on first read. */
export async function getHelpCenterSettings(db: Executor): Promise<HelpCenterSettingsRow> {
  const [row] = await db.select().from(helpCenterSettings).where(eq(helpCenterSettings.id, KEY));
  if (row) return row;
  await db.insert(helpCenterSettings).values({ id: KEY, theme: DEFAULT_THEME, bot: DEFAULT_BOT }).onConflictDoNothing();
  const [created] = await db.select().from(helpCenterSettings).where(eq(helpCenterSettings.id, KEY));
  return created!;
}

/** Changes the given columns of the settings row (after creating it with the defaults). */
export async function saveHelpCenterSettings(db: Executor, patch: Partial<Omit<HelpCenterSettingsRow, 'id'>>, now: Date): Promise<HelpCenterSettingsRow> {
  await getHelpCenterSettings(db);
  const [row] = await db.update(helpCenterSettings).set({ ...patch, updatedAt: now }).where(eq(helpCenterSettings.id, KEY)).returning();
  return row!;
}
