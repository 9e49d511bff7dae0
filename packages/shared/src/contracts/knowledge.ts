import { z } from 'zod';
import { NonEmptyText, PageQuery, TagName, Text, Uuid } from './common.ts';
import { KB_LANGUAGES } from './knowledge-links.ts';

/**
 * Knowledge-base authoring: categories, sections, articles with translations and versions.
 * Article bodies are HTML from the editor; the server sanitizes them with the article allowlist.
 */

export const KbLocale = z.enum(KB_LANGUAGES);
export const KB_STATUSES = ['draft', 'published', 'internal', 'archived'] as const;
export type KbStatus = (typeof KB_STATUSES)[number];
export const KbStatusSchema = z.enum(KB_STATUSES);

/** Lowercase ASCII words joined by single hyphens, as in public URLs. */
export const KB_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const KbSlug = z
  .string()
  .max(120)
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'must not be empty').regex(KB_SLUG_PATTERN, 'only lowercase letters, digits and single hyphens'));

const localized = (max: number) =>
  z.strictObject({ de: Text(max).optional(), en: Text(max).optional() });

/** A name per language; at least one language must be given (the other falls back to it). */
export const KbNames = localized(120).refine((n) => Boolean(n.de || n.en), 'give a name in German or English');
export const KbDescriptions = localized(500);

const IconName = z.string().max(64).regex(/^[a-z0-9-]*$/, 'a Tabler icon name such as "printer"');

export const CreateKbCategoryBody = z.strictObject({
  names: KbNames,
  descriptions: KbDescriptions.optional(),
  /** Derived from the name when left out. */
  slug: KbSlug.optional(),
  icon: IconName.optional(),
});
export const UpdateKbCategoryBody = z.strictObject({
  names: KbNames.optional(),
  descriptions: KbDescriptions.optional(),
  slug: KbSlug.optional(),
  icon: IconName.optional(),
});

export const CreateKbSectionBody = z.strictObject({
  categoryId: Uuid,
  names: KbNames,
  descriptions: KbDescriptions.optional(),
  slug: KbSlug.optional(),
});
export const UpdateKbSectionBody = z.strictObject({
  /** Moves the section to the end of another category. */
  categoryId: Uuid.optional(),
  names: KbNames.optional(),
  descriptions: KbDescriptions.optional(),
  slug: KbSlug.optional(),
});

/** A new order: every id of the list exactly once. */
export const KbOrderBody = z.strictObject({ ids: z.array(Uuid).max(1000) });

/** The article bodies the editor may send; larger bodies are refused, not cut. */
export const KB_BODY_MAX = 500_000;

const TranslationFields = {
  title: NonEmptyText(200),
  /** Derived from the title when left out. */
  slug: KbSlug.optional(),
  summary: Text(500).default(''),
  bodyHtml: z.string().max(KB_BODY_MAX).default(''),
  keywords: Text(1000).default(''),
};

export const KbTags = z.array(TagName).max(30);
export const KbRelated = z.array(Uuid).max(20);

export const CreateKbArticleBody = z.strictObject({
  sectionId: Uuid,
  /** The language of this first text; it becomes the article's source language. */
  locale: KbLocale,
  status: KbStatusSchema.default('draft'),
  tags: KbTags.default([]),
  related: KbRelated.default([]),
  ...TranslationFields,
});

export const UpdateKbArticleBody = z.strictObject({
  sectionId: Uuid.optional(),
  status: KbStatusSchema.optional(),
  tags: KbTags.optional(),
  related: KbRelated.optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});

/**
 * Saves one language. `baseVersion` is the version the editor started from (0 for a language
 * the article does not have yet); when someone saved in between, the save is refused with 409.
 */
export const SaveKbTranslationBody = z.strictObject({
  baseVersion: z.number().int().min(0),
  ...TranslationFields,
  /** Changes the article's status in the same save (one version instead of two). */
  status: KbStatusSchema.optional(),
});

export const RestoreKbVersionBody = z.strictObject({ baseVersion: z.number().int().min(1) });

export const KbArticleFromMessageBody = z.strictObject({ messageId: Uuid, sectionId: Uuid, locale: KbLocale });

export const KbArticleListQuery = z.strictObject({
  ...PageQuery,
  status: KbStatusSchema.optional(),
  sectionId: Uuid.optional(),
  /** Only articles that have this language. */
  locale: KbLocale.optional(),
  /** Free-text search in this language (the agent's, by default German). */
  q: z.string().max(300).optional(),
  tag: TagName.optional(),
  outdated: z.enum(['true', 'false']).optional(),
  sort: z.enum(['position', '-updated_at']).default('-updated_at'),
});

export type KbLocalizedText = { de?: string; en?: string };

export interface KbSection {
  id: string;
  categoryId: string;
  slug: string;
  position: number;
  names: KbLocalizedText;
  descriptions: KbLocalizedText;
  /** Articles in the section the caller may see. */
  articleCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface KbCategory {
  id: string;
  slug: string;
  position: number;
  icon: string;
  names: KbLocalizedText;
  descriptions: KbLocalizedText;
  sections: KbSection[];
  createdAt: string;
  updatedAt: string;
}

export interface KbTranslation {
  id: string;
  locale: 'de' | 'en';
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  keywords: string;
  version: number;
  /** For the non-source language: the source version it was last brought up to date with. */
  sourceVersion: number | null;
  outdated: boolean;
  viewCount: number;
  helpfulYes: number;
  helpfulNo: number;
  updatedById: string | null;
  updatedAt: string;
  /** The public address (answers only while the article is published). */
  url: string;
}

/** One article in a list: its shared fields and a short line per language. */
export interface KbArticleSummary {
  id: string;
  sectionId: string;
  position: number;
  status: KbStatus;
  tags: string[];
  sourceLocale: 'de' | 'en';
  publishedAt: string | null;
  updatedAt: string;
  translations: { locale: 'de' | 'en'; title: string; slug: string; summary: string; version: number; outdated: boolean; url: string }[];
}

export interface KbRelatedArticle {
  id: string;
  status: KbStatus;
  titles: KbLocalizedText;
}

export interface KbArticle extends Omit<KbArticleSummary, 'translations'> {
  authorId: string | null;
  createdAt: string;
  related: KbRelatedArticle[];
  translations: Partial<Record<'de' | 'en', KbTranslation>>;
  /** How many saved versions each language has. */
  versionCounts: Partial<Record<'de' | 'en', number>>;
  /** Whether the caller may change the article. */
  editable: boolean;
}

export interface KbVersionSummary {
  version: number;
  locale: 'de' | 'en';
  title: string;
  slug: string;
  status: KbStatus;
  authorId: string | null;
  authorName: string | null;
  restoredFrom: number | null;
  createdAt: string;
}

export interface KbVersion extends KbVersionSummary {
  summary: string;
  bodyHtml: string;
  keywords: string;
  tags: string[];
}

export interface KbAttachment {
  id: string;
  articleId: string | null;
  filename: string;
  contentType: string;
  size: number;
  /** Where agents fetch it (signed in). */
  contentUrl: string;
  /** The address to put in an article; it answers the public once the article is published. */
  publicUrl: string;
  createdAt: string;
}
