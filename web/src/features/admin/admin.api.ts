import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, ok } from '../../api/client';
import type { Mailbox, MailboxInput } from '../../api/types';

/** Administration of the e-mail channel (admins only): the quarantine and the brands' mailboxes. */

const INBOUND_KEY = ['admin', 'inbound'] as const;
const MAILBOXES_KEY = ['admin', 'mailboxes'] as const;

export function useQuarantine() {
  return useInfiniteQuery({
    queryKey: [...INBOUND_KEY, 'quarantined'],
    queryFn: ({ pageParam, signal }) => ok(api.GET('/api/v1/admin/inbound', { params: { query: { status: 'quarantined', cursor: pageParam ?? undefined } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The built-in outbox (mail of mailboxes without an SMTP server), newest first. */
export function useOutbox() {
  return useInfiniteQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: ({ pageParam, signal }) => ok(api.GET('/api/v1/admin/outbox', { params: { query: { cursor: pageParam ?? undefined } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A mail reaches the outbox a moment after it was written (the delivery job takes it): the
    // page refreshes itself, as a mail catcher does, so what was just sent appears without a reload.
    refetchInterval: 5_000,
  });
}

/** The quarantine's size for the navigation badge, refreshed every minute. */
export function useQuarantineCount(enabled: boolean) {
  return useQuery({
    queryKey: [...INBOUND_KEY, 'counts'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/inbound/counts', { signal })),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useReprocessInbound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/admin/inbound/{id}/reprocess', { params: { path: { id } } })),
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
    mutationFn: (id: string) => ok(api.POST('/api/v1/admin/inbound/{id}/discard', { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: INBOUND_KEY }),
  });
}

/** The message as received, for a mail client or a bug report. */
export function rawMessageUrl(id: string): string {
  return `/api/v1/admin/inbound/${encodeURIComponent(id)}/raw`;
}

const fetchMailboxes = () => ok(api.GET('/api/v1/admin/mailboxes'));

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
    queryFn: () => ok(api.GET('/api/v1/admin/mail-settings')),
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
        ? await ok(api.PATCH('/api/v1/admin/mailboxes/{id}', { params: { path: { id } }, body }))
        : await ok(api.POST('/api/v1/admin/mailboxes', { body }));
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
      ok(api.POST('/api/v1/admin/mailboxes/{id}/test', { params: { path: { id } }, body: { kind } })),
    // The server records the outcome as the mailbox's last check.
    onSettled: () => qc.invalidateQueries({ queryKey: MAILBOXES_KEY }),
  });
}
