import { TICKET_STATUSES, type TicketStatus } from '../../api/types';
import { fromZonedWall } from '../../i18n';
import type { QueueFilters } from '../tickets/tickets.api';

/** What the queue's URL holds: the filters, the search text and the opening dates (YYYY-MM-DD). */
export type QueueParams = Omit<QueueFilters, 'createdFrom' | 'createdBefore'> & { q: string; from?: string | undefined; until?: string | undefined };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (v: string | null) => (v && DATE.test(v) ? v : undefined);

/** The queue's filters live in the URL, so a filtered queue can be bookmarked and shared. */
export function filtersFromParams(params: URLSearchParams): QueueParams {
  const status = params.getAll('status').filter((s): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s));
  return {
    brandId: params.get('brand') ?? undefined,
    status: status.length ? status : undefined,
    groupId: params.get('group') ?? undefined,
    assigneeId: params.get('assignee') ?? undefined,
    q: params.get('q') ?? '',
    from: date(params.get('from')),
    until: date(params.get('until')),
  };
}

export function paramsFromFilters(f: Partial<QueueParams>): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.brandId) p.set('brand', f.brandId);
  for (const s of f.status ?? []) p.append('status', s);
  if (f.groupId) p.set('group', f.groupId);
  if (f.assigneeId) p.set('assignee', f.assigneeId);
  if (f.from) p.set('from', f.from);
  if (f.until) p.set('until', f.until);
  return p;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The opening dates as instants, read in the given zone (the brand's when one is chosen): "until
 * 12 June" takes in the whole of that day, up to midnight before the 13th.
 */
export function createdRange(from: string | undefined, until: string | undefined, timeZone: string): Pick<QueueFilters, 'createdFrom' | 'createdBefore'> {
  const start = from ? fromZonedWall(`${from}T00:00`, timeZone) : null;
  const end = until ? fromZonedWall(`${nextDay(until)}T00:00`, timeZone) : null;
  return { ...(start ? { createdFrom: start } : {}), ...(end ? { createdBefore: end } : {}) };
}
