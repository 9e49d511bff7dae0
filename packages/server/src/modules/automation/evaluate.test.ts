import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RuleCondition } from '@servus/shared';
import type { TicketView } from '../tickets/repository.ts';
import { conditionsHold, evaluateCondition, explainConditions } from './evaluate.ts';
import type { TicketFacts } from './facts.ts';

const now = new Date('2026-03-04T12:00:00Z');
const created = new Date('2026-03-04T08:00:00Z');

function facts(over: Partial<TicketView> = {}, extra: Partial<TicketFacts> = {}): TicketFacts {
  const ticket = {
    id: 't-1', number: 42, subject: 'Rechnung doppelt bezahlt', status: 'open', priority: 'high', type: null, channel: 'email', channelId: null,
    requesterId: 'c-1', organizationId: 'o-1', assigneeId: null, teamId: 'team-1', tags: ['vip', 'billing'], custom: { seats: 12, plan: 'pro', renewal: '2026-06-30' },
    version: 3, mergedIntoId: null, firstReplyAt: null, solvedAt: null, closedAt: null, reopenCount: 0, agentReplyCount: 0, messageCount: 1,
    lastMessageAt: created, slaPolicyId: null, slaNextBreachAt: null, createdAt: created, updatedAt: created, ...over,
  } as TicketView;
  const anchors = { 'time.since_created': created, 'time.since_updated': created, 'time.in_status': created, 'time.unassigned_for': ticket.assigneeId ? null : created, 'time.since_customer_message': created, 'time.since_agent_reply': created };
  return { ticket, contact: { name: 'Erika Mustermann', email: 'Erika@Example.ORG', locale: 'de' }, organization: { id: 'o-1', name: 'Muster GmbH', tier: 'Enterprise' }, message: null, changes: null, anchors, calendar: undefined, ...extra };
}
const holds = (c: RuleCondition, f = facts()) => evaluateCondition(c, f, now).matched;

describe('automation conditions', () => {
  it('compares enums, references and words, ignoring case where people type', () => {
    assert.equal(holds({ field: 'ticket.status', operator: 'is', value: 'open' }), true);
    assert.equal(holds({ field: 'ticket.status', operator: 'is_not', value: 'open' }), false);
    assert.equal(holds({ field: 'ticket.priority', operator: 'in', value: ['urgent', 'high'] }), true);
    assert.equal(holds({ field: 'ticket.priority', operator: 'not_in', value: ['urgent', 'high'] }), false);
    assert.equal(holds({ field: 'ticket.team', operator: 'is', value: 'team-1' }), true);
    assert.equal(holds({ field: 'ticket.assignee', operator: 'absent' }), true);
    assert.equal(holds({ field: 'ticket.assignee', operator: 'is_not', value: 'a-1' }), true);
    assert.equal(holds({ field: 'ticket.type', operator: 'present' }), false);
    assert.equal(holds({ field: 'contact.email_domain', operator: 'is', value: 'EXAMPLE.org' }), true);
    assert.equal(holds({ field: 'contact.language', operator: 'in', value: ['de', 'at'] }), true);
    assert.equal(holds({ field: 'organization.tier', operator: 'is', value: 'enterprise' }), true);
    assert.equal(holds({ field: 'organization.tier', operator: 'present' }, facts({}, { organization: null })), false);
  });

  it('tests text and tags', () => {
    assert.equal(holds({ field: 'ticket.subject', operator: 'contains', value: 'RECHNUNG' }), true);
    assert.equal(holds({ field: 'ticket.subject', operator: 'starts_with', value: 'doppelt' }), false);
    assert.equal(holds({ field: 'ticket.subject', operator: 'not_contains', value: 'mahnung' }), true);
    assert.equal(holds({ field: 'contact.email', operator: 'is', value: 'erika@example.org' }), true);
    assert.equal(holds({ field: 'ticket.tags', operator: 'contains', value: 'vip' }), true);
    assert.equal(holds({ field: 'ticket.tags', operator: 'not_contains', value: 'vip' }), false);
    assert.equal(holds({ field: 'ticket.tags', operator: 'in', value: ['spam', 'billing'] }), true);
    assert.equal(holds({ field: 'ticket.tags', operator: 'not_in', value: ['spam', 'legal'] }), true);
    assert.equal(holds({ field: 'ticket.tags', operator: 'absent' }, facts({ tags: [] })), true);
  });

  it('compares custom numbers and dates', () => {
    assert.equal(holds({ field: 'ticket.custom.seats', operator: 'gt', value: 10 }), true);
    assert.equal(holds({ field: 'ticket.custom.seats', operator: 'lt', value: 10 }), false);
    assert.equal(holds({ field: 'ticket.custom.renewal', operator: 'lt', value: '2026-07-01' }), true);
    assert.equal(holds({ field: 'ticket.custom.plan', operator: 'is', value: 'pro' }), true);
    assert.equal(holds({ field: 'ticket.custom.region', operator: 'absent' }), true);
  });

  it('sees changes only on an update: changed, changed to and changed from, tags added and removed', () => {
    const changes = new Map([
      ['ticket.status', { before: 'pending', after: 'open' }],
      ['ticket.tags', { before: ['billing'], after: ['billing', 'vip'] }],
    ]);
    const updated = facts({}, { changes });
    assert.equal(holds({ field: 'ticket.status', operator: 'changed' }, updated), true);
    assert.equal(holds({ field: 'ticket.status', operator: 'changed_from', value: 'pending' }, updated), true);
    assert.equal(holds({ field: 'ticket.status', operator: 'changed_to', value: 'solved' }, updated), false);
    assert.equal(holds({ field: 'ticket.priority', operator: 'changed' }, updated), false);
    assert.equal(holds({ field: 'ticket.tags', operator: 'changed_to', value: 'vip' }, updated), true);
    assert.equal(holds({ field: 'ticket.tags', operator: 'changed_from', value: 'billing' }, updated), false);
    const r = evaluateCondition({ field: 'ticket.status', operator: 'changed' }, facts(), now);
    assert.deepEqual([r.matched, r.note], [false, 'changes are known only for a ticket update']);
  });

  it('tests the event’s message, and no message condition holds without one', () => {
    const message = { id: 'm-1', kind: 'public' as const, authorKind: 'contact' as const, text: 'Ich möchte eine Erstattung', hasAttachments: true, automated: false };
    const withMessage = facts({}, { message });
    assert.equal(holds({ field: 'message.body', operator: 'contains', value: 'erstattung' }, withMessage), true);
    assert.equal(holds({ field: 'message.author_kind', operator: 'is', value: 'contact' }, withMessage), true);
    assert.equal(holds({ field: 'message.has_attachments', operator: 'is', value: true }, withMessage), true);
    assert.equal(holds({ field: 'message.body', operator: 'not_contains', value: 'x' }), false);
  });

  it('measures durations from the ticket’s moments; “unassigned for” never holds while assigned', () => {
    assert.equal(holds({ field: 'time.since_created', operator: 'gt', value: { amount: 4, unit: 'hours', businessHours: false } }), true);
    assert.equal(holds({ field: 'time.since_created', operator: 'lt', value: { amount: 4, unit: 'hours', businessHours: false } }), false);
    assert.equal(holds({ field: 'time.unassigned_for', operator: 'gt', value: { amount: 1, unit: 'minutes', businessHours: false } }, facts({ assigneeId: 'a-1' })), false);
  });

  it('needs every “all” condition and one “any” condition when there are any', () => {
    const high = { field: 'ticket.priority', operator: 'is', value: 'high' } as const;
    const low = { field: 'ticket.priority', operator: 'is', value: 'low' } as const;
    const f = facts();
    assert.equal(conditionsHold({ all: [], any: [] }, f, now), true);
    assert.equal(conditionsHold({ all: [high], any: [] }, f, now), true);
    assert.equal(conditionsHold({ all: [high, low], any: [] }, f, now), false);
    assert.equal(conditionsHold({ all: [high], any: [low] }, f, now), false);
    assert.equal(conditionsHold({ all: [high], any: [low, high] }, f, now), true);
    assert.equal(conditionsHold({ all: [], any: [low] }, f, now), false);
    const explained = explainConditions({ all: [high], any: [low, high] }, f, now);
    assert.deepEqual([explained.matched, explained.any.map((c) => [c.matched, c.actual])], [true, [[false, 'high'], [true, 'high']]]);
  });
});
