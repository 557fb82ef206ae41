import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Attachment,
  CreateTicketBody,
  Entry,
  EntryKind,
  HistoryItem,
  Items,
  SearchHit,
  Ticket,
  TicketPage,
  TicketStatus,
  UpdateTicketBody,
} from '../../api/types';

export interface QueueFilters {
  brandId?: string;
  status?: TicketStatus[];
  groupId?: string;
  assigneeId?: string;
}

const PAGE_SIZE = 25;

export function useTicketList(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: ['tickets', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<TicketPage>(
        '/tickets',
        {
          brandId: filters.brandId,
          status: filters.status,
          groupId: filters.groupId,
          assigneeId: filters.assigneeId,
          cursor: pageParam ?? undefined,
          limit: PAGE_SIZE,
        },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useTicketSearch(q: string, brandId?: string) {
  return useQuery({
    queryKey: ['tickets', 'search', q, brandId ?? null],
    queryFn: ({ signal }) => api.get<Items<SearchHit>>('/search', { q, brandId, limit: 50 }, signal),
    enabled: q.trim().length > 0,
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

export function lookupTicket(number: string) {
  return api.get<Ticket>('/tickets/lookup', { number: number.trim() });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ['ticket', id], queryFn: () => api.get<Ticket>(`/tickets/${encodeURIComponent(id)}`) });
}

export function useEntries(id: string, enabled = true) {
  return useQuery({
    queryKey: ['ticket', id, 'entries'],
    queryFn: () => api.get<Items<Entry>>(`/tickets/${encodeURIComponent(id)}/entries`),
    select: (d) => d.items,
    enabled,
  });
}

export function useHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ticket', id, 'history'],
    queryFn: () => api.get<Items<HistoryItem>>(`/tickets/${encodeURIComponent(id)}/history`),
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
    mutationFn: (body: UpdateTicketBody) => api.patch<Ticket>(`/tickets/${encodeURIComponent(id)}`, body),
    onSuccess: (ticket) => {
      qc.setQueryData(['ticket', id], ticket);
      void invalidate();
    },
  });
}

export function usePostEntry(id: string) {
  const invalidate = useInvalidateTicket(id);
  return useMutation({
    mutationFn: (body: { kind: EntryKind; body: string; attachmentIds: string[] }) =>
      api.post<Entry>(`/tickets/${encodeURIComponent(id)}/entries`, body),
    onSuccess: () => invalidate(),
  });
}

export function useMergeTicket(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (intoTicketId: string) => api.post<Ticket>(`/tickets/${encodeURIComponent(id)}/merge`, { intoTicketId }),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useCreateTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateTicketBody; idempotencyKey: string }) =>
      api.post<Ticket>('/tickets', body, { 'idempotency-key': idempotencyKey }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tickets'] }),
  });
}

export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<Attachment>('/attachments', form);
}
