import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

/** The notification centre, unread markers and reply presence (issue 14, item 2). */

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const UNSEEN_KEY = ['notifications', 'unseen-tickets'] as const;
export const presenceKey = (ticketId: string) => ['ticket', ticketId, 'presence'] as const;

export function useNotifications(enabled = true) {
  return useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'list'], queryFn: ({ signal }) => ok(api.GET('/api/v1/notifications', { signal })), enabled });
}

export function useReadNotification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => ok(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useReadAllNotifications() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/v1/notifications/read-all')),
    onSettled: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'preferences'], queryFn: ({ signal }) => ok(api.GET('/api/v1/notifications/preferences', { signal })) });
}

export type NotificationPreferences = NonNullable<ReturnType<typeof useNotificationPreferences>['data']>;

export function useSaveNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferences) => ok(api.PUT('/api/v1/notifications/preferences', { body })),
    onSuccess: (data) => qc.setQueryData([...NOTIFICATIONS_KEY, 'preferences'], data),
  });
}

/** Tickets of the queue with activity the agent has not seen. */
export function useUnseenTickets() {
  return useQuery({ queryKey: UNSEEN_KEY, queryFn: ({ signal }) => ok(api.GET('/api/v1/notifications/unseen-tickets', { signal })), select: (d) => new Set(d.ticketIds) });
}

export function useMarkSeen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ticketId: string) => ok(api.POST('/api/v1/tickets/{id}/seen', { params: { path: { id: ticketId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: UNSEEN_KEY }),
  });
}

/** Others writing a reply on the ticket; re-read on each presence event and every 10 s (a heartbeat that stops expires). */
export function usePresence(ticketId: string) {
  return useQuery({ queryKey: presenceKey(ticketId), queryFn: ({ signal }) => ok(api.GET('/api/v1/tickets/{id}/presence', { params: { path: { id: ticketId } }, signal })), refetchInterval: 10_000 });
}

export function sendPresence(ticketId: string, replying: boolean) {
  return ok(api.POST('/api/v1/tickets/{id}/presence', { params: { path: { id: ticketId } }, body: { replying } }));
}
