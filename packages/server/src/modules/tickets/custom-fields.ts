import { AppError } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db.ts';
import { activeTicketFields } from './repository.ts';

/**
 * Checks ticket custom values against the admin-defined fields: unknown keys, wrong kinds and
 * options outside a select list are 400 with the field path. `null` clears a value.
 */
export async function validateCustom(db: Executor, custom: Record<string, unknown>, path = 'body.custom'): Promise<Record<string, unknown>> {
  const keys = Object.keys(custom);
  if (keys.length === 0) return custom;
  const fields = await activeTicketFields(db);
  const details: { path: string; message: string }[] = [];
  for (const key of keys) {
    const f = fields.find((x) => x.key === key);
    const v = custom[key];
    if (!f) {
      details.push({ path: `${path}.${key}`, message: 'unknown custom field' });
      continue;
    }
    if (v === null) continue;
    const ok =
      (f.kind === 'text' && typeof v === 'string') ||
      (f.kind === 'number' && typeof v === 'number' && Number.isFinite(v)) ||
      (f.kind === 'checkbox' && typeof v === 'boolean') ||
      (f.kind === 'select' && typeof v === 'string' && f.options.includes(v)) ||
      (f.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));
    if (!ok) details.push({ path: `${path}.${key}`, message: f.kind === 'select' ? `must be one of: ${f.options.join(', ')}` : `must be a ${f.kind}` });
  }
  if (details.length) throw new AppError('validation_failed', 'invalid custom fields', details);
  return custom;
}
