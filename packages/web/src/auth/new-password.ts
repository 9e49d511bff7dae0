import { Password } from '@servus/shared';
import i18n from '../i18n';

/**
 * The browser-side check of a newly chosen password and its repetition: the length rule on
 * `field`, then the repetition on `confirm`; `undefined` when both are fine.
 *
 * @example
 * newPasswordErrors('short', 'short', 'newPassword') // { newPassword: 'At least 10 characters' }
 */
export function newPasswordErrors(password: string, confirm: string, field: string): Record<string, string> | undefined {
  if (!Password.safeParse(password).success) return { [field]: i18n.t('validation.passwordLength') };
  if (password !== confirm) return { confirm: i18n.t('validation.passwordsDiffer') };
  return undefined;
}
