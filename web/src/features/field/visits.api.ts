import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

export type TicketVisits = ResponseOf<'/api/v1/tickets/{id}/visits', 'get'>;
export type Visit = TicketVisits['items'][number];
export type ScheduleVisitBody = BodyOf<'/api/v1/tickets/{id}/visits', 'post'>;
export type VisitReportBody = BodyOf<'/api/v1/visits/{id}/report', 'post'>;
export type VisitRule = Visit['rule'];
export type VisitOutcome = NonNullable<Visit['report']['outcome']>;
export { VISIT_OUTCOMES } from '../../api/types';

/** A ticket's visits, and for the desk what each unit's contract allows and the brand's technicians. */
export function useTicketVisits(ticketId: string) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'visits'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/tickets/{id}/visits', { params: { path: { id: ticketId } }, signal })),
  });
}

export function useScheduleVisit(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleVisitBody) => ok(api.POST('/api/v1/tickets/{id}/visits', { params: { path: { id: ticketId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['ticket', ticketId] }),
  });
}

export function useCancelVisit(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => ok(api.POST('/api/v1/visits/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['ticket', ticketId] }),
  });
}

/** The visits on my agenda (a technician's own). */
export function useMyVisits() {
  return useQuery({
    queryKey: ['visits', 'mine'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/visits', { params: { query: {} }, signal })),
    select: (d) => d.items,
  });
}

export function useReportVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: VisitReportBody }) => ok(api.POST('/api/v1/visits/{id}/report', { params: { path: { id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['visits'] }),
  });
}

/** A new subscription address for my calendar app (the previous one stops working). */
export function useIssueCalendarFeed() {
  return useMutation({
    mutationFn: (technicianId: string) => ok(api.POST('/api/v1/technicians/{id}/calendar-feed', { params: { path: { id: technicianId } } })),
  });
}
