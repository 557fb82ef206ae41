import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { BusMessage, EventBus } from '../../platform/events/event-bus.ts';
import type { Actor } from '../auth/index.ts';
import { mayHearOf } from './notification.service.ts';

/** A comment line this often keeps proxies and the browser from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;

export interface LiveRoutesOptions { db: Db; bus: EventBus; heartbeatMs?: number }

interface Stream { actor: Actor; reply: FastifyReply }

/**
 * `GET /api/v1/events`: server-sent events for the desk's live screens. Each event names what
 * changed (a ticket, someone replying on it, my notifications) and the screen re-reads it through
 * the API; a ticket event reaches only those who may see the ticket (`ticketVisibleTo`, the rule
 * of every read), a notification event only its owner. `resync` asks for everything again (the
 * server's own listening connection was replaced). Hidden from the OpenAPI document: it is a
 * stream, not a JSON operation (the API fuzz test would wait on it forever).
 */
export const liveRoutes: FastifyPluginAsync<LiveRoutesOptions> = async (app, { db, bus, heartbeatMs = HEARTBEAT_MS }) => {
  const streams = new Set<Stream>();
  let subscription: Promise<() => Promise<void>> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const send = (s: Stream, event: string, data: unknown) => {
    if (!s.reply.raw.writableEnded) s.reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const dispatch = async (m: BusMessage) => {
    if (m.kind === 'resync') {
      for (const s of streams) send(s, 'resync', {});
      return;
    }
    const e = m.event;
    if (e.type === 'notification') {
      for (const s of streams) if (s.actor.userId === e.userId) send(s, 'notification', {});
      return;
    }
    if ((e.type === 'ticket' || e.type === 'presence') && typeof e.ticketId === 'string') {
      const ticketId = e.ticketId;
      await Promise.all(
        [...streams].map(async (s) => {
          if (await mayHearOf(db, s.actor, ticketId)) send(s, e.type as string, { ticketId });
        }),
      );
    }
  };
  const close = async (s: Stream) => {
    if (!streams.delete(s)) return;
    if (!s.reply.raw.writableEnded) s.reply.raw.end();
    if (streams.size === 0) {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      const sub = subscription;
      subscription = null;
      if (sub) await (await sub)();
    }
  };

  // Open streams would keep `app.close()` waiting: they end first.
  app.addHook('preClose', async () => {
    await Promise.all([...streams].map(close));
  });

  app.get('/events', { config: { access: 'staff' }, schema: { hide: true } }, async (request, reply) => {
    const actor = request.actor;
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const s: Stream = { actor, reply };
    streams.add(s);
    request.raw.on('close', () => void close(s));
    // The first stream starts listening; the others share it.
    subscription ??= bus.subscribe((m) => {
      dispatch(m).catch((err: unknown) => app.log.error({ err }, 'live events: an event could not be dispatched'));
    });
    await subscription;
    heartbeat ??= setInterval(() => {
      for (const x of streams) if (!x.reply.raw.writableEnded) x.reply.raw.write(': heartbeat\n\n');
    }, heartbeatMs).unref();
    // The browser retries after 3 s when the stream drops, and re-reads what it shows on reconnect.
    reply.raw.write('retry: 3000\nevent: ready\ndata: {}\n\n');
  });
};
