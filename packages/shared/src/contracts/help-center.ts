import { z } from 'zod';
import { IsoDate, NonEmptyText } from './common.ts';

/** The languages the public help center is served in. */
export const HELP_CENTER_LOCALES = ['de', 'en'] as const;
export const HelpCenterLocale = z.enum(HELP_CENTER_LOCALES);
export type HelpCenterLocaleName = z.infer<typeof HelpCenterLocale>;

/** A theme colour: exactly `#rrggbb`, so nothing else can reach the page's CSS. */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1c5fd4');

/**
 * A logo address: an https URL, or a file the help center serves itself
 * (`/help/files/<id>/<name>`); empty for none. Quotes, spaces and angle brackets never pass.
 */
export const LogoUrl = z
  .string()
  .max(2000)
  .transform((s) => s.trim())
  .refine(
    (s) => s === '' || /^https:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s"'<>\\]*)?$/.test(s) || /^\/help\/files\/[0-9a-f-]{36}(?:\/[A-Za-z0-9._~%!$&()*+,;=:@-]{1,400})?$/.test(s),
    'must be an https URL or a /help/files/ address',
  );

export const HelpCenterTheme = z.strictObject({
  /** Shown in the header, the title of every page and the footer. */
  name: NonEmptyText(80),
  logoUrl: LogoUrl,
  primaryColor: HexColor,
  accentColor: HexColor,
});
export type HelpCenterThemeValue = z.infer<typeof HelpCenterTheme>;

/** A change of the help center settings (admin): only the given fields change; theme fields merge. */
export const HelpCenterSettingsBody = z.strictObject({
  /** Off: every /help page answers 404. */
  enabled: z.boolean().optional(),
  theme: HelpCenterTheme.partial().optional(),
  /** The language of /help for visitors whose browser prefers neither German nor English. */
  defaultLocale: HelpCenterLocale.optional(),
  contactFormEnabled: z.boolean().optional(),
  portalEnabled: z.boolean().optional(),
});
export type HelpCenterSettingsInput = z.infer<typeof HelpCenterSettingsBody>;

export interface HelpCenterSettings {
  enabled: boolean;
  theme: HelpCenterThemeValue;
  defaultLocale: HelpCenterLocaleName;
  contactFormEnabled: boolean;
  portalEnabled: boolean;
  updatedAt: string;
}

/** The public article search the help center's suggestions use. */
export const HelpSearchQuery = z.strictObject({
  q: z.string().max(300),
  lang: HelpCenterLocale,
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

export interface HelpSearchHit {
  title: string;
  summary: string;
  /** The article's address in the help center, e.g. `/help/de/articles/bondrucker-druckt-nicht`. */
  url: string;
}

/**
 * Suggestions while a customer types the subject of the contact form. With the form's token
 * each suggestion is recorded for the deflection report and its link records when it is opened.
 */
export const HelpSuggestionsBody = z.strictObject({
  q: z.string().max(300),
  lang: HelpCenterLocale,
  /** The contact form's token; without a valid one nothing is recorded. */
  token: z.string().max(300).optional(),
});

export const DeflectionReportQuery = z.strictObject({
  /** Start of the period (inclusive); default 30 days before `to`. */
  from: IsoDate.optional(),
  /** End of the period (exclusive); default now. */
  to: IsoDate.optional(),
});

/**
 * What the contact form's suggestions achieved in a period. Counts are of suggestions (one
 * article shown in one form visit), except `visits` and `tickets`.
 */
export interface DeflectionReport {
  from: string;
  to: string;
  /** Form visits in which at least one article was suggested. */
  visits: number;
  /** Tickets created through the contact form. */
  tickets: number;
  suggested: number;
  opened: number;
  /** Opened suggestions whose visit still ended in a ticket. */
  followedByTicket: number;
  /** Opened suggestions whose visit ended without a ticket: likely answered by the article. */
  candidates: number;
  /** The articles opened most from the form, by deflection candidates. */
  articles: { translationId: string; locale: HelpCenterLocaleName; title: string; url: string | null; opened: number; candidates: number }[];
}
