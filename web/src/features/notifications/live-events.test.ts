import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { reread } from './live-events';

/**
 * A server whose answer is taken when the request arrives and comes back later, as a ticket's
 * entries do when the page has just opened: the change lands between the two.
 */
function slowServer() {
  let entries = ['opening message'];
  const answered: Promise<unknown>[] = [];
  return {
    add: (e: string) => (entries = [...entries, e]),
    answered,
    queryFn: () => {
      const snapshot = entries;
      const p = new Promise<string[]>((r) => setTimeout(() => r(snapshot), 30));
      answered.push(p);
      return p;
    },
  };
}

async function firstReadInFlight(reader: (qc: QueryClient) => Promise<void>): Promise<string[] | undefined> {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const server = slowServer();
  const observer = new QueryObserver(qc, { queryKey: ['ticket', 't1', 'entries'], queryFn: server.queryFn });
  const unsubscribe = observer.subscribe(() => {});
  expect(qc.getQueryState(['ticket', 't1', 'entries'])?.fetchStatus).toBe('fetching');
  server.add('customer reply'); // committed while the first read is on its way; the event follows
  await reader(qc);
  while (qc.isFetching() > 0) await new Promise((r) => setTimeout(r, 5));
  const data = observer.getCurrentResult().data;
  unsubscribe();
  qc.clear();
  return data;
}

describe('a live event during a query’s first read', () => {
  it('is lost by invalidateQueries alone (why reread exists)', async () => {
    expect(await firstReadInFlight((qc) => qc.invalidateQueries({ queryKey: ['ticket', 't1'] }))).toEqual(['opening message']);
  });

  it('reaches the screen through reread, which makes the first read again', async () => {
    expect(await firstReadInFlight((qc) => reread(qc, ['ticket', 't1']))).toEqual(['opening message', 'customer reply']);
  });

  it('rereads everything without a key, and leaves queries with data to invalidateQueries', async () => {
    expect(await firstReadInFlight((qc) => reread(qc))).toEqual(['opening message', 'customer reply']);
    const qc = new QueryClient();
    const server = slowServer();
    const observer = new QueryObserver(qc, { queryKey: ['tickets'], queryFn: server.queryFn });
    const unsubscribe = observer.subscribe(() => {});
    while (qc.isFetching() > 0) await new Promise((r) => setTimeout(r, 5));
    server.add('another');
    await reread(qc, ['tickets']);
    expect(observer.getCurrentResult().data).toEqual(['opening message', 'another']);
    unsubscribe();
    qc.clear();
  });

  it('never cancels a first read a caller awaits: it finishes, then stands invalidated for its next use', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const server = slowServer();
    const awaited = qc.fetchQuery({ queryKey: ['mailboxes'], queryFn: server.queryFn });
    server.add('new mailbox');
    await reread(qc);
    await expect(awaited).resolves.toEqual(['opening message']);
    // Nothing shows it (no observer): it is read again when next used.
    expect(qc.getQueryState(['mailboxes'])?.isInvalidated).toBe(true);
    qc.clear();
  });
});
