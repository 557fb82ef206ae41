import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { ScheduleChangeBody } from '../../api/types';

const slaKey = (ticketId: string) => ['ticket', ticketId, 'sla'] as const;

/**
 * A ticket's timers, explanations and schedule changes. Under the ticket's own query key, so
 * every change to the ticket (a reply, a status) refetches it with the rest. Working time left
 * moves with the clock: refreshed every minute while the page is open.
 */
export function useTicketSla(ticketId: string, enabled = true) {
  return useQuery({
    queryKey: slaKey(ticketId),
    queryFn: ({ signal }) => ok(api.GET('/api/v1/tickets/{id}/sla', { params: { path: { id: ticketId } }, signal })),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useScheduleChange(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleChangeBody) => ok(api.POST('/api/v1/tickets/{id}/schedule-changes', { params: { path: { id: ticketId } }, body })),
    onSuccess: (sla) => {
      qc.setQueryData(slaKey(ticketId), sla);
      // The ticket's history and the queue's order change with it.
      void qc.invalidateQueries({ queryKey: ['ticket', ticketId], predicate: (q) => q.queryKey[2] !== 'sla' });
      void qc.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}
