import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agents } from '../auth/schema.ts';
import { blobs, tickets } from '../tickets/schema.ts';
import { chatConversations } from '../chat/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The languages the knowledge base is written in. */
export const KB_LOCALES = ['de', 'en'] as const;
export type KbLocale = (typeof KB_LOCALES)[number];
/** draft: being written; published: public; internal: agents only; archived: withdrawn, kept for history. */
export const KB_ARTICLE_STATUSES = ['draft', 'published', 'internal', 'archived'] as const;
export type KbArticleStatus = (typeof KB_ARTICLE_STATUSES)[number];

/** A name or description per language; a missing language falls back to the other. */
export type KbLocalized = Partial<Record<KbLocale, string>>;

export const kbCategories = pgTable(
  'kb_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    position: integer('position').notNull().default(0),
    icon: text('icon').notNull().default(''),
    names: jsonb('names').$type<KbLocalized>().notNull(),
    descriptions: jsonb('descriptions').$type<KbLocalized>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_categories_slug_key').on(t.slug)],
);

export const kbSections = pgTable(
  'kb_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => kbCategories.id),
    slug: text('slug').notNull(),
    position: integer('position').notNull().default(0),
    names: jsonb('names').$type<KbLocalized>().notNull(),
    descriptions: jsonb('descriptions').$type<KbLocalized>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_sections_slug_key').on(t.slug), index('kb_sections_category_idx').on(t.categoryId, t.position)],
);

/** An article: what is shared by its translations (place, status, tags, related articles). */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sectionId: uuid('section_id')
      .notNull()
      .references(() => kbSections.id),
    position: integer('position').notNull().default(0),
    status: text('status', { enum: KB_ARTICLE_STATUSES }).notNull().default('draft'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Related articles, in the order shown. Ids of deleted articles are skipped when read. */
    related: uuid('related').array().notNull().default(sql`'{}'::uuid[]`),
    /** The language the article is written in first; the other translation follows it. */
    sourceLocale: text('source_locale', { enum: KB_LOCALES }).notNull().default('de'),
    authorId: uuid('author_id').references(() => agents.id, { onDelete: 'set null' }),
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('kb_articles_section_idx').on(t.sectionId, t.position), index('kb_articles_status_idx').on(t.status)],
);

/**
 * One language of an article. `version` counts its saves; a translation whose source
 * (the article's source language) moved past `sourceVersion` is outdated.
 */
export const kbArticleTranslations = pgTable(
  'kb_article_translations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: KB_LOCALES }).notNull(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    /** The meta description and the teaser in lists and search results. */
    summary: text('summary').notNull().default(''),
    /** Sanitized HTML (editor allowlist, embeds from the allowlist only). */
    bodyHtml: text('body_html').notNull().default(''),
    /** The body as plain text, for search, passages and the answer bot. */
    bodyText: text('body_text').notNull().default(''),
    /** Extra search words (synonyms, product names) in this language. */
    keywords: text('keywords').notNull().default(''),
    version: integer('version').notNull().default(1),
    /** For a translation: the source translation's version it was last brought up to date with. */
    sourceVersion: integer('source_version'),
    outdated: boolean('outdated').notNull().default(false),
    viewCount: integer('view_count').notNull().default(0),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    updatedById: uuid('updated_by_id').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector(case when locale = 'de' then 'german'::regconfig else 'english'::regconfig end, coalesce(title, '')), 'A') || setweight(to_tsvector(case when locale = 'de' then 'german'::regconfig else 'english'::regconfig end, coalesce(keywords, '') || ' ' || coalesce(summary, '')), 'B') || setweight(to_tsvector(case when locale = 'de' then 'german'::regconfig else 'english'::regconfig end, left(coalesce(body_text, ''), 200000)), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('kb_article_translations_article_locale_key').on(t.articleId, t.locale),
    uniqueIndex('kb_article_translations_slug_key').on(t.locale, t.slug),
    index('kb_article_translations_search_idx').using('gin', t.searchVector),
    index('kb_article_translations_title_trgm').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
  ],
);

/** Every saved state of a translation, for viewing and restoring. */
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: KB_LOCALES }).notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    summary: text('summary').notNull().default(''),
    bodyHtml: text('body_html').notNull(),
    keywords: text('keywords').notNull().default(''),
    status: text('status', { enum: KB_ARTICLE_STATUSES }).notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    authorId: uuid('author_id').references(() => agents.id, { onDelete: 'set null' }),
    /** Set when this version was made by restoring an older one. */
    restoredFrom: integer('restored_from'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_article_versions_key').on(t.articleId, t.locale, t.version)],
);

/** Images, files and videos uploaded into articles. Public only while their article is published. */
export const kbAttachments = pgTable(
  'kb_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id').references(() => kbArticles.id, { onDelete: 'cascade' }),
    blobSha256: text('blob_sha256')
      .notNull()
      .references(() => blobs.sha256),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedById: uuid('uploaded_by_id').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('kb_attachments_article_idx').on(t.articleId)],
);

/** "Was this helpful?" answers, with an optional comment. */
export const kbFeedback = pgTable(
  'kb_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    translationId: uuid('translation_id')
      .notNull()
      .references(() => kbArticleTranslations.id, { onDelete: 'cascade' }),
    helpful: boolean('helpful').notNull(),
    comment: text('comment').notNull().default(''),
    /** A keyed hash of the voter (cookie or address), so one visitor's repeated votes count once. */
    voter: text('voter').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kb_feedback_voter_key').on(t.translationId, t.voter), index('kb_feedback_created_idx').on(t.createdAt)],
);

/**
 * Articles suggested to a customer (contact form, answer bot) and whether they opened one.
 * An opened suggestion whose visit ended without a ticket is a deflection candidate.
 */
export const kbDeflections = pgTable(
  'kb_deflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Where it was suggested: the contact form or the answer bot. */
    source: text('source', { enum: ['form', 'bot', 'search'] }).notNull(),
    /** One visit of the form (or one bot conversation), a random id. */
    visit: text('visit').notNull(),
    query: text('query').notNull().default(''),
    translationId: uuid('translation_id').references(() => kbArticleTranslations.id, { onDelete: 'set null' }),
    openedAt: ts('opened_at'),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('kb_deflections_visit_idx').on(t.visit), index('kb_deflections_created_idx').on(t.createdAt)],
);

export interface HelpCenterTheme {
  name: string;
  /** An https URL or a path served by the help center (`/help/files/…`); empty for none. */
  logoUrl: string;
  primaryColor: string;
  accentColor: string;
}

export interface BotSettings {
  /** The answer bot greets chat visitors and answers before an agent is asked. */
  chatEnabled: boolean;
  /** Suggest articles in the automatic acknowledgement of a new email ticket. */
  emailSuggestions: boolean;
  /** retrieval: passages from the knowledge base (offline); llm: composed by a configured model. */
  mode: 'retrieval' | 'llm';
  llm: { baseUrl: string; model: string; apiKey: string; timeoutMs: number };
}

/** The help center, portal and answer bot settings of the installation: one row, keyed `default`. */
export const helpCenterSettings = pgTable('help_center_settings', {
  id: text('id').primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  theme: jsonb('theme').$type<HelpCenterTheme>().notNull(),
  defaultLocale: text('default_locale', { enum: KB_LOCALES }).notNull().default('de'),
  contactFormEnabled: boolean('contact_form_enabled').notNull().default(true),
  portalEnabled: boolean('portal_enabled').notNull().default(true),
  bot: jsonb('bot').$type<BotSettings>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** How a bot conversation ended. A resolution counts only when the customer confirmed it. */
export const BOT_OUTCOMES = ['answering', 'confirmed', 'handed_over', 'abandoned'] as const;
export type BotOutcome = (typeof BOT_OUTCOMES)[number];

/** One conversation the answer bot took part in (a chat, or an email acknowledgement). */
export const botSessions = pgTable(
  'bot_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: ['chat', 'email'] }).notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => chatConversations.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: KB_LOCALES }).notNull(),
    outcome: text('outcome', { enum: BOT_OUTCOMES }).notNull().default('answering'),
    /** How many answers the bot gave (0 when it found nothing). */
    answers: integer('answers').notNull().default(0),
    /** The articles suggested, newest answer last (translation ids). */
    suggested: jsonb('suggested').$type<string[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
  },
  (t) => [uniqueIndex('bot_sessions_conversation_key').on(t.conversationId), index('bot_sessions_created_idx').on(t.createdAt), index('bot_sessions_ticket_idx').on(t.ticketId)],
);
