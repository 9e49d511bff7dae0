import { STAFFING_CHANNELS, type StaffingSettings, type StaffingSettingsInput } from '@servus/shared';
import type { Ctx } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db.ts';
import { recordAudit } from '../../system/audit.ts';
import { getSetting } from '../../system/settings.ts';
import { settings } from '../../system/schema.ts';

const KEY = 'staffing.channels';

/** Handle time and answer target per channel when the admin set none. Async channels target a reply time. */
export const CHANNEL_DEFAULTS: Record<string, { ahtSeconds: number; targetSeconds: number; async: boolean }> = {
  chat: { ahtSeconds: 300, targetSeconds: 60, async: false },
  phone: { ahtSeconds: 240, targetSeconds: 20, async: false },
  email: { ahtSeconds: 480, targetSeconds: 4 * 3600, async: true },
  web: { ahtSeconds: 480, targetSeconds: 4 * 3600, async: true },
  form: { ahtSeconds: 480, targetSeconds: 4 * 3600, async: true },
  api: { ahtSeconds: 480, targetSeconds: 4 * 3600, async: true },
};

/** Every channel's effective handle time and target: the admin's where set, else the built-in default. */
export async function getStaffingSettings(db: Executor): Promise<StaffingSettings> {
  const stored = (await getSetting<StaffingSettingsInput['channels']>(db, KEY)) ?? {};
  const channels = {} as StaffingSettings['channels'];
  for (const c of STAFFING_CHANNELS) {
    const custom = stored[c];
    channels[c] = { ...CHANNEL_DEFAULTS[c]!, ...(custom ?? {}), custom: Boolean(custom) };
  }
  return { channels };
}

/** Replaces the per-channel settings (admin); channels left out return to the built-in defaults. */
export async function saveStaffingSettings(ctx: Ctx, input: StaffingSettingsInput): Promise<StaffingSettings> {
  await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    await tx.insert(settings).values({ key: KEY, value: input.channels, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value: input.channels, updatedAt: now } });
    await recordAudit(tx, ctx, 'staffing_settings.updated', 'settings', KEY, { channels: Object.keys(input.channels) });
  });
  return getStaffingSettings(ctx.db);
}
