import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
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

export function useReprocessInbound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ status: string }>(`/admin/inbound/${encodeURIComponent(id)}/reprocess`),
    // A reprocessed mail may have become a ticket or a reply: the queue changes too.
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: INBOUND_KEY }), qc.invalidateQueries({ queryKey: ['tickets'] })]),
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

export function useMailboxes() {
  return useQuery({
    queryKey: MAILBOXES_KEY,
    queryFn: () => api.get<Items<Mailbox>>('/admin/mailboxes'),
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

export function useSaveMailbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: MailboxInput }) =>
      id ? api.patch<Mailbox>(`/admin/mailboxes/${encodeURIComponent(id)}`, body) : api.post<Mailbox>('/admin/mailboxes', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: MAILBOXES_KEY }),
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
