import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { contactIdentities, contacts } from '../schema.ts';
import { findContact, findContactByIdentity, findOrganization, type ContactRow } from '../repository.ts';
import { normalizeIdentity } from '../identities.ts';
import type { CreateContactInput } from './create-contact.ts';

/**
 * Changes a contact. A new primary email or phone becomes an identity too; one that
 * belongs to another contact is 409.
 */
export async function updateContact(ctx: Ctx, id: string, input: Omit<CreateContactInput, 'identities'>): Promise<ContactRow> {
  return inTransaction(ctx, async (tx, emit) => {
    const current = await findContact(tx, id);
    if (!current) throw notFound('contact');
    if (input.organizationId && !(await findOrganization(tx, input.organizationId))) {
      throw new AppError('validation_failed', 'unknown organization', [{ path: 'body.organizationId', message: 'no such organization' }]);
    }
    const now = ctx.clock.now();
    const patch: Partial<typeof contacts.$inferInsert> = { updatedAt: now };
    for (const kind of ['email', 'phone'] as const) {
      const raw = input[kind];
      if (raw === undefined) continue;
      const value = normalizeIdentity(kind, raw);
      const owner = await findContactByIdentity(tx, kind, value);
      if (owner && owner.id !== id) throw new AppError('conflict', `a contact with this ${kind} exists`, [{ path: `body.${kind}`, message: 'already in use' }]);
      if (!owner) await tx.insert(contactIdentities).values({ contactId: id, kind, value, createdAt: now });
      patch[kind] = value;
    }
    if (input.name !== undefined) patch.name = input.name;
    if (input.organizationId !== undefined) patch.organizationId = input.organizationId;
    if (input.locale !== undefined) patch.locale = input.locale;
    if (input.timeZone !== undefined) patch.timeZone = input.timeZone;
    if (input.notes !== undefined) patch.notes = input.notes;
    if (input.custom !== undefined) patch.custom = input.custom;
    const [row] = await tx.update(contacts).set(patch).where(eq(contacts.id, id)).returning();
    emit({ type: 'contact.updated', payload: { contactId: id }, actor: actorRef(ctx.actor) });
    return row!;
  });
}

/** Adds an identity (email, phone, chat, external id) to a contact. */
export async function addIdentity(ctx: Ctx, contactId: string, input: { kind: 'email' | 'phone' | 'chat' | 'external'; value: string }) {
  return inTransaction(ctx, async (tx) => {
    if (!(await findContact(tx, contactId))) throw notFound('contact');
    const value = normalizeIdentity(input.kind, input.value);
    const owner = await findContactByIdentity(tx, input.kind, value);
    if (owner) throw new AppError('conflict', `this ${input.kind} already belongs to a contact`, [{ path: 'body.value', message: 'already in use' }]);
    const [row] = await tx.insert(contactIdentities).values({ contactId, kind: input.kind, value, createdAt: ctx.clock.now() }).returning();
    return row!;
  });
}

/** Removes an identity; the primary email or phone mirrored on the contact is cleared with it. */
export async function removeIdentity(ctx: Ctx, contactId: string, identityId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .delete(contactIdentities)
      .where(and(eq(contactIdentities.id, identityId), eq(contactIdentities.contactId, contactId)))
      .returning();
    if (!row) throw notFound('identity');
    if (row.kind === 'email') await tx.update(contacts).set({ email: null }).where(and(eq(contacts.id, contactId), eq(contacts.email, row.value)));
    if (row.kind === 'phone') await tx.update(contacts).set({ phone: null }).where(and(eq(contacts.id, contactId), eq(contacts.phone, row.value)));
  });
}
