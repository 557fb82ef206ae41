import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, ok } from '../../api/client';
import type { BodyOf, Locale } from '../../api/types';
import type { paths } from '../../api/schema';
import { pickLocalised } from '../../i18n';

export type Return = paths['/api/v1/tickets/{id}/rma']['get']['responses'][200]['content']['application/json'];
export type ReturnEventBody = BodyOf<'/api/v1/tickets/{id}/rma/events', 'post'>;

/** A ticket's return, or null when it has none (RMA_NOT_FOUND is an answer, not an error). */
export function useTicketReturn(ticketId: string) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'rma'],
    queryFn: async ({ signal }) => {
      try {
        return await ok(api.GET('/api/v1/tickets/{id}/rma', { params: { path: { id: ticketId } }, signal }));
      } catch (err) {
        if (isApiError(err) && err.code === 'RMA_NOT_FOUND') return null;
        throw err;
      }
    },
  });
}

function useReturnMutation<B>(ticketId: string, call: (body: B) => Promise<Return>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (rma) => {
      qc.setQueryData(['ticket', ticketId, 'rma'], rma);
      void qc.invalidateQueries({ queryKey: ['ticket', ticketId] });
    },
  });
}

export function useRequestReturn(ticketId: string) {
  return useReturnMutation(ticketId, (body: BodyOf<'/api/v1/tickets/{id}/rma', 'post'>) => ok(api.POST('/api/v1/tickets/{id}/rma', { params: { path: { id: ticketId } }, body })));
}

export function useReturnEvent(ticketId: string) {
  return useReturnMutation(ticketId, (body: ReturnEventBody) => ok(api.POST('/api/v1/tickets/{id}/rma/events', { params: { path: { id: ticketId } }, body })));
}

export function useRefuseParcel(ticketId: string) {
  return useReturnMutation(ticketId, (body: BodyOf<'/api/v1/tickets/{id}/rma/refused-parcels', 'post'>) =>
    ok(api.POST('/api/v1/tickets/{id}/rma/refused-parcels', { params: { path: { id: ticketId } }, body })),
  );
}

/** The desk's returns queue, by the states and age of last change the view asks. */
export function useReturnsQueue(key: readonly unknown[], query: NonNullable<paths['/api/v1/returns']['get']['parameters']['query']>) {
  return useQuery({
    queryKey: ['returns', ...key],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/returns', { params: { query }, signal })),
    select: (d) => d.items,
  });
}

/** A parcel with no return behind it, recorded at the counter. */
export function useRecordUnexpectedParcel() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/v1/returns/unexpected-parcels', 'post'>) => ok(api.POST('/api/v1/returns/unexpected-parcels', { body })),
  });
}

/** The receiving desk's lookup by scanned number. */
export async function lookupReturn(number: string): Promise<Return> {
  return ok(api.GET('/api/v1/returns/lookup', { params: { query: { number } } }));
}

/** A return's documents: the parcel label, the packing instructions, the receipt of the parcel handed in. */
export const documentUrl = (ticketId: string, doc: 'label' | 'packing' | 'receipt') => `/api/v1/tickets/${ticketId}/rma/${doc}`;

/** An accessory as the model names it in the reader's language (its key when the model no longer lists it). */
export function accessoryName(line: Return['lines'][number], key: string, locale: Locale): string {
  const a = line.model.accessories.find((x) => x.key === key);
  return a ? pickLocalised(a.name, locale) : key;
}

