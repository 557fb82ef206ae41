import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';
import type { BodyOf } from '../../api/types';

export type Workshop = paths['/api/v1/tickets/{id}/workshop']['get']['responses'][200]['content']['application/json'];
export type Repair = Workshop['items'][number];
export type Quote = Repair['quotes'][number];
export type BoardItem = paths['/api/v1/workshop/board']['get']['responses'][200]['content']['application/json']['items'][number];
export type DiagnosisBody = BodyOf<'/api/v1/tickets/{id}/workshop/diagnosis', 'post'>;
export type DecisionBody = BodyOf<'/api/v1/tickets/{id}/workshop/repairs/{repairId}/decision', 'post'>;
export type RepairEventBody = BodyOf<'/api/v1/tickets/{id}/workshop/repairs/{repairId}/events', 'post'>;
export type ReplacementBody = BodyOf<'/api/v1/tickets/{id}/workshop/repairs/{repairId}/replacement', 'post'>;

/** A ticket's repairs (none until a unit is diagnosed). */
export function useWorkshop(ticketId: string, enabled = true) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'workshop'],
    enabled,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/tickets/{id}/workshop', { params: { path: { id: ticketId } }, signal })),
    select: (d) => d.items,
  });
}

/** A change that answers with the ticket's repairs: the panel takes them, the ticket (status, planned date, history) is read again. */
function useWorkshopMutation<B>(ticketId: string, call: (body: B) => Promise<Workshop>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (w) => {
      qc.setQueryData(['ticket', ticketId, 'workshop'], w);
      void qc.invalidateQueries({ queryKey: ['ticket', ticketId] });
      void qc.invalidateQueries({ queryKey: ['workshop'] });
    },
  });
}

const path = (ticketId: string, repairId: string) => ({ params: { path: { id: ticketId, repairId } } });

export function useDiagnose(ticketId: string) {
  return useWorkshopMutation(ticketId, (body: DiagnosisBody) => ok(api.POST('/api/v1/tickets/{id}/workshop/diagnosis', { params: { path: { id: ticketId } }, body })));
}

export function useDecide(ticketId: string) {
  return useWorkshopMutation(ticketId, ({ repairId, ...body }: DecisionBody & { repairId: string }) => ok(api.POST('/api/v1/tickets/{id}/workshop/repairs/{repairId}/decision', { ...path(ticketId, repairId), body })));
}

export function useRepairEvent(ticketId: string) {
  return useWorkshopMutation(ticketId, ({ repairId, ...body }: RepairEventBody & { repairId: string }) => ok(api.POST('/api/v1/tickets/{id}/workshop/repairs/{repairId}/events', { ...path(ticketId, repairId), body })));
}

export function useShipReplacement(ticketId: string) {
  return useWorkshopMutation(ticketId, ({ repairId, ...body }: ReplacementBody & { repairId: string }) => ok(api.POST('/api/v1/tickets/{id}/workshop/repairs/{repairId}/replacement', { ...path(ticketId, repairId), body })));
}

/** The courier collected the defective unit: the return's business, refreshed with the workshop's. */
export function useRecordPickup(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/tickets/{id}/rma/pickup', 'post'>) => ok(api.POST('/api/v1/tickets/{id}/rma/pickup', { params: { path: { id: ticketId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['ticket', ticketId] }),
  });
}

export function useAnswerQuote(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ quoteId, answer }: { quoteId: string; answer: 'accept' | 'refuse' }) => ok(api.POST('/api/v1/quotes/{id}/answer', { params: { path: { id: quoteId } }, body: { answer } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['ticket', ticketId] });
      void qc.invalidateQueries({ queryKey: ['workshop'] });
    },
  });
}

export function useReceiveDelivery(ticketId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) => ok(api.POST('/api/v1/workshop/purchase-orders/{id}/receive', { params: { path: { id: orderId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['ticket', ticketId] }),
  });
}

/** The parts a technician may list in a diagnosis: those of the unit's model, by its code (staff only). */
export function useModelParts(modelCode: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'parts'],
    enabled: modelCode !== undefined,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/catalog/parts', { params: { query: {} }, signal })),
    select: (d) => d.items.filter((p) => modelCode !== undefined && p.models.includes(modelCode)),
  });
}

export function useWorkshopBoard() {
  return useQuery({ queryKey: ['workshop', 'board'], queryFn: ({ signal }) => ok(api.GET('/api/v1/workshop/board', { params: { query: {} }, signal })), select: (d) => d.items, refetchInterval: 60_000 });
}

/** What a signed e-mail link answers, shown before the customer confirms (opening it changes nothing). */
export function useQuoteLink(token: string) {
  return useQuery({ queryKey: ['quote-link', token], retry: false, queryFn: ({ signal }) => ok(api.GET('/api/v1/quote-links', { params: { query: { token } }, signal })) });
}

export function useAnswerLink(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/v1/quote-links', { body: { token } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['quote-link', token] }),
  });
}

export const quotePdfUrl = (quoteId: string) => `/api/v1/quotes/${quoteId}/pdf`;
export const invoicePdfUrl = (invoiceId: string) => `/api/v1/workshop-invoices/${invoiceId}/pdf`;
export const repairDocumentUrl = (ticketId: string, repairId: string, doc: 'report' | 'recycling-certificate') => `/api/v1/tickets/${ticketId}/workshop/repairs/${repairId}/${doc}`;

/** A brand's parts out of stock or short of what its open repairs need. */
export function useLowStock(brandId: string) {
  return useQuery({ queryKey: ['workshop', 'low-stock', brandId], queryFn: ({ signal }) => ok(api.GET('/api/v1/workshop/low-stock', { params: { query: { brandId } }, signal })), select: (d) => d.items });
}
