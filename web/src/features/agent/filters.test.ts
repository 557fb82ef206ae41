import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../api/types';
import { filtersFromParams, matchesFilters, paramsFromFilters } from './filters';

describe('queue filters in the URL', () => {
  it('round-trips several statuses and the "me" assignee', () => {
    const p = paramsFromFilters({ status: ['new', 'waiting_customer'], assigneeId: 'me', q: '' });
    expect(p.toString()).toBe('status=new&status=waiting_customer&assignee=me');
    expect(filtersFromParams(p)).toEqual({ brandId: undefined, status: ['new', 'waiting_customer'], groupId: undefined, assigneeId: 'me', q: '' });
  });

  it('ignores a status the app does not know', () => {
    expect(filtersFromParams(new URLSearchParams('status=bogus')).status).toBeUndefined();
  });
});

describe('matchesFilters', () => {
  const ticket = {
    id: 't1',
    brandId: 'b1',
    status: 'waiting_customer',
    group: { id: 'g1', name: 'Hotline' },
    assignee: { id: 'u1', name: 'Sophie' },
  } as TicketSummary;

  it('applies status, group and assignee to search hits', () => {
    expect(matchesFilters(ticket, { status: ['new', 'in_progress'] }, 'u1')).toBe(false);
    expect(matchesFilters(ticket, { status: ['waiting_customer'], groupId: 'g1', assigneeId: 'me' }, 'u1')).toBe(true);
    expect(matchesFilters(ticket, { assigneeId: 'me' }, 'u2')).toBe(false);
    expect(matchesFilters(ticket, { assigneeId: 'none' }, 'u1')).toBe(false);
  });
});
