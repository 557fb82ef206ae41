import { describe, expect, it } from 'vitest';
import { createdRange, filtersFromParams, paramsFromFilters } from './filters';

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

describe('createdRange', () => {
  it("reads the opening dates in the brand's zone, the last day taken in whole", () => {
    expect(createdRange('2026-06-01', '2026-06-12', 'Europe/Moscow')).toEqual({ createdFrom: '2026-06-01T00:00:00+03:00', createdBefore: '2026-06-13T00:00:00+03:00' });
    expect(createdRange(undefined, '2026-12-31', 'Europe/Paris')).toEqual({ createdBefore: '2027-01-01T00:00:00+01:00' });
    expect(createdRange(undefined, undefined, 'Europe/Paris')).toEqual({});
  });

  it('keeps the dates in the URL and drops a malformed one', () => {
    expect(paramsFromFilters({ q: '', from: '2026-06-01', until: '2026-06-12' }).toString()).toBe('from=2026-06-01&until=2026-06-12');
    expect(filtersFromParams(new URLSearchParams('from=yesterday')).from).toBeUndefined();
  });
});
