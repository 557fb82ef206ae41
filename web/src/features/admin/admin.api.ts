import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { ConnectionTestResult, InboundPage, Items, MailSettings, Mailbox, MailboxInput } from '../../api/types';

/** Administration of the e-mail channel (admins only): the quarantine and the brands' mailboxes. */

const INBOUND_KEY = ['admin', 'inbound'] as const;
const MAILBOXES_KEY = ['admin', 'mailboxes'] as const;

export function useQuarantine() {
  return useInfiniteQuery({
    queryKey: [...INBOUND_KEY, 'quarantined'],
    queryFn: ({ pageParam, signal }) => api.get<InboundPage>('/admin/inbound', { status: 'quarantined', cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The quarantine's size for the navigation badge, refreshed every minute. */
export function useQuarantineCount(enabled: boolean) {
  return useQuery({
    queryKey: [...INBOUND_KEY, 'counts'],
    queryFn: ({ signal }) => api.get<{ quarantined: number }>('/admin/inbound/counts', undefined, signal),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useReprocessInbound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ status: string }>(`/admin/inbound/${encodeURIComponent(id)}/reprocess`),
    onSettled: (data) => {
      const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: INBOUND_KEY }), qc.invalidateQueries({ queryKey: ['tickets'] })]);
      // The server queues the message for processing: look again shortly, when it has either
      // become a ticket or a reply (and left), or come back to the quarantine with a new reason.
      if (data?.status === 'received') setTimeout(() => void refresh(), 4000);
      return refresh();
    },
  });
}

export function useDiscardInbound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/admin/inbound/${encodeURIComponent(id)}/discard`),
    onSettled: () => qc.invalidateQueries({ queryKey: INBOUND_KEY }),
  });
}

/** The message as received, for a mail client or a bug report. */
export function rawMessageUrl(id: string): string {
  return `/api/v1/admin/inbound/${encodeURIComponent(id)}/raw`;
}

const fetchMailboxes = () => api.get<Items<Mailbox>>('/admin/mailboxes');

export function useMailboxes() {
  return useQuery({
    queryKey: MAILBOXES_KEY,
    queryFn: fetchMailboxes,
    select: (d) => d.items,
  });
}

export function useMailSettings() {
  return useQuery({
    queryKey: ['admin', 'mail-settings'],
    queryFn: () => api.get<MailSettings>('/admin/mail-settings'),
    staleTime: 5 * 60_000,
  });
}

/**
 * Adds or changes a mailbox and resolves to it as stored (the server answers with its id only;
 * the list is fetched again, which also refreshes the page behind the form).
 */
export function useSaveMailbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string | null; body: MailboxInput }): Promise<Mailbox> => {
      const saved = id
        ? await api.patch<{ id: string }>(`/admin/mailboxes/${encodeURIComponent(id)}`, body)
        : await api.post<{ id: string }>('/admin/mailboxes', body);
      const list = await qc.fetchQuery({ queryKey: MAILBOXES_KEY, queryFn: fetchMailboxes, staleTime: 0 });
      const mailbox = list.items.find((m) => m.id === saved.id);
      if (!mailbox) throw new ApiError(404, 'MAILBOX_NOT_FOUND');
      return mailbox;
    },
  });
}

export function useTestMailbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, kind }: { id: string; kind: 'imap' | 'smtp' }) =>
      api.post<ConnectionTestResult>(`/admin/mailboxes/${encodeURIComponent(id)}/test`, { kind }),
    // The server records the outcome as the mailbox's last check.
    onSettled: () => qc.invalidateQueries({ queryKey: MAILBOXES_KEY }),
  });
}
