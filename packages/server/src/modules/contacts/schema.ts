import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    /** The customer tier (e.g. "Enterprise"), used by SLA policies and triggers; null when none. */
    tier: text('tier'),
    /** Members may see all of the organization's tickets in the customer portal. */
    portalShared: boolean('portal_shared').notNull().default(false),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_name_key').on(sql`lower(${t.name})`),
    index('organizations_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** End customers. Their addresses and ids live in contact_identities. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().default(''),
    /** The primary email, mirrored from identities for lists and search. */
    email: text('email'),
    phone: text('phone'),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    locale: text('locale'),
    timeZone: text('time_zone'),
    notes: text('notes').notNull().default(''),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('contacts_org_idx').on(t.organizationId),
    index('contacts_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('contacts_email_trgm').using('gin', sql`${t.email} gin_trgm_ops`),
    index('contacts_created_idx').on(t.createdAt, t.id),
  ],
);

/** Ways to recognise a contact: email, phone, chat visitor id, external id. Unique per kind. */
export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['email', 'phone', 'chat', 'external'] }).notNull(),
    value: text('value').notNull(),
    verified: boolean('verified').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_identities_kind_value_key').on(t.kind, t.value), index('contact_identities_contact_idx').on(t.contactId)],
);
