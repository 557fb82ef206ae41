import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NOTIFICATIONS_KEY, presenceKey, UNSEEN_KEY } from './notifications.api';

export type LiveState = 'connecting' | 'open' | 'closed';

function ticketIdOf(e: Event): string | null {
  try {
    const data = JSON.parse((e as MessageEvent<string>).data) as { ticketId?: unknown };
    return typeof data.ticketId === 'string' ? data.ticketId : null;
  } catch {
    return null;
  }
}

/**
 * The desk's live screens: one server-sent event stream per tab (`/api/v1/events`, the session
 * cookie authenticates it). An event names what changed and the screens re-read it: the ticket
 * and its parts, the queue, the unread markers, the notifications, who is replying. The browser
 * reconnects on its own; each (re)connection re-reads everything, since events sent while the
 * stream was down are not replayed.
 */
export function useLiveEvents(enabled: boolean): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events');
    let connectedBefore = false;
    source.addEventListener('ready', () => {
      if (connectedBefore) void reread(qc);
      connectedBefore = true;
      setState('open');
    });
    source.addEventListener('error', () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting'));
    source.addEventListener('ticket', (e) => ticketChanged(qc, ticketIdOf(e)));
    source.addEventListener('presence', (e) => {
      const id = ticketIdOf(e);
      if (id) void reread(qc, presenceKey(id));
    });
    source.addEventListener('notification', () => void reread(qc, NOTIFICATIONS_KEY));
    source.addEventListener('resync', () => void reread(qc));
    return () => source.close();
  }, [enabled, qc]);
  return state;
}

function ticketChanged(qc: QueryClient, ticketId: string | null) {
  if (ticketId) void reread(qc, ['ticket', ticketId]);
  void reread(qc, ['tickets']);
  void reread(qc, UNSEEN_KEY);
}

/**
 * Reads again what an event says changed (every query under `queryKey`, all without one).
 * `invalidateQueries` alone would lose the event for a query whose first read is still on its way:
 * TanStack Query cancels a running fetch only when the query already shows data, and otherwise
 * joins the invalidation to that fetch — which may have left before the change and come back
 * without it (a customer's reply missing from a ticket just opened). Such a read is let finish
 * (cancelling it would starve a slow first load on a busy desk, and fail a caller awaiting it)
 * and then made once more.
 */
export async function reread(qc: QueryClient, queryKey?: QueryKey): Promise<void> {
  const firstLoads = qc
    .getQueryCache()
    .findAll({ queryKey })
    .filter((q) => q.state.data === undefined && q.state.fetchStatus === 'fetching');
  await Promise.all([
    qc.invalidateQueries({ queryKey }),
    ...firstLoads.map((q) =>
      (q.promise ?? Promise.resolve()).then(
        () => qc.invalidateQueries({ queryKey: q.queryKey, exact: true }),
        () => undefined,
      ),
    ),
  ]);
}
