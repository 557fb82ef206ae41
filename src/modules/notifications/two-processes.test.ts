import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seeds/seed-demo.ts';
import { type AppProcess, createProcessStore, type ProcessStore, spawnApp } from '../../test/mail-process.ts';
import { freePort } from '../../test/support.ts';
import { openEventStream } from './test-support.ts';

/**
 * Issue 14, item 2: the notification fan-out across two Apres processes (src/main.ts, as deployed)
 * on one PostgreSQL database. A customer's reply written through process A reaches an agent's
 * event stream held by process B — through PostgreSQL's NOTIFY, the only path between them — and
 * B's stream filters it by what the agent may see, like A's would.
 */
const SKIP_REASON = process.env.TEST_DATABASE_URL ? null : 'two-process notification test skipped: it needs PostgreSQL (set TEST_DATABASE_URL; PGlite is one process by design)';
if (SKIP_REASON) console.warn(SKIP_REASON);

async function signIn(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login at ${baseUrl}: HTTP ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('apres_session='))!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}/api/v1${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return call;
}

describe.skipIf(SKIP_REASON !== null)('notifications across two Apres processes on one PostgreSQL database', () => {
  let ps: ProcessStore;
  const apps: { proc: AppProcess; baseUrl: string }[] = [];

  beforeAll(async () => {
    ps = await createProcessStore('postgres');
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const proc = spawnApp('src/main.ts', { ...ps.env, PORT: String(port), APRES_SMTP_PORT: '0', APRES_SEED_DEMO: 'false' });
      apps.push({ proc, baseUrl: `http://127.0.0.1:${port}` });
    }
    await Promise.all(apps.map((a) => a.proc.waitForLine((l) => l.startsWith('Apres is running'), 120_000, 'the app to start')));
  }, 150_000);
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.proc.kill('SIGKILL')));
    await ps?.drop();
  });

  it("a reply written through process A reaches process B's event streams, each filtered by what its agent may see", async () => {
    const [a, b] = apps as [(typeof apps)[0], (typeof apps)[0]];
    const sophieOnB = await openEventStream(b.baseUrl, 'agent@carri.example');
    const erikOnB = await openEventStream(b.baseUrl, 'agent@charge-amps.example');
    try {
      const customerOnA = await signIn(a.baseUrl, 'client@carri.example');
      const adminOnA = await signIn(a.baseUrl, 'admin@apres.example');
      const ticketId = ((await (await customerOnA('GET', '/tickets?limit=1')).json()) as { items: { id: string }[] }).items[0]!.id;
      const sophieId = ((await (await (await signIn(b.baseUrl, 'agent@carri.example'))('GET', '/auth/me')).json()) as { user: { id: string } }).user.id;
      expect((await adminOnA('PATCH', `/tickets/${ticketId}`, { assigneeId: sophieId })).status).toBe(200);
      expect((await customerOnA('POST', `/tickets/${ticketId}/entries`, { kind: 'customer_message', body: 'Par le processus A' })).status).toBe(201);
      await sophieOnB.until((e) => e.event === 'ticket' && e.data.ticketId === ticketId);
      await sophieOnB.until((e) => e.event === 'notification');
      // Erik (another brand) hears nothing of it: an event he may see, sent after, arrives first.
      const erikOnA = await signIn(a.baseUrl, 'agent@charge-amps.example');
      const his = ((await (await erikOnA('GET', '/tickets?limit=1')).json()) as { items: { id: string }[] }).items[0]!.id;
      expect((await erikOnA('POST', `/tickets/${his}/entries`, { kind: 'internal_note', body: 'Via A' })).status).toBe(201);
      await erikOnB.until((e) => e.event === 'ticket' && e.data.ticketId === his);
      expect(erikOnB.events.filter((e) => e.data.ticketId === ticketId || e.event === 'notification')).toEqual([]);
      // The notification itself is read back through B.
      const sophie = await signIn(b.baseUrl, 'agent@carri.example');
      const list = (await (await sophie('GET', '/notifications')).json()) as { items: { kind: string; ticket: { id: string } | null }[] };
      expect(list.items.filter((n) => n.ticket?.id === ticketId).map((n) => n.kind).sort()).toEqual(['assigned', 'customer_replied']);
    } finally {
      sophieOnB.abort();
      erikOnB.abort();
    }
  }, 60_000);
});
