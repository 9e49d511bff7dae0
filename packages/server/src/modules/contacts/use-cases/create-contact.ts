import type { Ctx } from '../../../platform/context.ts';
import { actorRef, inTransaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db.ts';
import type { Emit } from '../../../platform/events.ts';
import { AppError } from '../../../platform/errors.ts';
import { contactIdentities, contacts } from '../schema.ts';
import { findContactByIdentity, findOrganization, type ContactRow } from '../repository.ts';
import { normalizeIdentity } from '../identities.ts';

export interface CreateContactInput {
  name?: string;
  email?: string;
  phone?: string;
  organizationId?: string | null;
  identities?: { kind: 'email' | 'phone' | 'chat' | 'external'; value: string }[];
  locale?: 'en' | 'de';
  timeZone?: string;
  notes?: string;
  custom?: Record<string, unknown>;
}

/** Creates a contact with its identities; an identity that belongs to someone else is 409. */
export async function createContact(ctx: Ctx, input: CreateContactInput): Promise<ContactRow> {
  return inTransaction(ctx, (tx, emit) => insertContact(ctx, tx, emit, input));
}

/** The insert itself, for use inside another use case's transaction. */
export async function insertContact(ctx: Ctx, tx: Tx, emit: Emit, input: CreateContactInput): Promise<ContactRow> {
  const ids = [...(input.identities ?? [])];
  if (input.email) ids.unshift({ kind: 'email', value: input.email });
  if (input.phone) ids.unshift({ kind: 'phone', value: input.phone });
  const normalized = dedupe(ids.map((i) => ({ kind: i.kind, value: normalizeIdentity(i.kind, i.value) })));
  for (const i of normalized) {
    if (await findContactByIdentity(tx, i.kind, i.value)) {
      throw new AppError('conflict', `a contact with this ${i.kind} exists`, [{ path: `body.${i.kind === 'email' ? 'email' : 'identities'}`, message: 'already in use' }]);
    }
  }
  if (input.organizationId && !(await findOrganization(tx, input.organizationId))) {
    throw new AppError('validation_failed', 'unknown organization', [{ path: 'body.organizationId', message: 'no such organization' }]);
  }
  const now = ctx.clock.now();
  const email = normalized.find((i) => i.kind === 'email')?.value ?? null;
  const phone = normalized.find((i) => i.kind === 'phone')?.value ?? null;
  const [row] = await tx
    .insert(contacts)
    .values({
      name: input.name ?? '',
      email,
      phone,
      organizationId: input.organizationId ?? null,
      locale: input.locale ?? null,
      timeZone: input.timeZone ?? null,
      notes: input.notes ?? '',
      custom: input.custom ?? {},
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (normalized.length) {
    await tx.insert(contactIdentities).values(normalized.map((i) => ({ contactId: row!.id, kind: i.kind, value: i.value, createdAt: now })));
  }
  emit({ type: 'contact.created', payload: { contactId: row!.id }, actor: actorRef(ctx.actor) });
  return row!;
}

function dedupe<T extends { kind: string; value: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const k = `${i.kind}:${i.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
