/**
 * Drives the report facts in tests the way a worker would, but deterministically: dispatches
 * the outbox to the report subscription, then runs every queued `reports.refresh_ticket` job
 * (debounced ones included, whatever their start time) through the job's own handler.
 */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db.ts';
import { reportJobs, subscribeReportFacts, RefreshTicketFacts } from '../src/modules/analytics/reports/index.ts';
import { call, type TestAgent, type TestServer } from './harness.ts';

export interface ReportDriver {
  /** Brings every ticket's facts up to date with what has been committed. */
  settle(): Promise<void>;
  stop(): void;
}

export function driveReports(s: TestServer): ReportDriver {
  const services = s.servus.services;
  const sub = subscribeReportFacts(services);
  const job = reportJobs(services).find((j) => j.name === RefreshTicketFacts.name)!;
  return {
    stop: () => sub(),
    async settle() {
      for (let round = 0; round < 50; round++) {
        await services.events.flush();
        await new Promise((r) => setImmediate(r));
        await sub.idle();
        const jobs = await queryRows<{ data: unknown }>(
          services.database.db,
          sql`delete from pgboss.job where name = ${RefreshTicketFacts.name} and state in ('created', 'retry') returning data`,
        );
        for (const j of jobs) await job.handler(j.data);
        if (jobs.length === 0) return;
      }
      assert.fail('report facts did not settle');
    },
  };
}

/** Posts a message (optionally with a status change) and returns the answer's ticket. */
export async function say(s: TestServer, as: TestAgent, ticketId: string, body: Record<string, unknown>) {
  const res = await call(s, 'POST', `/api/v1/tickets/${ticketId}/messages`, { as, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.ticket;
}

/** Changes a ticket through the API. */
export async function setTicket(s: TestServer, as: TestAgent, ticketId: string, body: Record<string, unknown>) {
  const res = await call(s, 'PATCH', `/api/v1/tickets/${ticketId}`, { as, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Reads a report endpoint as JSON and insists on 200. */
export async function report<T = any>(s: TestServer, as: TestAgent, url: string): Promise<T> {
  const res = await call<T>(s, 'GET', url, { as });
  assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
  return res.body;
}
