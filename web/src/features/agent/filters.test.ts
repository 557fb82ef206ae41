import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters } from './filters';

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
