import { unknownPlaceholders, type Macro, type MacroActions } from '@servus/shared';
import type { TFunction } from 'i18next';

/** 'keep' leaves a field as it is; 'none' clears it (type, team, assignee); 'me' assigns the applying agent. */
export interface MacroFormState {
  name: string;
  shortcut: string;
  active: boolean;
  en: string;
  de: string;
  status: string;
  priority: string;
  type: string;
  teamId: string;
  assigneeId: string;
  addTags: string[];
  removeTags: string[];
  /** Kept as they are: the form does not edit custom field values. */
  custom: MacroActions['custom'];
}

/** The select value for "leave as it is". */
export const KEEP = 'keep';
export const NAME_MAX = 120;
export const TEXT_MAX = 20_000;
const SHORTCUT = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,31}$/u;

export function initialMacroState(m: Macro | null): MacroFormState {
  const a = m?.actions ?? {};
  const pick = (v: string | null | undefined) => (v === undefined ? KEEP : v === null ? 'none' : v);
  return {
    name: m?.name ?? '',
    shortcut: m?.shortcut ?? '',
    active: m?.active ?? true,
    en: m?.texts.en ?? '',
    de: m?.texts.de ?? '',
    status: a.status ?? KEEP,
    priority: a.priority ?? KEEP,
    type: pick(a.type),
    teamId: pick(a.teamId),
    assigneeId: pick(a.assigneeId),
    addTags: [...(a.addTags ?? [])],
    removeTags: [...(a.removeTags ?? [])],
    custom: a.custom,
  };
}

/** The field actions the form describes; only what changes anything is sent. */
export function actionsOf(s: MacroFormState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const orNull = (v: string) => (v === 'none' ? null : v);
  if (s.status !== KEEP) out.status = s.status;
  if (s.priority !== KEEP) out.priority = s.priority;
  if (s.type !== KEEP) out.type = orNull(s.type);
  if (s.teamId !== KEEP) out.teamId = orNull(s.teamId);
  if (s.assigneeId !== KEEP) out.assigneeId = orNull(s.assigneeId);
  if (s.addTags.length) out.addTags = s.addTags;
  if (s.removeTags.length) out.removeTags = s.removeTags;
  if (s.custom && Object.keys(s.custom).length) out.custom = s.custom;
  return out;
}

/** The request body for POST (with the scope) and PATCH. */
export function macroBody(s: MacroFormState, scope?: 'shared' | 'personal'): Record<string, unknown> {
  const texts: Record<string, string> = {};
  if (s.en.trim()) texts.en = s.en;
  if (s.de.trim()) texts.de = s.de;
  return {
    name: s.name.trim(),
    shortcut: s.shortcut.trim().replace(/^\//, '') || null,
    ...(scope && { scope }),
    texts,
    actions: actionsOf(s),
    active: s.active,
  };
}

/** Where the server's error paths land on the form. */
export const MACRO_FIELDS = ['name', 'shortcut', 'texts.en', 'texts.de', 'texts', 'actions.status', 'actions.priority', 'actions.type', 'actions.teamId', 'actions.assigneeId', 'actions.addTags', 'actions.removeTags', 'actions'];

/** Checks the form in the browser before sending, naming an unknown placeholder exactly. */
export function validateMacro(s: MacroFormState, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s.name.trim()) out.name = t('validation.required');
  else if (s.name.trim().length > NAME_MAX) out.name = t('macros.errors.nameLength', { max: NAME_MAX });
  const shortcut = s.shortcut.trim().replace(/^\//, '');
  if (shortcut && !SHORTCUT.test(shortcut)) out.shortcut = t('macros.errors.shortcut');
  if (!s.en.trim() && !s.de.trim()) out['texts.en'] = t('macros.errors.noText');
  for (const l of ['en', 'de'] as const) {
    if (s[l].length > TEXT_MAX) out[`texts.${l}`] = t('macros.errors.textLength', { max: TEXT_MAX });
    const unknown = unknownPlaceholders(s[l]);
    if (unknown.length) out[`texts.${l}`] = t('macros.errors.unknownPlaceholder', { placeholder: unknown.join(', '), count: unknown.length });
  }
  return out;
}

/** A macro that only inserts text is a canned reply. */
export function isCannedReply(m: Pick<Macro, 'actions'>): boolean {
  return Object.keys(m.actions ?? {}).length === 0;
}

/** "Status: Pending · Priority: High · Tags: +refund −new", or '' for a canned reply. */
export function actionsSummary(m: Pick<Macro, 'actions'>, t: TFunction, names: { team(id: string): string; agent(id: string): string }): string {
  const a = m.actions ?? {};
  const parts: string[] = [];
  if (a.status) parts.push(`${t('macros.fields.status')}: ${t(`status.${a.status}`)}`);
  if (a.priority) parts.push(`${t('macros.fields.priority')}: ${t(`priority.${a.priority}`)}`);
  if (a.type !== undefined) parts.push(`${t('macros.fields.type')}: ${a.type ? t(`type.${a.type}`) : t('macros.none')}`);
  if (a.teamId !== undefined) parts.push(`${t('macros.fields.team')}: ${a.teamId ? names.team(a.teamId) : t('macros.none')}`);
  if (a.assigneeId !== undefined) parts.push(`${t('macros.fields.assignee')}: ${a.assigneeId === 'me' ? t('macros.me') : a.assigneeId ? names.agent(a.assigneeId) : t('macros.none')}`);
  const tags = [...(a.addTags ?? []).map((x) => `+${x}`), ...(a.removeTags ?? []).map((x) => `−${x}`)];
  if (tags.length) parts.push(`${t('macros.fields.tags')}: ${tags.join(' ')}`);
  if (a.custom && Object.keys(a.custom).length) parts.push(t('macros.customCount', { count: Object.keys(a.custom).length }));
  return parts.join(' · ');
}
