import { TEST_NOW } from '../../test/clock.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../auth/index.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, loginAs } from '../../test/http.ts';
import { JobQueue } from '../../platform/jobs/job-queue.ts';
import { createTicket } from '../tickets/index.ts';
import { CreateTicketBody } from '../tickets/index.ts';
import { updateTicket } from '../tickets/index.ts';
import { addEntry } from '../tickets/index.ts';
import { slaMail } from '../email/index.ts';
import { webhookSignature } from '../webhooks/index.ts';
import { deliverWebhook } from '../webhooks/index.ts';
import { runSlaSweep } from './sla-actions.ts';
import { recomputeBrand } from './sla-jobs.ts';
import { getTicketSla } from './sla.service.ts';

const d = (iso: string) => new Date(iso);
const eilerFields = { reproductionSteps: 'Открыть отчёт, нажать экспорт', frequency: 'always', productVersion: '5.3.2', criticality: 'high', contactPhone: '+7 916 555-12-34', contactEmail: 'client@eiler.example' };
const smartIdFields = { senderName: 'Maria Ionescu', senderAddress: 'Str. Lipscani 1, București', contactPerson: 'Maria Ionescu', contactPhone: '+40 721 000 000' };
const carriFields = { troubleshootingSteps: 'Redémarré, câble changé', physicalAccess: 'yes' };

describeStores('service levels', (ctx) => {
  let app: FastifyInstance;
  let jobs: JobQueue;
  const hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const hookServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    app = await buildTestApp(ctx());
    jobs = new JobQueue(ctx().database);
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', () => r()));
  });
  afterAll(async () => {
    await app?.close();
    await new Promise<void>((r) => hookServer.close(() => r()));
  });

  const sweepCtx = () => ({ db: ctx().db, jobs, notifier: slaMail({ jobs }) });

  async function carriTicket(by: Actor, requesterEmail: string | null, at: Date) {
    const { db } = ctx();
    const carri = await brandId(db, 'carri');
    const body = CreateTicketBody.parse({
      brandId: carri,
      subject: 'Imprimante bloquée',
      description: 'Bourrage papier permanent',
      serialNumbers: ['CR-1001'],
      customFields: carriFields,
      channel: 'phone',
      ...(requesterEmail ? { requesterEmail, requesterName: 'Client Test' } : {}),
    });
    return db.transaction().execute((trx) => createTicket(trx, by, body, at));
  }

  it('starts the eiler clock at acceptance and explains the 48 working hours, skipping 4 Nov (seed 003)', async () => {
    const { db, actor } = ctx();
    const customer = await actor('client@eiler.example');
    const agent = await actor('agent@eiler.example');
    const eiler = await brandId(db, 'eiler');
    // Mon 2 Nov 2026 11:00 Moscow.
    const t = await db.transaction().execute((trx) =>
      createTicket(trx, customer, CreateTicketBody.parse({ brandId: eiler, subject: 'Экспорт не работает', description: 'Ошибка при экспорте', customFields: eilerFields }), d('2026-11-02T08:00:00Z')),
    );
    let sla = await getTicketSla(db, agent, t.id, d('2026-11-02T08:10:00Z'));
    expect(sla.policy?.name).toBe('Обработка 48 часов');
    expect(sla.timers.find((x) => x.kind === 'resolution')).toMatchObject({ state: 'pending', dueAt: null });

    // Accepted Mon 11:30 Moscow → 12.5 h Monday, 24 h Tuesday, Wed 4 Nov (Unity Day) skipped, 11.5 h Thursday.
    await updateTicket(db, agent, t.id, { status: 'accepted' }, d('2026-11-02T08:30:00Z'));
    sla = await getTicketSla(db, agent, t.id, d('2026-11-02T09:30:00Z'));
    const first = sla.timers.find((x) => x.kind === 'resolution')!;
    expect(first).toMatchObject({ state: 'running', dueAt: '2026-11-05T08:30:00.000Z', startedAt: '2026-11-02T08:30:00.000Z', targetMinutes: 2880 });
    expect(first.explanation).toMatchObject({ clockStart: 'accepted', timeZone: 'Europe/Moscow', targetMinutes: 2880 });
    expect(first.explanation.skipped).toEqual([{ from: '2026-11-04', to: '2026-11-04', reason: 'holiday', name: expect.any(String) }]);
    // 2880 − 60 working minutes left an hour after acceptance.
    expect(first.workingMinutesLeft).toBe(2820);
    const row = await db.selectFrom('ticket').select('sla_due_at').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.sla_due_at?.toISOString()).toBe('2026-11-05T08:30:00.000Z');
  });

  it('sets the callback of a phone request around the lunch break and a French holiday (seed 000)', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    // Tue 10 Nov 2026 17:00 Paris, standard contract: callback within one working day (7 h 45).
    const t = await carriTicket(agent, 'appelant@example.fr', d('2026-11-10T16:00:00Z'));
    const callback = (await getTicketSla(db, agent, t.id, d('2026-11-10T16:05:00Z'))).timers.find((x) => x.kind === 'callback')!;
    // 60 min on Tuesday, Armistice (Wed 11 Nov) skipped, Thursday 9:00–12:15 and 13:30–17:00.
    expect(callback).toMatchObject({ state: 'running', dueAt: '2026-11-12T16:00:00.000Z', targetMinutes: 465 });
    expect(callback.explanation.skipped).toEqual([{ from: '2026-11-11', to: '2026-11-11', reason: 'holiday', name: 'Armistice 1918' }]);
    // A call logged by the desk meets it.
    await db.transaction().execute((trx) => addEntry(trx, agent, t.id, { kind: 'phone_note', body: 'Rappelé le client, redémarrage guidé.', attachmentIds: [] }, d('2026-11-12T09:00:00Z')));
    expect((await getTicketSla(db, agent, t.id, d('2026-11-12T10:00:00Z'))).timers.find((x) => x.kind === 'callback')).toMatchObject({ state: 'met', stoppedAt: '2026-11-12T09:00:00.000Z' });
  });

  it('pauses while waiting for the customer and picks the policy of the contract', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    // client@carri.example belongs to the organisation holding the premium contract.
    const premium = await carriTicket(agent, 'client@carri.example', d('2026-11-23T08:00:00Z'));
    const standard = await carriTicket(agent, 'nouveau.client@example.fr', d('2026-11-23T08:00:00Z'));
    const p = await getTicketSla(db, agent, premium.id, d('2026-11-23T08:00:00Z'));
    const s = await getTicketSla(db, agent, standard.id, d('2026-11-23T08:00:00Z'));
    expect(p.policy?.name).toBe('Contrat Premium');
    expect(s.policy?.name).toBe('Garantie de base');
    // Premium resolution: 2 working days of 7 h 45 from Mon 9:00 Paris → Tue 18:00.
    expect(p.timers.find((x) => x.kind === 'resolution')?.dueAt).toBe('2026-11-24T17:00:00.000Z');

    await db.transaction().execute((trx) => addEntry(trx, agent, premium.id, { kind: 'agent_reply', body: 'Pouvez-vous envoyer une photo ?', attachmentIds: [] }, d('2026-11-23T09:00:00Z')));
    await updateTicket(db, agent, premium.id, { status: 'waiting_customer' }, d('2026-11-23T09:00:00Z'));
    const waiting = await getTicketSla(db, agent, premium.id, d('2026-11-23T15:00:00Z'));
    expect(waiting.timers.find((x) => x.kind === 'first_response')).toMatchObject({ state: 'met', stoppedAt: '2026-11-23T09:00:00.000Z' });
    expect(waiting.timers.find((x) => x.kind === 'resolution')).toMatchObject({ state: 'paused', dueAt: null });

    // The customer answers Wed 9:00 Paris: the 60 minutes used on Monday stay used.
    const customer = await actor('client@carri.example');
    await db.transaction().execute((trx) => addEntry(trx, customer, premium.id, { kind: 'customer_message', body: 'Voici la photo', attachmentIds: [] }, d('2026-11-25T08:00:00Z')));
    const resumed = await getTicketSla(db, agent, premium.id, d('2026-11-25T08:00:00Z'));
    const resolution = resumed.timers.find((x) => x.kind === 'resolution')!;
    // 930 − 60 = 870 working minutes from Wed 9:00: Wed 465, then 405 on Thursday → Thu 17:00 Paris.
    expect(resolution).toMatchObject({ state: 'running', dueAt: '2026-11-26T16:00:00.000Z' });
    expect(resolution.explanation.pauses).toEqual([{ from: '2026-11-23T09:00:00.000Z', to: '2026-11-25T08:00:00.000Z', status: 'waiting_customer' }]);
  });

  it('warns in working hours, escalates a breach once, and defers what falls at night (Zammad #4432)', async () => {
    const { db, actor } = ctx();
    const admin = await loginAs(app, 'admin@apres.example');
    const carri = await brandId(db, 'carri');
    const hook = await admin.post('/api/v1/admin/webhooks', { brandId: carri, url: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/apres`, events: ['ticket.sla_breached'] });
    expect(hook.statusCode).toBe(201);
    const { secret } = hook.json() as { secret: string };

    const agent = await actor('agent@carri.example');
    const hotline = await db.selectFrom('agent_group').select(['id', 'lead_id']).where('brand_id', '=', carri).where('name', '=', 'Hotline').executeTakeFirstOrThrow();
    expect(hotline.lead_id).toBe(agent.userId);
    // Premium: first response 60 working minutes, warned 30 before. Created Mon 30 Nov 9:00 Paris.
    const t = await carriTicket(agent, 'client@carri.example', d('2026-11-30T08:00:00Z'));
    await updateTicket(db, agent, t.id, { groupId: hotline.id }, d('2026-11-30T08:00:00Z'));

    const warned = await runSlaSweep(sweepCtx(), d('2026-11-30T08:31:00Z'));
    expect(warned.warned).toBeGreaterThanOrEqual(1);
    const mails = () => db.selectFrom('outbound_message').select(['to_address', 'subject', 'kind']).where('ticket_id', '=', t.id).where('kind', '=', 'notification').orderBy('created_at').execute();
    expect(await mails()).toEqual([{ to_address: 'agent@carri.example', subject: expect.stringContaining('Alerte niveau de service'), kind: 'notification' }]);
    // Sweeping again changes nothing: the warning for this due time was given.
    await runSlaSweep(sweepCtx(), d('2026-11-30T08:40:00Z'));
    expect(await mails()).toHaveLength(1);

    // Due 10:00 Paris; a sweep at 10:01 escalates: priority up, lead told, webhook event.
    await runSlaSweep(sweepCtx(), d('2026-11-30T09:01:00Z'));
    const after = await db.selectFrom('ticket').select('priority').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(after.priority).toBe('high');
    expect((await mails()).map((m) => m.subject)).toEqual([expect.stringContaining('Alerte'), expect.stringContaining('Niveau de service dépassé')]);
    const audit = await db.selectFrom('ticket_audit').select(['field']).where('ticket_id', '=', t.id).where('field', 'in', ['sla_warning', 'sla_breached']).execute();
    expect(audit.map((a) => a.field).sort()).toEqual(['sla_breached', 'sla_warning']);
    await runSlaSweep(sweepCtx(), d('2026-11-30T09:03:00Z'));
    expect((await db.selectFrom('ticket_audit').select('id').where('ticket_id', '=', t.id).where('field', '=', 'sla_breached').execute()).length).toBe(1);

    const deliveries = await db.selectFrom('webhook_delivery').select(['id', 'payload']).where('event', '=', 'ticket.sla_breached').execute();
    const mine = deliveries.find((x) => (x.payload as { data: { ticket: { id: string } } }).data.ticket.id === t.id)!;
    expect(mine).toBeDefined();
    await deliverWebhook(db, mine.id, { retryCount: 0 }, { now: TEST_NOW, allowPrivateTargets: true });
    const got = hooks.find((h) => h.headers['x-apres-delivery'] === mine.id)!;
    expect(got.headers['x-apres-event']).toBe('ticket.sla_breached');
    expect(got.headers['x-apres-signature']).toBe(webhookSignature(secret, got.body));
    expect(JSON.parse(got.body)).toMatchObject({ event: 'ticket.sla_breached', data: { timer: 'first_response', priority: { before: 'normal', after: 'high' } } });
    expect((await db.selectFrom('webhook_delivery').select('status').where('id', '=', mine.id).executeTakeFirstOrThrow()).status).toBe('delivered');

    // Fri 4 Dec 17:00 Paris: due 18:00, warning at 17:30. Nobody sweeps until 23:00: at night
    // nothing is sent; the escalation waits for Monday 9:00.
    const late = await carriTicket(agent, 'client@carri.example', d('2026-12-04T16:00:00Z'));
    await updateTicket(db, agent, late.id, { groupId: hotline.id }, d('2026-12-04T16:00:00Z'));
    const night = await runSlaSweep(sweepCtx(), d('2026-12-04T22:00:00Z'));
    expect(night.deferred).toBeGreaterThanOrEqual(1);
    const timer = await db.selectFrom('ticket_sla_timer').select(['next_action_at', 'breached_due_at']).where('ticket_id', '=', late.id).where('kind', '=', 'first_response').executeTakeFirstOrThrow();
    expect(timer.breached_due_at).toBeNull();
    expect(timer.next_action_at?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    const lateMails = () => db.selectFrom('outbound_message').select('subject').where('ticket_id', '=', late.id).where('kind', '=', 'notification').execute();
    expect(await lateMails()).toEqual([]);
    await runSlaSweep(sweepCtx(), d('2026-12-07T08:00:30Z'));
    expect((await lateMails()).some((m) => m.subject.includes('Niveau de service dépassé'))).toBe(true);
  });

  it('records a schedule change with its reason and tells the customer in Russian (seed 003)', async () => {
    const { db, actor } = ctx();
    const customer = await actor('client@eiler.example');
    const eiler = await brandId(db, 'eiler');
    const t = await db.transaction().execute((trx) =>
      createTicket(trx, customer, CreateTicketBody.parse({ brandId: eiler, subject: 'Отчёт пустой', description: 'Отчёт формируется пустым', customFields: eilerFields }), TEST_NOW),
    );
    await updateTicket(db, await actor('agent@eiler.example'), t.id, { status: 'accepted' }, TEST_NOW);
    const agent = await loginAs(app, 'agent@eiler.example');
    const url = `/api/v1/tickets/${t.id}/schedule-changes`;
    const past = await agent.post(url, { reason: 'cannot_reproduce', plannedResolutionAt: '2020-01-01T10:00:00+03:00' });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'plannedResolutionAt' }] });
    const badReason = await agent.post(url, { reason: 'because', plannedResolutionAt: '2099-01-01T10:00:00+03:00' });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json().errors[0].field).toBe('reason');
    expect((await (await loginAs(app, 'agent@carri.example')).post(url, { reason: 'cannot_reproduce', plannedResolutionAt: '2099-01-01T10:00:00+03:00' })).statusCode).toBe(404);
    expect((await (await loginAs(app, 'client@eiler.example')).post(url, { reason: 'cannot_reproduce', plannedResolutionAt: '2099-01-01T10:00:00+03:00' })).statusCode).toBe(403);

    const planned = new Date(TEST_NOW.getTime() + 20 * 86_400_000).toISOString();
    const ok = await agent.post(url, { reason: 'deeper_diagnosis', plannedResolutionAt: planned, note: 'Нужен патч 5.3.3' });
    expect(ok.statusCode).toBe(201);
    const body = ok.json() as { plannedResolutionAt: string; timers: { kind: string; dueAt: string; explanation: { rescheduled: { reason: string } | null } }[] };
    expect(body.plannedResolutionAt).toBe(planned);
    const resolution = body.timers.find((x) => x.kind === 'resolution')!;
    expect(resolution.dueAt).toBe(planned);
    expect(resolution.explanation.rescheduled?.reason).toBe('deeper_diagnosis');
    const mail = await db.selectFrom('outbound_message').select(['to_address', 'subject', 'body_text', 'status']).where('ticket_id', '=', t.id).where('kind', '=', 'notification').executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('client@eiler.example');
    expect(mail.subject).toContain('Новый плановый срок');
    expect(mail.body_text).toContain('проблема требует детальной диагностики');
    // The weekday is not glued after "на" in the nominative ("на вторник, …" would need the accusative).
    // Worked out from the planned instant, so the sentence holds at every hostile date CI starts the clock at.
    const inMoscow = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('ru', { ...o, timeZone: 'Europe/Moscow' }).format(new Date(planned));
    const day = inMoscow({ day: 'numeric', month: 'long', year: 'numeric' });
    const weekday = inMoscow({ weekday: 'long' });
    const time = inMoscow({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(mail.body_text).toContain(`Решение вашей заявки ${t.number} теперь запланировано на ${day} (${weekday}), ${time} (Москва, стандартное время).`);
    expect(day).toMatch(/^\d{1,2} [а-я]+ \d{4} г\.$/);
    expect(mail.body_text).not.toContain('Нужен патч');

    const seen = (await (await loginAs(app, 'client@eiler.example')).get(`/api/v1/tickets/${t.id}/sla`)).json() as { scheduleChanges: { reason: string; note: string | null }[] };
    expect(seen.scheduleChanges).toEqual([expect.objectContaining({ reason: 'deeper_diagnosis', note: null })]);
    expect((await (await loginAs(app, 'client@carri.example')).get(`/api/v1/tickets/${t.id}/sla`)).statusCode).toBe(404);
  });

  it('lets an admin change a calendar and recomputes the open tickets; refuses bad definitions by field', async () => {
    const { db, actor } = ctx();
    const admin = await loginAs(app, 'admin@apres.example');
    const smartId = await brandId(db, 'smart-id');
    const list = (await admin.get(`/api/v1/admin/calendars?brandId=${smartId}`)).json() as { items: { id: string; name: string; definition: Record<string, unknown> }[] };
    const cal = list.items[0]!;
    const holidays = (await admin.get(`/api/v1/admin/calendars/${cal.id}/holidays?year=2026`)).json() as { items: { date: string; source: string }[] };
    expect(holidays.items.map((h) => h.date)).toContain('2026-12-01');

    // Created Fri 27 Nov 10:00 Bucharest: first response in 9 working hours, 8 on Friday, then the
    // weekend, St Andrew (30 Nov) and National Day (1 Dec) → Wed 2 Dec 10:00.
    const customer = await actor('client@smart-id.example');
    const t = await db.transaction().execute((trx) => createTicket(trx, customer, CreateTicketBody.parse({ brandId: smartId, subject: 'Scanner defect', description: 'Nu citește coduri', serialNumbers: ['SID-77'], customFields: smartIdFields }), d('2026-11-27T08:00:00Z')));
    const before = await getTicketSla(db, await actor('agent@smart-id.example'), t.id, d('2026-11-27T08:00:00Z'));
    expect(before.timers.find((x) => x.kind === 'first_response')?.dueAt).toBe('2026-12-02T08:00:00.000Z');

    const bad = await admin.request({ method: 'PUT', url: `/api/v1/admin/calendars/${cal.id}`, payload: { brandId: smartId, name: cal.name, definition: { ...cal.definition, week: { ...(cal.definition.week as object), mon: [{ start: '18:00', end: '09:00' }] } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'definition.week.mon.0.end', code: 'end_before_start' });

    const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const never = await admin.request({ method: 'PUT', url: `/api/v1/admin/calendars/${cal.id}`, payload: { brandId: smartId, name: cal.name, definition: { ...cal.definition, week: closedWeek } } });
    expect(never.statusCode).toBe(400);
    expect(never.json().errors[0]).toMatchObject({ field: 'definition.week', code: 'never_open' });

    const closure = { start: '2026-12-02T09:00:00+02:00', end: '2026-12-02T18:00:00+02:00', reason: 'Inventar' };
    const put = await admin.request({ method: 'PUT', url: `/api/v1/admin/calendars/${cal.id}`, payload: { brandId: smartId, name: cal.name, definition: { ...cal.definition, closures: [closure] } } });
    expect(put.statusCode).toBe(200);
    expect(put.json().version).toBe(2);
    expect(await recomputeBrand(db, smartId, { now: () => d('2026-11-27T08:05:00Z') })).toBeGreaterThan(0);
    const after = await getTicketSla(db, await actor('agent@smart-id.example'), t.id, d('2026-11-27T08:05:00Z'));
    const first = after.timers.find((x) => x.kind === 'first_response')!;
    expect(first.dueAt).toBe('2026-12-03T08:00:00.000Z');
    expect(first.explanation.skipped.map((s) => `${s.from}/${s.to}/${s.reason}`)).toEqual([
      '2026-11-28/2026-11-29/weekend',
      '2026-11-30/2026-11-30/holiday',
      '2026-12-01/2026-12-01/holiday',
      '2026-12-02/2026-12-02/closure',
    ]);

    expect((await (await loginAs(app, 'agent@smart-id.example')).get('/api/v1/admin/calendars')).statusCode).toBe(403);
  });

  it('imports a year’s exceptions from a CSV or an iCalendar file, and refuses a bad file naming its lines, changing nothing', async () => {
    const { db } = ctx();
    const admin = await loginAs(app, 'admin@apres.example');
    const eiler = await brandId(db, 'eiler');
    const cal = ((await admin.get(`/api/v1/admin/calendars?brandId=${eiler}`)).json() as { items: { id: string; name: string; version: number }[] }).items.find((c) => c.name === 'Phone hours')!;
    const url = `/api/v1/admin/calendars/${cal.id}/exceptions`;
    const csv = ['date;kind;hours;name', '2027-02-22;hours;09:00-17:00;Предпраздничный день', '2027-12-31;closed;;Выходной день по постановлению', '2027-01-09;hours;10:00-14:00;Рабочая суббота'].join('\n');
    const res = await admin.post(url, { format: 'csv', content: csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toEqual({ closedDays: 1, dayOverrides: 2 });
    const def = res.json().calendar.definition as { holidayAdditions: { date: string }[]; dayOverrides: { date: string; intervals: { start: string; end: string }[] }[] };
    expect(def.holidayAdditions.map((a) => a.date)).toContain('2027-12-31');
    expect(def.dayOverrides.find((o) => o.date === '2027-01-09')!.intervals).toEqual([{ start: '10:00', end: '14:00' }]);
    // The seed's own 2026 shortened days are still there.
    expect(def.dayOverrides.map((o) => o.date)).toContain('2026-04-30');
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a', 'DTSTART;VALUE=DATE:20280103', 'DTEND;VALUE=DATE:20280105', 'SUMMARY:Новогодние каникулы', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const fromIcs = await admin.post(url, { format: 'ics', content: ics });
    expect(fromIcs.json().imported).toEqual({ closedDays: 2, dayOverrides: 0 });
    const version = fromIcs.json().calendar.version as number;
    const bad = await admin.post(url, { format: 'csv', content: 'date,kind,hours,name\n2027-02-30,closed,,X\n2027-03-01,open,,Y\n2027-03-02,hours,18:00-09:00,Z' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { field: string }[]).map((e) => e.field)).toEqual(['content.line2.date', 'content.line3.kind', 'content.line4.hours']);
    expect((await admin.get(`/api/v1/admin/calendars/${cal.id}`)).json().version).toBe(version);
    expect((await (await loginAs(app, 'agent@eiler.example')).post(url, { format: 'csv', content: csv })).statusCode).toBe(403);
  });

  it('still takes tickets when closures leave a calendar no working time for years', async () => {
    const { db, actor } = ctx();
    const mecashop = await brandId(db, 'mecashop');
    const weekdays = [{ start: '09:00', end: '18:00' }];
    const definition = { timeZone: 'Europe/Paris', week: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: [], sun: [] }, holidays: null, holidayAdditions: [], holidayRemovals: [], closures: [{ start: '2026-01-01T00:00:00+01:00', end: '2045-01-01T00:00:00+01:00', reason: 'Fermeture définitive' }] };
    const cal = await db.insertInto('business_calendar').values({ brand_id: mecashop, name: 'Fermé', definition: JSON.stringify(definition) }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('sla_policy').values({ brand_id: mecashop, name: 'Standard', calendar_id: cal.id, first_response_minutes: 60 }).execute();
    const customer = await actor('client@mecashop.example');
    const t = await db.transaction().execute((trx) =>
      createTicket(trx, customer, CreateTicketBody.parse({ brandId: mecashop, subject: 'Colis abîmé', description: 'Carton écrasé', customFields: { orderNumber: 'MS-1', usedBefore: 'no' } }), d('2026-11-30T08:00:00Z')),
    );
    const sla = await getTicketSla(db, await actor('agent@mecashop.example'), t.id, d('2026-11-30T08:00:00Z'));
    expect(sla.timers).toEqual([]);

    // A stored definition this version refuses (here a country the holiday library does not know).
    const chargeAmps = await brandId(db, 'charge-amps');
    const broken = await db
      .insertInto('business_calendar')
      .values({ brand_id: chargeAmps, name: 'Trasig', definition: JSON.stringify({ ...definition, closures: [], holidays: { country: 'XX' } }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('sla_policy').values({ brand_id: chargeAmps, name: 'Standard', calendar_id: broken.id, first_response_minutes: 60 }).execute();
    const kund = await actor('kund@charge-amps.example');
    const t2 = await db.transaction().execute((trx) =>
      createTicket(trx, kund, CreateTicketBody.parse({ brandId: chargeAmps, subject: 'Laddar inte', description: 'Lampan blinkar rött', serialNumbers: ['CA-9'] }), d('2026-11-30T08:00:00Z')),
    );
    expect((await getTicketSla(db, await actor('agent@charge-amps.example'), t2.id, d('2026-11-30T08:00:00Z'))).timers).toEqual([]);
  });

  it('validates policies: one active policy per contract level and priority, calendar of the same brand', async () => {
    const { db } = ctx();
    const admin = await loginAs(app, 'admin@apres.example');
    const carri = await brandId(db, 'carri');
    const eilerCal = await db.selectFrom('business_calendar as c').innerJoin('brand as b', 'b.id', 'c.brand_id').select('c.id').where('b.slug', '=', 'eiler').executeTakeFirstOrThrow();
    const carriCal = await db.selectFrom('business_calendar').select('id').where('brand_id', '=', carri).executeTakeFirstOrThrow();
    const wrongCal = await admin.post('/api/v1/admin/sla-policies', { brandId: carri, name: 'X', calendarId: eilerCal.id, firstResponseMinutes: 60 });
    expect(wrongCal.statusCode).toBe(400);
    expect(wrongCal.json().errors[0].field).toBe('calendarId');
    const clash = await admin.post('/api/v1/admin/sla-policies', { brandId: carri, name: 'Doublon', calendarId: carriCal.id, contractLevel: 'premium', firstResponseMinutes: 30 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('SLA_POLICY_CONFLICT');
    const urgent = await admin.post('/api/v1/admin/sla-policies', { brandId: carri, name: 'Urgent', calendarId: carriCal.id, priority: 'urgent', firstResponseMinutes: 30, pauseStatuses: ['waiting_customer', 'waiting_parts'] });
    expect(urgent.statusCode).toBe(201);
    expect(urgent.json()).toMatchObject({ name: 'Urgent', priority: 'urgent', calendarName: 'Hotline', version: 1 });
  });
});
