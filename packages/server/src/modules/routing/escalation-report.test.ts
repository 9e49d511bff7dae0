import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escalationRate, reportPeriod } from './escalation-report.ts';
import { AppError } from '../../platform/errors.ts';

describe('escalation rate (METRICS §2.7)', () => {
  it('K10: 500 tickets handled, 15 escalated to tier 2 → 3.0 %', () => {
    assert.equal(escalationRate(15, 500), 3);
  });

  it('rounds to one decimal and is undefined without handled tickets', () => {
    assert.equal(escalationRate(1, 3), 33.3);
    assert.equal(escalationRate(2, 3), 66.7);
    assert.equal(escalationRate(0, 10), 0);
    assert.equal(escalationRate(0, 0), null);
  });

  it('the period defaults to the 30 days before now and must run forwards', () => {
    const now = new Date('2026-03-31T12:00:00Z');
    assert.deepEqual(reportPeriod(now, {}), { from: new Date('2026-03-01T12:00:00Z'), to: now });
    assert.deepEqual(reportPeriod(now, { from: '2026-01-01T00:00:00Z' }), { from: new Date('2026-01-01T00:00:00Z'), to: now });
    assert.throws(() => reportPeriod(now, { from: '2026-04-01T00:00:00Z' }), (e: unknown) => e instanceof AppError && e.code === 'validation_failed');
  });
});
