import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

/** The units a ticket names, each with today's warranty decision (unknown serials included). */
export function useTicketUnits(ticketId: string, enabled = true) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'units'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/tickets/{id}/units', { params: { path: { id: ticketId } }, signal })),
    select: (d) => d.items,
    enabled,
  });
}
