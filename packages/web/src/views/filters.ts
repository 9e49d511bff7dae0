import { TICKET_SORTS, ViewFilters } from '@servus/shared';
import type { FieldKind, TicketSort } from '../api/types';

export type Filters = ViewFilters;

const LIST_KEYS = ['status', 'priority', 'type', 'channel', 'tag'] as const;
const SCALAR_KEYS = ['assigneeId', 'teamId', 'requesterId', 'organizationId', 'createdAfter', 'createdBefore', 'updatedAfter', 'updatedBefore'] as const;
const CUSTOM_PREFIX = 'custom.';

/**
 * Writes filters (and a sort) as URL parameters: lists comma-separated, custom fields as
 * `custom.<key>=<value>`, empty values left out, keys in a stable order.
 *
 * @example
 * filtersToParams({ status: ['open', 'new'], assigneeId: 'me' }, '-updated_at').toString()
 * // "status=open%2Cnew&assigneeId=me&sort=-updated_at"
 */
export function filtersToParams(filters: Filters, sort?: TicketSort): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const v = filters[key];
    if (v && v.length) p.set(key, v.join(','));
  }
  for (const key of SCALAR_KEYS) {
    const v = filters[key];
    if (v) p.set(key, v);
  }
  if (filters.slaDueWithin !== undefined) p.set('slaDueWithin', String(filters.slaDueWithin));
  for (const [key, value] of Object.entries(filters.custom ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === '' || value === null || value === undefined) continue;
    p.set(`${CUSTOM_PREFIX}${key}`, String(value));
  }
  if (sort) p.set('sort', sort);
  return p;
}

function coerceCustom(raw: string, kind: FieldKind | undefined): string | number | boolean | undefined {
  if (kind === 'number') {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  if (kind === 'checkbox') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  return raw;
}

/**
 * Reads filters and a sort back from URL parameters. Each filter is checked against the
 * shared `ViewFilters` schema on its own, so one bad value drops only itself. Custom field
 * values are typed by the field definitions (`kinds`): numbers, checkboxes as booleans.
 */
export function paramsToFilters(params: URLSearchParams, kinds: Record<string, FieldKind> = {}): { filters: Filters; sort: TicketSort | undefined } {
  const filters: Record<string, unknown> = {};
  const keep = (key: string, value: unknown) => {
    const one = ViewFilters.safeParse({ [key]: value });
    if (one.success) Object.assign(filters, one.data);
  };
  for (const key of LIST_KEYS) {
    const raw = params.get(key);
    if (!raw) continue;
    const items = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
    const valid = items.filter((item) => ViewFilters.safeParse({ [key]: [item] }).success);
    if (valid.length) keep(key, valid);
  }
  for (const key of SCALAR_KEYS) {
    const raw = params.get(key);
    if (raw) keep(key, raw);
  }
  const due = params.get('slaDueWithin');
  if (due && /^\d+$/.test(due)) keep('slaDueWithin', Number(due));
  const custom: Record<string, string | number | boolean> = {};
  for (const [name, raw] of params) {
    if (!name.startsWith(CUSTOM_PREFIX)) continue;
    const key = name.slice(CUSTOM_PREFIX.length);
    const value = coerceCustom(raw, kinds[key]);
    if (key && value !== undefined) custom[key] = value;
  }
  if (Object.keys(custom).length) keep('custom', custom);
  const s = params.get('sort');
  const sort = (TICKET_SORTS as readonly string[]).includes(s ?? '') ? (s as TicketSort) : undefined;
  return { filters: filters as Filters, sort };
}

/** The `/api/v1/tickets` query for filters (custom-field filters apply to saved views only). */
export function filtersToTicketQuery(filters: Filters, sort: TicketSort): Record<string, string> {
  const p = filtersToParams({ ...filters, custom: undefined }, sort);
  return Object.fromEntries(p.entries());
}

/** True when no filter is set. */
export function isEmptyFilters(filters: Filters): boolean {
  return filtersToParams(filters).toString() === '';
}
