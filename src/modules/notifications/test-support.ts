import type { Database } from '../../platform/db/database.ts';
import { JobQueue } from '../../platform/jobs/job-queue.ts';
import { DEMO_PASSWORD } from '../../seeds/seed-demo.ts';

export interface StreamEvent { event: string; data: Record<string, unknown> }
export interface EventStream {
  events: StreamEvent[];
  /** Waits (at most 10 s) for an event matching `pred`, seen before or after the call. */
  until(pred: (e: StreamEvent) => boolean): Promise<StreamEvent>;
  ended: Promise<void>;
  abort(): void;
}

/** Logs in over real HTTP and opens `GET /api/v1/events` with the session cookie; resolves once the stream is ready. */
export async function openEventStream(baseUrl: string, email: string): Promise<EventStream> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (login.status !== 200) throw new Error(`login ${email}: HTTP ${login.status}`);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('apres_session='))!.split(';')[0]!;
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/events`, { headers: { cookie: String(cookie), accept: 'text/event-stream' }, signal: controller.signal });
  if (res.status !== 200) throw new Error(`events: HTTP ${res.status} ${await res.text()}`);
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!event) continue;
          if (event === 'ready') resolveReady();
          events.push({ event, data: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
          for (const w of waiters) w();
        }
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    }
  })();
  await ready;
  return {
    events,
    ended,
    abort: () => controller.abort(),
    until: (pred) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(pred);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event in 10 s; got ${JSON.stringify(events)}`));
        }, 10_000);
        waiters.add(check);
        check();
      }),
  };
}

export function createJobQueueForTest(database: Database): JobQueue {
  return new JobQueue(database, () => {});
}
