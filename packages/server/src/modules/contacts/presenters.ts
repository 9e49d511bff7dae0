import type { ContactRow, IdentityRow, OrganizationRow } from './repository.ts';

export function presentContact(c: ContactRow, identities?: IdentityRow[]) {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    organizationId: c.organizationId,
    locale: c.locale,
    timeZone: c.timeZone,
    notes: c.notes,
    custom: c.custom,
    ...(identities && {
      identities: identities.map((i) => ({ id: i.id, kind: i.kind, value: i.value, verified: i.verified })),
    }),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentOrganization(o: OrganizationRow) {
  return {
    id: o.id,
    name: o.name,
    domains: o.domains,
    notes: o.notes,
    tier: o.tier,
    portalShared: o.portalShared,
    custom: o.custom,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
