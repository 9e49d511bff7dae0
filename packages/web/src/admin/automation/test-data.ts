import type { AutomationRule } from '@servus/shared';
import { json } from '../../test/render';
import { mockServer, type Call } from '../../test/server';

export const TEAM_ID = '11111111-1111-4111-8111-111111111111';
export const AGENT_ID = '22222222-2222-4222-8222-222222222222';

export const VIP: AutomationRule = {
  id: 'rule-1',
  kind: 'trigger',
  name: 'VIP to billing',
  description: 'Big customers first',
  active: true,
  position: 0,
  events: ['ticket.created', 'ticket.updated'],
  conditions: { all: [{ field: 'ticket.tags', operator: 'contains', value: 'vip' }], any: [{ field: 'ticket.priority', operator: 'in', value: ['high', 'urgent'] }] },
  actions: [{ type: 'set_team', teamId: TEAM_ID }],
  runCount: 12,
  lastRunAt: '2026-03-01T10:00:00Z',
  warning: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
export const LOOPY: AutomationRule = {
  ...VIP,
  id: 'rule-2',
  name: 'Ping back',
  description: '',
  position: 1,
  events: ['ticket.updated'],
  conditions: { all: [], any: [] },
  actions: [{ type: 'add_tags', tags: ['ping'] }],
  runCount: 1,
  lastRunAt: null,
  warning: { code: 'depth_exceeded', at: '2026-03-01T11:00:00Z', ticketId: 't-9', ticketNumber: 4711 },
};
export const OFF: AutomationRule = { ...LOOPY, id: 'rule-3', name: 'Old rule', position: 2, active: false, warning: null, runCount: 0 };

/** Answers the pages' lookups (teams, agents, fields, webhooks, macros, organizations) and the rule list. */
export function serveAutomation(rules: Record<string, AutomationRule[]>, extra: (call: Call) => Response | undefined = () => undefined) {
  return mockServer((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.method !== 'GET') return undefined;
    switch (call.path) {
      case '/api/v1/automation-rules': return json(200, { data: rules[call.query.get('kind') ?? 'trigger'] ?? [] });
      case '/api/v1/teams': return json(200, { data: [{ id: TEAM_ID, name: 'Billing', description: null, memberIds: [], createdAt: '', updatedAt: '' }], nextCursor: null });
      case '/api/v1/agents': return json(200, { data: [{ id: AGENT_ID, name: 'Xavier Meier', email: 'x@example.com', role: 'agent', active: true, locale: null, timeZone: 'Europe/Berlin', createdAt: '', updatedAt: '' }], nextCursor: null });
      case '/api/v1/ticket-fields': return json(200, { data: [], nextCursor: null });
      case '/api/v1/webhooks':
      case '/api/v1/macros':
      case '/api/v1/organizations': return json(200, { data: [], nextCursor: null });
    }
    return undefined;
  });
}
