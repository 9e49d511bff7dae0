import { SearchQuery } from '@servus/shared';
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { agentCtx } from '../../platform/route-context.ts';
import { presentTicket } from '../tickets/presenters.ts';
import { searchContacts, searchOrganizations, searchTickets } from './repository.ts';

export function searchRoutes(app: App, services: Services): void {
  const db = services.database.db;
  app.get(
    '/api/v1/search',
    { schema: { tags: ['search'], summary: 'Full-text search over tickets, fuzzy search over contacts and organizations', querystring: SearchQuery } },
    async (req) => {
      const ctx = agentCtx(services, req);
      const q = req.query;
      if (q.type === 'contacts') {
        const rows = await searchContacts(db, q.q, q.limit);
        return { type: q.type, data: rows.map((r) => ({ id: r.id, name: r.name, email: r.email, organizationId: r.organization_id, score: Number(r.score) })) };
      }
      if (q.type === 'organizations') {
        const rows = await searchOrganizations(db, q.q, q.limit);
        return { type: q.type, data: rows.map((r) => ({ id: r.id, name: r.name, score: Number(r.score) })) };
      }
      const rows = await searchTickets(db, ctx.actor, q.q, { status: q.status, teamId: q.teamId, assigneeId: q.assigneeId, limit: q.limit });
      return { type: q.type, data: rows.map((r) => ({ ...presentTicket(r), score: Number(r.rank) })) };
    },
  );
}
