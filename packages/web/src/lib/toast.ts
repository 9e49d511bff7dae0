import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { ApiError } from '../api/errors';

/** A readable message for any error: the server's text for API errors, a generic one otherwise. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return i18n.t('errors.network');
    if (err.code === 'version_conflict') return i18n.t('errors.versionConflict');
    if (err.code === 'forbidden') return i18n.t('errors.forbidden');
    if (err.code === 'rate_limited') return i18n.t('errors.rateLimited');
    if (err.code === 'not_found') return i18n.t('errors.notFound');
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Short confirmations and failures in the corner of the screen. */
export const toast = {
  success(message: string) {
    notifications.show({ message, color: 'teal', autoClose: 3000 });
  },
  info(message: string) {
    notifications.show({ message, color: 'gray', autoClose: 4000 });
  },
  error(err: unknown, title?: string) {
    notifications.show({ title, message: errorMessage(err), color: 'red', autoClose: 7000 });
  },
};
