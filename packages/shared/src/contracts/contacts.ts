import { z } from 'zod';
import { CustomValues, Email, Locale, NonEmptyText, PageQuery, Text, TimeZone, Uuid, patchBody } from './common.ts';

export const IDENTITY_KINDS = ['email', 'phone', 'chat', 'external'] as const;
export const Identity = z.strictObject({ kind: z.enum(IDENTITY_KINDS), value: NonEmptyText(254) });

export const CreateContactBody = z.strictObject({
  name: Text(200).optional(),
  email: Email.optional(),
  phone: Text(50).optional(),
  organizationId: Uuid.nullable().optional(),
  identities: z.array(Identity).max(20).optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
  notes: z.string().max(20_000).optional(),
  custom: CustomValues.optional(),
});
export const UpdateContactBody = patchBody(CreateContactBody.omit({ identities: true }));
export const ContactListQuery = z.strictObject({ ...PageQuery, organizationId: Uuid.optional(), email: z.string().max(254).optional(), q: z.string().max(200).optional() });

export const CreateOrganizationBody = z.strictObject({
  name: NonEmptyText(200),
  domains: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'not a domain name')).max(50).optional(),
  notes: z.string().max(20_000).optional(),
  /** The customer tier, e.g. "Enterprise"; empty or null clears it. */
  tier: Text(40).nullable().optional().transform((v) => (v === undefined ? undefined : v || null)),
  /** Members see all of the organization's requests in the customer portal (admins only). */
  portalShared: z.boolean().optional(),
  custom: CustomValues.optional(),
});
export const UpdateOrganizationBody = patchBody(CreateOrganizationBody);
export const OrganizationListQuery = z.strictObject({ ...PageQuery, q: z.string().max(200).optional() });
