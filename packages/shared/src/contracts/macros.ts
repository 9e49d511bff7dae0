import { z } from 'zod';
import { CustomValues, Locale, NonEmptyText, PageQuery, TagName, Uuid } from './common.ts';
import { TicketPriority, TicketStatus, TicketType } from './tickets.ts';

/**
 * The placeholders a macro's text may use. A value a ticket does not have (a requester without
 * a name, a ticket without an organization, automation without an agent) renders as empty text.
 */
export const MACRO_PLACEHOLDERS = [
  'customer.first_name',
  'customer.last_name',
  'customer.name',
  'customer.email',
  'ticket.number',
  'ticket.subject',
  'ticket.status',
  'agent.name',
  'agent.first_name',
  'organization.name',
] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];
export type MacroValues = Partial<Record<MacroPlaceholder, string | number | null | undefined>>;

/** The languages a macro's text comes in. */
export const MACRO_LOCALES = ['en', 'de'] as const;
export type MacroLocale = (typeof MACRO_LOCALES)[number];

/** How `{{ticket.status}}` reads to a customer in each language. */
export const MACRO_STATUS_WORDS: Record<MacroLocale, Record<(typeof TicketStatus.options)[number], string>> = {
  en: { new: 'new', open: 'open', pending: 'pending', on_hold: 'on hold', solved: 'solved', closed: 'closed' },
  de: { new: 'neu', open: 'offen', pending: 'wartend', on_hold: 'zurückgestellt', solved: 'gelöst', closed: 'geschlossen' },
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(MACRO_PLACEHOLDERS);

/** Every `{{…}}` in a text whose name is not a known placeholder, as written (each once). */
export function unknownPlaceholders(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!KNOWN.has(m[1]!)) out.add(m[0]);
  return [...out];
}

/**
 * Fills a macro text's placeholders. The result is plain text: values are inserted as they
 * are and never interpreted as markup. Missing values become empty text.
 *
 * @example
 * renderMacroText('Hallo {{customer.first_name}}, zu #{{ticket.number}}', { 'customer.first_name': 'Maria', 'ticket.number': 42 })
 * // 'Hallo Maria, zu #42'
 */
export function renderMacroText(text: string, values: MacroValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!KNOWN.has(name)) return whole;
    const v = values[name as MacroPlaceholder];
    return v === null || v === undefined ? '' : String(v);
  });
}

/** Splits a person's name into first and last name: the first word, and the rest. */
export function splitName(name: string | null | undefined): { first: string; last: string } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return { first: parts[0] ?? '', last: parts.slice(1).join(' ') };
}

/** A shortcut such as `refund`: letters, digits, `-` and `_`, stored lower-case; a leading `/` is dropped. */
export const MacroShortcut = z
  .string()
  .max(40)
  .transform((s) => s.trim().replace(/^\//, '').toLowerCase())
  .pipe(z.string().min(1, 'must not be empty').max(32).regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, 'letters, digits, - and _ only'));

const MacroText = z
  .string()
  .max(20_000)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
  .superRefine((s, ctx) => {
    for (const p of unknownPlaceholders(s)) ctx.addIssue({ code: 'custom', message: `unknown placeholder ${p}` });
  });

/** The text in English and/or German; at least one must be filled in. */
export const MacroTexts = z
  .strictObject({ en: MacroText.optional(), de: MacroText.optional() })
  .refine((t) => Boolean(t.en?.trim() || t.de?.trim()), { message: 'write the text in at least one language', path: ['en'] })
  .describe(
    `Plain text per language. Placeholders: ${MACRO_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}; any other {{…}} is refused. A value the ticket does not have renders as empty text. The requester's language picks the variant, else the agent's, else the one that exists.`,
  );

/** What applying the macro changes on the ticket. `assigneeId: 'me'` assigns the agent who applies it. */
export const MacroActions = z.strictObject({
  status: TicketStatus.exclude(['new', 'closed']).optional(),
  priority: TicketPriority.optional(),
  type: TicketType.nullable().optional(),
  teamId: Uuid.nullable().optional(),
  assigneeId: z.union([Uuid, z.literal('me')]).nullable().optional(),
  addTags: z.array(TagName).max(20).optional(),
  removeTags: z.array(TagName).max(20).optional(),
  custom: CustomValues.optional(),
});
export type MacroActions = z.infer<typeof MacroActions>;

export const MACRO_SCOPES = ['shared', 'personal'] as const;
export const MacroScope = z.enum(MACRO_SCOPES);

export const CreateMacroBody = z.strictObject({
  name: NonEmptyText(120),
  shortcut: MacroShortcut.nullable().optional(),
  /** Shared macros are for every agent and only admins manage them; personal ones are the creator's alone. */
  scope: MacroScope.default('personal'),
  texts: MacroTexts,
  actions: MacroActions.default({}),
  active: z.boolean().default(true),
});
export const UpdateMacroBody = z.strictObject({
  name: NonEmptyText(120).optional(),
  shortcut: MacroShortcut.nullable().optional(),
  texts: MacroTexts.optional(),
  actions: MacroActions.optional(),
  active: z.boolean().optional(),
});
export type CreateMacroInput = z.infer<typeof CreateMacroBody>;
export type UpdateMacroInput = z.infer<typeof UpdateMacroBody>;

export const MacroListQuery = z.strictObject({
  ...PageQuery,
  /** Matches shortcut and name; macros whose shortcut starts with it come first. */
  q: z.string().trim().max(100).optional(),
  scope: z.enum(['all', 'shared', 'personal']).default('all'),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const ApplyMacroBody = z.strictObject({
  /** Also add the rendered text to the ticket: as an internal note or a public reply. */
  post: z.enum(['none', 'note', 'reply']).default('none'),
  /** The ticket version the agent has seen; a mismatch answers 409 version_conflict. */
  version: z.number().int().positive().optional(),
  /** The language the agent's screen shows, used when the requester has no language of their own. */
  locale: Locale.optional(),
});

/** Response shapes. */
export interface Macro {
  id: string;
  name: string;
  shortcut: string | null;
  scope: 'shared' | 'personal';
  ownerId: string | null;
  texts: Partial<Record<MacroLocale, string>>;
  actions: MacroActions;
  active: boolean;
  usageCount: number;
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What applying a macro answers, besides the ticket as stored afterwards and the posted message. */
export interface MacroApplication {
  /** The rendered text for the composer; null when the macro has no text. */
  text: string | null;
  locale: MacroLocale | null;
  /** Whether the field actions changed the ticket. */
  changed: boolean;
}

export const MacroIdParams = z.strictObject({ id: Uuid });
export const ApplyMacroParams = z.strictObject({ id: Uuid, macroId: Uuid });
