import { describe, expect, it } from 'vitest';
import { filtersToParams, filtersToTicketQuery, isEmptyFilters, paramsToFilters, type Filters } from './filters';

const TEAM = '3f1c6a2e-8d0b-4f52-9a51-0c7b9d7f1e11';

describe('view filters and the query string', () => {
  it('round-trips every kind of filter with a sort', () => {
    const filters: Filters = {
      status: ['open', 'pending'],
      priority: ['urgent'],
      channel: ['email', 'chat'],
      tag: ['vip', 'billing'],
      assigneeId: 'me',
      teamId: TEAM,
      createdAfter: '2026-01-01T00:00:00.000Z',
      updatedBefore: '2026-02-01T23:59:59.000Z',
      slaDueWithin: 60,
      custom: { plan: 'gold', seats: 5, vip: true },
    };
    const params = filtersToParams(filters, '-updated_at');
    expect(params.get('status')).toBe('open,pending');
    expect(params.get('custom.seats')).toBe('5');
    const back = paramsToFilters(new URLSearchParams(params.toString()), { seats: 'number', vip: 'checkbox', plan: 'select' });
    expect(back).toEqual({ filters, sort: '-updated_at' });
  });

  it('drops invalid values one by one instead of failing', () => {
    const params = new URLSearchParams('status=open,bogus&priority=meh&assigneeId=not-a-uuid&teamId=none&sort=sideways&createdAfter=yesterday&custom.seats=many&slaDueWithin=soon');
    const { filters, sort } = paramsToFilters(params, { seats: 'number' });
    expect(filters).toEqual({ status: ['open'], teamId: 'none' });
    expect(sort).toBeUndefined();
  });

  it('leaves out empty values and builds the ticket list query without custom fields', () => {
    expect(filtersToParams({ status: [], tag: [], custom: { a: '' } }).toString()).toBe('');
    expect(isEmptyFilters({})).toBe(true);
    expect(filtersToTicketQuery({ status: ['new'], custom: { plan: 'gold' } }, '-created_at')).toEqual({ status: 'new', sort: '-created_at' });
  });
});
