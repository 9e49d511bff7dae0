/**
 * Drives automation in tests the way a worker would, but deterministically: dispatches the
 * outbox to the automation subscription, then fetches and runs the queued `automation.event`
 * and `automation.mail` jobs through their exported handlers, until nothing is left.
 */
import assert from 'node:assert/strict';
import type { SystemMail } from '../src/platform/mailer.ts';
import { automationJobs, subscribeAutomation } from '../src/modules/automation/index.ts';
import { call, type TestAgent, type TestServer } from './harness.ts';

export interface AutomationDriver {
  /** Runs every trigger job the committed events lead to, chains included. */
  settle(): Promise<void>;
  /** Mail the `automation.mail` job handed to the mailer. */
  sent: SystemMail[];
  stop(): void;
}

/** Subscribes to the server's events and replaces its system mailer with one that records. */
export function driveAutomation(s: TestServer): AutomationDriver {
  const services = s.servus.services;
  const sent: SystemMail[] = [];
  services.mailer = { configured: true, send: async (m) => void sent.push(m) };
  const sub = subscribeAutomation(services);
  const handlers = new Map(automationJobs(services).map((j) => [j.name, j]));
  const queues = ['automation.event', 'automation.mail'];
  return {
    sent,
    stop: () => sub.stop(),
    async settle() {
      for (let round = 0; round < 200; round++) {
        await services.events.flush();
        await new Promise((r) => setImmediate(r));
        await sub.idle();
        let ran = 0;
        for (const queue of queues) {
          const jobs = (await services.jobs.boss.fetch(queue, { batchSize: 50 })) ?? [];
          for (const job of jobs) {
            const def = handlers.get(queue)!;
            await def.handler(def.schema.parse(job.data));
          }
          if (jobs.length) await services.jobs.boss.complete(queue, jobs.map((j) => j.id));
          ran += jobs.length;
        }
        if (ran === 0) return;
      }
      assert.fail('automation did not settle after 200 rounds');
    },
  };
}

/** Creates a rule through the API and returns it. */
export async function makeRule(s: TestServer, admin: TestAgent, body: Record<string, unknown>) {
  const res = await call(s, 'POST', '/api/v1/automation-rules', { as: admin, body: { name: `Rule ${Math.random().toString(36).slice(2, 8)}`, ...body } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** A rule's latest runs, newest first. */
export async function runsOf(s: TestServer, admin: TestAgent, ruleId: string): Promise<any[]> {
  const res = await call(s, 'GET', `/api/v1/automation-rules/${ruleId}/runs`, { as: admin });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.data;
}

/** A ticket as the admin reads it. */
export async function ticketOf(s: TestServer, admin: TestAgent, id: string) {
  const res = await call(s, 'GET', `/api/v1/tickets/${id}`, { as: admin });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** The error paths a 400 names. */
export const paths = (body: any): string[] => (body?.error?.details ?? []).map((d: { path: string }) => d.path);
