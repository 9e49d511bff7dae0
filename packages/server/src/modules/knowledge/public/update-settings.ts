import type { HelpCenterSettingsInput } from '@servus/shared';
import type { Ctx } from '../../../platform/context.ts';
import { recordAudit } from '../../system/audit.ts';
import { getHelpCenterSettings, saveHelpCenterSettings, type HelpCenterSettingsRow } from '../settings.ts';

/**
 * Changes the help center settings given (theme fields merge into the current theme) and
 * records who changed which fields. The answer bot's settings are not touched here.
 */
export async function updateHelpCenterSettings(ctx: Ctx, input: HelpCenterSettingsInput): Promise<HelpCenterSettingsRow> {
  return ctx.db.transaction(async (tx) => {
    const current = await getHelpCenterSettings(tx);
    const { theme, ...rest } = input;
    const row = await saveHelpCenterSettings(tx, { ...rest, ...(theme && { theme: { ...current.theme, ...theme } }) }, ctx.clock.now());
    const fields = [...Object.keys(rest), ...Object.keys(theme ?? {}).map((k) => `theme.${k}`)];
    await recordAudit(tx, ctx, 'help_center_settings.updated', 'help_center_settings', row.id, { fields });
    return row;
  });
}
