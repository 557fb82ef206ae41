import { QUEUE_COLUMNS, TICKET_SORTS, TICKET_STATUSES, type QueueColumn, type TicketSort, type TicketStatus } from '../../api/types';
import { fromZonedWall } from '../../i18n';
import type { QueueFilters } from '../tickets';

/** What the queue's URL holds: the filters, the search text and the opening dates (YYYY-MM-DD). */
export type QueueParams = Omit<QueueFilters, 'createdFrom' | 'createdBefore' | 'sort'> & {
  q: string;
  from?: string | undefined;
  until?: string | undefined;
  /** The columns and the order a saved view chose (issue 14, item 3); absent: the desk's defaults. */
  columns?: QueueColumn[] | undefined;
  sort?: TicketSort | undefined;
  /** The saved view these came from, to show its name. */
  view?: string | undefined;
};

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
    columns: columnsOf(params.get('cols')),
    sort: (TICKET_SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as TicketSort) : undefined,
    view: params.get('view') ?? undefined,
  };
}

function columnsOf(value: string | null): QueueColumn[] | undefined {
  const cols = (value ?? '').split(',').filter((c): c is QueueColumn => (QUEUE_COLUMNS as readonly string[]).includes(c));
  return cols.length ? cols : undefined;
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
  if (f.columns?.length) p.set('cols', f.columns.join(','));
  if (f.sort) p.set('sort', f.sort);
  if (f.view) p.set('view', f.view);
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
