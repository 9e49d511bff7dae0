import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { escapeLike, type Executor } from '../../platform/db.ts';
import type { Cursor } from '../../platform/pagination.ts';
import { contactIdentities, contacts, organizations } from './schema.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type IdentityRow = typeof contactIdentities.$inferSelect;

export async function findContact(db: Executor, id: string): Promise<ContactRow | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row;
}

export async function identitiesOf(db: Executor, contactId: string): Promise<IdentityRow[]> {
  return db.select().from(contactIdentities).where(eq(contactIdentities.contactId, contactId)).orderBy(asc(contactIdentities.createdAt));
}

export async function findContactByIdentity(db: Executor, kind: IdentityRow['kind'], value: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select({ contact: contacts })
    .from(contactIdentities)
    .innerJoin(contacts, eq(contacts.id, contactIdentities.contactId))
    .where(and(eq(contactIdentities.kind, kind), eq(contactIdentities.value, value)));
  return row?.contact;
}

/** Newest first, keyset-paginated. */
export async function listContacts(
  db: Executor,
  f: { organizationId?: string; email?: string; q?: string; cursor: Cursor | null; limit: number },
): Promise<ContactRow[]> {
  const where: SQL[] = [];
  if (f.organizationId) where.push(eq(contacts.organizationId, f.organizationId));
  if (f.email) where.push(eq(contacts.email, f.email.trim().toLowerCase()));
  if (f.q) where.push(sql`(${contacts.name} ilike ${'%' + escapeLike(f.q) + '%'} or ${contacts.email} ilike ${'%' + escapeLike(f.q) + '%'})`);
  if (f.cursor) {
    const at = new Date(String(f.cursor.v));
    where.push(or(lt(contacts.createdAt, at), and(eq(contacts.createdAt, at), lt(contacts.id, f.cursor.id)))!);
  }
  return db
    .select()
    .from(contacts)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(f.limit + 1);
}

export async function findOrganization(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

export async function listOrganizations(db: Executor, f: { q?: string; cursor: Cursor | null; limit: number }): Promise<OrganizationRow[]> {
  const where: SQL[] = [];
  if (f.q) where.push(sql`${organizations.name} ilike ${'%' + escapeLike(f.q) + '%'}`);
  if (f.cursor) {
    const name = String(f.cursor.v);
    where.push(sql`(lower(${organizations.name}), ${organizations.id}) > (${name}, ${f.cursor.id})`);
  }
  return db
    .select()
    .from(organizations)
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`lower(${organizations.name})`, asc(organizations.id))
    .limit(f.limit + 1);
}
