import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SMTPServer } from 'smtp-server';
import type { ParsedMail } from 'mailparser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileStore } from '../../platform/files/file-store.ts';
import { JobQueue } from '../../platform/jobs/job-queue.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, loginAs } from '../../test/http.ts';
import { startSmtpSink, until } from '../../test/support.ts';
import type { EmailContext } from '../email/index.ts';
import { registerEmailWorkers } from '../email/index.ts';
import { slaMail } from '../email/index.ts';
import { ticketMail } from '../email/index.ts';
import { createTicket } from '../tickets/index.ts';
import { addEntry } from '../tickets/index.ts';
import { CreateTicketBody } from '../tickets/index.ts';
import { updateTicket } from '../tickets/index.ts';
import { getTicketSla, recordScheduleChange } from './sla.service.ts';

const d = (iso: string) => new Date(iso);
const fields = { reproductionSteps: 'Открыть отчёт, нажать «Экспорт»', frequency: 'always', criticality: 'high', contactPhone: '+7 916 555-12-34', contactEmail: 'client@eiler.example' };

/**
 * SPEC §9 scenario 4 (seed 003, Eiler), the service-level part, over real SMTP: a web-form
 * request missing the product version is refused with a clear message; a complete one is accepted
 * when its confirmation e-mail goes out; the 48-hour processing deadline skips a Russian holiday
 * and a weekend in Moscow time; the agent asks for more information and the clock pauses; the
 * planned date changes and the customer is told why, in Russian.
 */
describeStores('seed 003 scenario: the 48-hour processing deadline', (ctx) => {
  let app: FastifyInstance;
  let jobs: JobQueue;
  let email: EmailContext;
  let sink: SMTPServer;
  let delivered: ParsedMail[] = [];
  let clock = d('2026-06-11T12:00:00Z');

  beforeAll(async () => {
    const { database, db } = ctx();
    app = await buildTestApp(ctx());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-sla-'));
    jobs = new JobQueue(database);
    email = { db, jobs, files: new FileStore(path.join(dir, 'files')), rawStore: new FileStore(path.join(dir, 'raw')), maxMessageBytes: 200_000, clock: { now: () => clock } };
    registerEmailWorkers(jobs, email, ticketMail(email));
    await jobs.start();
    const started = await startSmtpSink();
    sink = started.server;
    delivered = started.delivered;
    await db.updateTable('mailbox').set({ smtp: JSON.stringify({ host: '127.0.0.1', port: started.port, secure: false }) }).execute();
  });
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await new Promise<void>((r) => sink?.close(() => r()));
  });

  it('follows the request from the web form to a changed planned date', async () => {
    const { db, actor } = ctx();
    const eiler = await brandId(db, 'eiler');

    // 1. The web form refuses a request without the product version, naming the field.
    const portal = await loginAs(app, 'client@eiler.example');
    const refused = await portal.post('/api/v1/tickets', { brandId: eiler, subject: 'Экспорт не работает', description: 'Ошибка при экспорте', customFields: fields });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'customFields.productVersion', code: 'required', message: 'is required' }]);

    // 2. A complete request, Thu 11 June 2026 14:50 Moscow; its confirmation goes out at 15:00.
    const customer = await actor('client@eiler.example');
    const body = CreateTicketBody.parse({ brandId: eiler, subject: 'Экспорт не работает', description: 'Ошибка при экспорте отчёта в PDF', customFields: { ...fields, productVersion: '5.3.2' } });
    const ticket = await db.transaction().execute(async (trx) => {
      const t = await createTicket(trx, customer, body, d('2026-06-11T11:50:00Z'));
      await ticketMail(email).ticketCreated(trx, t.id, d('2026-06-11T11:50:00Z'));
      return t;
    });
    const agent = await actor('agent@eiler.example');
    expect((await getTicketSla(db, agent, ticket.id, d('2026-06-11T11:55:00Z'))).timers).toEqual([expect.objectContaining({ kind: 'resolution', state: 'pending', dueAt: null })]);
    const ack = await until('the confirmation e-mail', () => delivered.find((m) => m.subject?.includes(ticket.number)));
    expect(ack.to && 'text' in ack.to ? ack.to.text : '').toContain('client@eiler.example');
    const accepted = await until('acceptance', async () => (await db.selectFrom('ticket').select('accepted_at').where('id', '=', ticket.id).executeTakeFirstOrThrow()).accepted_at);
    expect(accepted.toISOString()).toBe('2026-06-11T12:00:00.000Z');

    // 3. 48 working hours from Thu 15:00: 9 h on Thursday, Russia Day (Fri 12 June) and the
    //    weekend skipped, 24 h on Monday, 15 h on Tuesday → Tue 16 June 15:00 Moscow.
    let sla = await getTicketSla(db, agent, ticket.id, d('2026-06-11T12:05:00Z'));
    let timer = sla.timers[0]!;
    expect(timer).toMatchObject({ state: 'running', dueAt: '2026-06-16T12:00:00.000Z', explanation: { clockStart: 'accepted', timeZone: 'Europe/Moscow', targetMinutes: 2880 } });
    expect(timer.explanation.skipped.map((s) => [s.from, s.to, s.reason])).toEqual([
      ['2026-06-12', '2026-06-12', 'holiday'],
      ['2026-06-13', '2026-06-14', 'weekend'],
    ]);

    // 4. Mon 15 June 10:00 the agent asks for the log (19 working hours used): the clock pauses.
    await db.transaction().execute((trx) => addEntry(trx, agent, ticket.id, { kind: 'agent_reply', body: 'Пришлите, пожалуйста, журнал ошибок.', attachmentIds: [] }, d('2026-06-15T07:00:00Z')));
    await updateTicket(db, agent, ticket.id, { status: 'waiting_customer' }, d('2026-06-15T07:00:00Z'));
    timer = (await getTicketSla(db, agent, ticket.id, d('2026-06-15T20:00:00Z'))).timers[0]!;
    expect(timer).toMatchObject({ state: 'paused', dueAt: null, workingMinutesLeft: null });
    // The customer answers Wed 17 June 09:00: 29 hours left, 15 on Wednesday → Thu 18 June 14:00 Moscow.
    await db.transaction().execute((trx) => addEntry(trx, customer, ticket.id, { kind: 'customer_message', body: 'Журнал во вложении.', attachmentIds: [] }, d('2026-06-17T06:00:00Z')));
    sla = await getTicketSla(db, agent, ticket.id, d('2026-06-17T06:00:00Z'));
    timer = sla.timers[0]!;
    expect(timer).toMatchObject({ state: 'running', dueAt: '2026-06-18T11:00:00.000Z', workingMinutesLeft: 29 * 60 });
    expect(timer.explanation.pauses).toEqual([{ from: '2026-06-15T07:00:00.000Z', to: '2026-06-17T06:00:00.000Z', status: 'waiting_customer' }]);

    // 5. The problem needs a product update: the plan moves to Fri 26 June 18:00 and the customer
    //    is told why, in Russian, through the brand's SMTP server.
    clock = d('2026-06-17T08:00:00Z');
    const changed = await recordScheduleChange(db, slaMail(email), agent, ticket.id, { reason: 'deeper_diagnosis', plannedResolutionAt: '2026-06-26T18:00:00+03:00', note: 'Ждём 5.3.3' }, clock);
    expect(changed.timers[0]).toMatchObject({ state: 'running', dueAt: '2026-06-26T15:00:00.000Z', explanation: { rescheduled: { reason: 'deeper_diagnosis', previousDueAt: '2026-06-18T11:00:00.000Z' } } });
    const notice = await until('the schedule-change e-mail', () => delivered.find((m) => m.subject?.includes('Новый плановый срок')));
    expect(notice.text).toContain('проблема требует детальной диагностики');
    expect(notice.text).toContain(ticket.number);
    expect(notice.text).not.toContain('Ждём 5.3.3');
    const status = await until('the notice marked sent', async () => (await db.selectFrom('outbound_message').select('status').where('ticket_id', '=', ticket.id).where('kind', '=', 'notification').executeTakeFirst())?.status === 'sent');
    expect(status).toBe(true);
    const seen = (await portal.get(`/api/v1/tickets/${ticket.id}/sla`)).json() as { plannedResolutionAt: string; scheduleChanges: { reason: string; note: string | null; notification: { status: string } | null }[] };
    expect(seen.plannedResolutionAt).toBe('2026-06-26T15:00:00.000Z');
    expect(seen.scheduleChanges).toEqual([expect.objectContaining({ reason: 'deeper_diagnosis', note: null, notification: { status: 'sent', to: 'client@eiler.example' } })]);
  });
});
