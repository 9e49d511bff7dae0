import { z } from 'zod';
import {
  ContactListQuery,
  CreateContactBody,
  CreateOrganizationBody,
  Identity,
  OrganizationListQuery,
  UpdateContactBody,
  UpdateOrganizationBody,
  Uuid,
} from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { requireAdmin, requireWriter } from '../auth/policies.ts';
import { findContact, findOrganization, identitiesOf, listContacts, listOrganizations } from './repository.ts';
import { presentContact, presentOrganization } from './presenters.ts';
import { createContact } from './use-cases/create-contact.ts';
import { addIdentity, removeIdentity, updateContact } from './use-cases/update-contact.ts';
import { requestSlaRecompute } from '../sla/sla-jobs.ts';
import { createOrganization, deleteOrganization, updateOrganization } from './use-cases/organizations.ts';

const IdParams = z.strictObject({ id: Uuid });

export function contactRoutes(app: App, services: Services): void {
  const db = services.database.db;

  app.get('/api/v1/contacts', { schema: { tags: ['contacts'], summary: 'List contacts, newest first', querystring: ContactListQuery } }, async (req) => {
    const q = req.query;
    const rows = await listContacts(db, { ...q, cursor: decodeCursor(q.cursor) });
    return pageOf(rows, q.limit, (r) => presentContact(r), (r) => ({ v: r.createdAt.toISOString(), id: r.id }));
  });

  app.get('/api/v1/contacts/:id', { schema: { tags: ['contacts'], summary: 'Get a contact with its identities', params: IdParams } }, async (req) => {
    const c = await findContact(db, req.params.id);
    if (!c) throw notFound('contact');
    return presentContact(c, await identitiesOf(db, c.id));
  });

  app.post('/api/v1/contacts', { schema: { tags: ['contacts'], summary: 'Create a contact', body: CreateContactBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    return idempotent(db, req, reply, 201, async () => {
      const c = await createContact(ctx, req.body);
      return presentContact(c, await identitiesOf(db, c.id));
    });
  });

  app.patch('/api/v1/contacts/:id', { schema: { tags: ['contacts'], summary: 'Change a contact', params: IdParams, body: UpdateContactBody } }, async (req) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    const c = await updateContact(ctx, req.params.id, req.body);
    return presentContact(c, await identitiesOf(db, c.id));
  });

  app.post('/api/v1/contacts/:id/identities', { schema: { tags: ['contacts'], summary: 'Add an identity to a contact', params: IdParams, body: Identity } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    const row = await addIdentity(ctx, req.params.id, req.body);
    reply.code(201);
    return { id: row.id, kind: row.kind, value: row.value, verified: row.verified };
  });

  app.delete(
    '/api/v1/contacts/:id/identities/:identityId',
    { schema: { tags: ['contacts'], summary: 'Remove an identity', params: z.strictObject({ id: Uuid, identityId: Uuid }) } },
    async (req, reply) => {
      const ctx = agentCtx(services, req);
      requireWriter(ctx.actor);
      await removeIdentity(ctx, req.params.id, req.params.identityId);
      return reply.code(204).send();
    },
  );

  app.get('/api/v1/organizations', { schema: { tags: ['organizations'], summary: 'List organizations by name', querystring: OrganizationListQuery } }, async (req) => {
    const q = req.query;
    const rows = await listOrganizations(db, { q: q.q, limit: q.limit, cursor: decodeCursor(q.cursor) });
    return pageOf(rows, q.limit, presentOrganization, (r) => ({ v: r.name.toLowerCase(), id: r.id }));
  });

  app.get('/api/v1/organizations/:id', { schema: { tags: ['organizations'], summary: 'Get an organization', params: IdParams } }, async (req) => {
    const o = await findOrganization(db, req.params.id);
    if (!o) throw notFound('organization');
    return presentOrganization(o);
  });

  app.get(
    '/api/v1/organizations/:id/contacts',
    { schema: { tags: ['organizations'], summary: "List an organization's contacts", params: IdParams, querystring: ContactListQuery.pick({ limit: true, cursor: true }) } },
    async (req) => {
      if (!(await findOrganization(db, req.params.id))) throw notFound('organization');
      const rows = await listContacts(db, { organizationId: req.params.id, limit: req.query.limit, cursor: decodeCursor(req.query.cursor) });
      return pageOf(rows, req.query.limit, (r) => presentContact(r), (r) => ({ v: r.createdAt.toISOString(), id: r.id }));
    },
  );

  app.post('/api/v1/organizations', { schema: { tags: ['organizations'], summary: 'Create an organization', body: CreateOrganizationBody } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireWriter(ctx.actor);
    if (req.body.tier) requireAdmin(ctx.actor);
    // Sharing widens what customers see in the portal, so only admins switch it on.
    if (req.body.portalShared !== undefined) requireAdmin(ctx.actor);
    return idempotent(db, req, reply, 201, async () => presentOrganization(await createOrganization(ctx, req.body)));
  });

  app.patch(
    '/api/v1/organizations/:id',
    { schema: { tags: ['organizations'], summary: 'Change an organization', params: IdParams, body: UpdateOrganizationBody } },
    async (req) => {
      const ctx = agentCtx(services, req);
      requireWriter(ctx.actor);
      // The tier decides which SLA applies, so only admins set it.
      if (req.body.tier !== undefined) requireAdmin(ctx.actor);
      if (req.body.portalShared !== undefined) requireAdmin(ctx.actor);
      const org = presentOrganization(await updateOrganization(ctx, req.params.id, req.body));
      if (req.body.tier !== undefined) await requestSlaRecompute(services);
      return org;
    },
  );

  app.delete('/api/v1/organizations/:id', { schema: { tags: ['organizations'], summary: 'Delete an organization (admin)', params: IdParams } }, async (req, reply) => {
    const ctx = agentCtx(services, req);
    requireAdmin(ctx.actor);
    await deleteOrganization(ctx, req.params.id);
    return reply.code(204).send();
  });
}
