import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, uploadFile } from '../../api/client';
import type { Attachment, BodyOf, CreateTicketBody, TicketSort, TicketStatus, UpdateTicketBody } from '../../api/types';

/** What a person may write into a conversation (the server writes the `system` entries). */
export type NewEntryBody = BodyOf<'/api/v1/tickets/{id}/entries', 'post'>;

export interface QueueFilters {
  brandId?: string;
  status?: TicketStatus[];
  groupId?: string;
  assigneeId?: string;
  /** Opened at or after / before these instants. */
  createdFrom?: string;
  createdBefore?: string;
  /** The queue's order: the nearest due time first (default), or the newest / oldest opened first. */
  sort?: TicketSort;
}

const PAGE_SIZE = 25;

export function useTicketList(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: ['tickets', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      ok(
        api.GET('/api/v1/tickets', {
          params: {
            query: {
              brandId: filters.brandId,
              status: filters.status,
              groupId: filters.groupId,
              assigneeId: filters.assigneeId,
              createdFrom: filters.createdFrom,
              createdBefore: filters.createdBefore,
              sort: filters.sort,
              cursor: pageParam ?? undefined,
              limit: PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The queue's filters narrow the search on the server, so the 50 hits are all ones the agent asked for. */
export function useTicketSearch(q: string, filters: QueueFilters) {
  return useQuery({
    queryKey: ['tickets', 'search', q, filters],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/search', { params: { query: { q, ...filters, limit: 50 } }, signal })),
    enabled: q.trim().length > 0,
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

export function lookupTicket(number: string) {
  return ok(api.GET('/api/v1/tickets/lookup', { params: { query: { number: number.trim() } } }));
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ['ticket', id], queryFn: () => ok(api.GET('/api/v1/tickets/{id}', { params: { path: { id } } })) });
}

export function useEntries(id: string, enabled = true) {
  return useQuery({
    queryKey: ['ticket', id, 'entries'],
    queryFn: () => ok(api.GET('/api/v1/tickets/{id}/entries', { params: { path: { id } } })),
    select: (d) => d.items,
    enabled,
  });
}

export function useHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ticket', id, 'history'],
    queryFn: () => ok(api.GET('/api/v1/tickets/{id}/history', { params: { path: { id } } })),
    select: (d) => d.items,
    enabled,
  });
}

function useInvalidateTicket(id: string) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['ticket', id] }), qc.invalidateQueries({ queryKey: ['tickets'] })]);
}

export function useUpdateTicket(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateTicket(id);
  return useMutation({
    mutationFn: (body: UpdateTicketBody) => ok(api.PATCH('/api/v1/tickets/{id}', { params: { path: { id } }, body })),
    onSuccess: (ticket) => {
      qc.setQueryData(['ticket', id], ticket);
      void invalidate();
    },
  });
}

export function usePostEntry(id: string) {
  const invalidate = useInvalidateTicket(id);
  return useMutation({
    mutationFn: (body: NewEntryBody) => ok(api.POST('/api/v1/tickets/{id}/entries', { params: { path: { id } }, body })),
    onSuccess: () => invalidate(),
  });
}

export function useMergeTicket(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (intoTicketId: string) => ok(api.POST('/api/v1/tickets/{id}/merge', { params: { path: { id } }, body: { intoTicketId } })),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useCreateTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateTicketBody; idempotencyKey: string }) =>
      ok(api.POST('/api/v1/tickets', { body, headers: { 'idempotency-key': idempotencyKey } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tickets'] }),
  });
}

export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadFile(form);
}
