import { TICKET_STATUSES, type TicketStatus, type TicketSummary } from '../../api/types';
import type { QueueFilters } from '../tickets/tickets.api';

/** The queue's filters live in the URL, so a filtered queue can be bookmarked and shared. */
export function filtersFromParams(params: URLSearchParams): QueueFilters & { q: string } {
  const status = params.getAll('status').filter((s): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s));
  return {
    brandId: params.get('brand') ?? undefined,
    status: status.length ? status : undefined,
    groupId: params.get('group') ?? undefined,
    assigneeId: params.get('assignee') ?? undefined,
    q: params.get('q') ?? '',
  };
}

export function paramsFromFilters(f: QueueFilters & { q?: string }): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.brandId) p.set('brand', f.brandId);
  for (const s of f.status ?? []) p.append('status', s);
  if (f.groupId) p.set('group', f.groupId);
  if (f.assigneeId) p.set('assignee', f.assigneeId);
  return p;
}

/**
 * GET /search only narrows by brand, so the queue's other filters are applied to its hits here:
 * a search never shows a ticket the filters above it exclude.
 */
export function matchesFilters(ticket: TicketSummary, f: QueueFilters, currentUserId: string): boolean {
  if (f.brandId && ticket.brandId !== f.brandId) return false;
  if (f.status && !f.status.includes(ticket.status)) return false;
  if (f.groupId && ticket.group?.id !== f.groupId) return false;
  if (f.assigneeId === 'none') return ticket.assignee === null;
  if (f.assigneeId === 'me') return ticket.assignee?.id === currentUserId;
  if (f.assigneeId) return ticket.assignee?.id === f.assigneeId;
  return true;
}
