import type { TextKey } from './i18n';

/** Whether a content type is in the channel's list; `image/*` allows every image type. */
export function typeAllowed(type: string, allowed: readonly string[]): boolean {
  const t = type.toLowerCase().split(';')[0]!.trim();
  if (!t) return false;
  return allowed.some((a) => {
    const rule = a.toLowerCase();
    return rule.endsWith('/*') ? t.startsWith(rule.slice(0, -1)) : t === rule;
  });
}

/**
 * Checks a chosen file against the channel's limits before it is uploaded, so the visitor hears
 * at once why it cannot be sent. Returns the problem (a text key) or null. The server checks again,
 * sniffing the real type.
 */
export function fileProblem(file: { name: string; size: number; type: string }, limits: { maxUploadBytes: number; allowedUploadTypes: readonly string[] }): TextKey | null {
  if (limits.maxUploadBytes <= 0 || file.size > limits.maxUploadBytes) return 'fileTooLarge';
  if (!typeAllowed(file.type, limits.allowedUploadTypes)) return 'fileType';
  return null;
}
