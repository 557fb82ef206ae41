import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';
import { DEMO_PASSWORD } from '../../seeds/seed-demo.ts';
import { hashPassword } from '../auth/index.ts';
import { BusinessCalendar, SEED_CALENDARS } from '../calendars/index.ts';

const ZONE = 'Europe/Paris';
const carriCalendar = new BusinessCalendar(SEED_CALENDARS.carriHotline.definition);
const localDate = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toISODate()!;

/** The n-th working day (Carri's calendar) after the day after TEST_NOW, as a local date. */
function workday(n: number): string {
  let day = DateTime.fromJSDate(TEST_NOW, { zone: ZONE }).plus({ days: 2 }).startOf('day');
  for (let seen = 0; ; day = day.plus({ days: 1 })) {
    if (carriCalendar.closedDays(day.toISODate()!, day.toISODate()!).length === 0 && ++seen === n) return day.toISODate()!;
  }
}
/** The first weekday public holiday after TEST_NOW (French law), as a local date. */
function weekdayHoliday(): string {
  const from = DateTime.fromJSDate(TEST_NOW, { zone: ZONE }).plus({ days: 2 });
  return carriCalendar.closedDays(from.toISODate()!, from.plus({ days: 400 }).toISODate()!).find((d) => d.reason === 'holiday')!.date;
}
const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toISO()!;
const utc = (iso: string) => new Date(iso).toISOString();

interface Visit {
  id: string;
  ticketNumber: string;
  state: string;
  billable: boolean;
  rule: string;
  address: string;
  windowStart: string;
  windowEnd: string;
  technician: { id: string; name: string };
  report: { workDone: string | null; outcome: string | null; timeSpentMinutes: number | null; customerSignatureName: string | null; completedAt: string | null };
  mayReport: boolean;
}

/** Issue 13 item 10 (seed 000): on-site visits from the ticket, the technician's report, the feed. */
describeStores('on-site visits', (ctx) => {
  let app: FastifyInstance;
  let agent: Client, tech: Client, admin: Client, customer: Client, otherTech: Client, otherAgent: Client;
  let serverTicket = { id: '', number: '' };
  let printerTicket = '';
  const units = new Map<string, string>();
  const day1 = workday(1);
  const day2 = workday(2);
  const body = (patch: Record<string, unknown> = {}) => ({
    unitId: units.get('CS540-2291-A7'),
    technicianId: tech.userId,
    address: '12 rue des Imprimeurs, 75011 Paris',
    windowStart: at(day1, '09:00'),
    windowEnd: at(day1, '11:00'),
    ...patch,
  });

  beforeAll(async () => {
    const { db } = ctx();
    app = await buildTestApp(ctx());
    // A technician of another brand: never sees Carri's visits or feeds.
    const hash = await hashPassword(DEMO_PASSWORD);
    const other = await db.insertInto('app_user').values({ email: 'tech@mecashop.example', name: 'Paul Atelier', role: 'technician', locale: 'fr', phone: null, organisation_id: null, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('user_brand').values({ user_id: other.id, brand_id: await brandId(db, 'mecashop') }).execute();
    agent = await loginAs(app, 'agent@carri.example');
    tech = await loginAs(app, 'tech@carri.example');
    admin = await loginAs(app, 'admin@apres.example');
    customer = await loginAs(app, 'client@carri.example');
    otherTech = await loginAs(app, 'tech@mecashop.example');
    otherAgent = await loginAs(app, 'agent@mecashop.example');
    const tickets = (await agent.get('/api/v1/tickets?limit=50')).json().items as { id: string; number: string; subject: string }[];
    const server = tickets.find((t) => t.subject.startsWith('Serveur CS-R540'))!;
    serverTicket = { id: server.id, number: server.number };
    printerTicket = tickets.find((t) => t.subject.startsWith('Imprimante réseau'))!.id;
    for (const u of await db.selectFrom('unit').select(['id', 'serial']).where('serial', 'like', 'C%').execute()) units.set(u.serial!, u.id);
  });
  afterAll(() => app?.close());

  const schedule = (client: Client, ticketId: string, patch: Record<string, unknown> = {}) => client.post(`/api/v1/tickets/${ticketId}/visits`, body(patch));

  describe('scheduling from the ticket', () => {
    it("shows the desk what each unit's contract allows, and the brand's technicians", async () => {
      const res = await agent.get(`/api/v1/tickets/${serverTicket.id}/visits`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        items: [],
        timeZone: ZONE,
        units: [{ serial: 'CS540-2291-A7', warrantyOutcome: 'commercial_warranty', contractLevel: 'premium', decision: { rule: 'covered_onsite_contract', billable: false, allowed: true } }],
        technicians: [{ id: tech.userId, name: 'Marc Girard' }],
      });
    });

    it('schedules a free visit under the premium contract, within working time, and writes it in the history', async () => {
      const res = await schedule(agent, serverTicket.id);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ ticketNumber: serverTicket.number, state: 'scheduled', billable: false, rule: 'covered_onsite_contract', technician: { name: 'Marc Girard' }, windowStart: utc(at(day1, '09:00')), mayReport: false });
      const history = (await agent.get(`/api/v1/tickets/${serverTicket.id}/history`)).json() as { items: { field: string; after: Record<string, unknown> }[] } | { field: string; after: Record<string, unknown> }[];
      const lines = Array.isArray(history) ? history : history.items;
      expect(lines.find((l) => l.field === 'onsite_visit')?.after).toMatchObject({ state: 'scheduled', serial: 'CS540-2291-A7', billable: false, rule: 'covered_onsite_contract' });
    });

    it('refuses a technician already booked in an overlapping window (409), not a back-to-back one', async () => {
      const clash = await schedule(agent, serverTicket.id, { windowStart: at(day1, '10:30'), windowEnd: at(day1, '12:00') });
      expect([clash.statusCode, clash.json().code, clash.json().conflicts?.[0]?.ticketNumber]).toEqual([409, 'VISIT_TECHNICIAN_BUSY', serverTicket.number]);
      const next = await schedule(agent, serverTicket.id, { windowStart: at(day1, '11:00'), windowEnd: at(day1, '12:15') });
      expect(next.statusCode, next.body).toBe(201);
    });

    it("refuses a window outside the brand's working time with 400 naming the field: lunch break, evening, weekend, holiday, past", async () => {
      const refused = async (start: string, end: string, field: string, code: string) => {
        const res = await schedule(agent, serverTicket.id, { windowStart: start, windowEnd: end });
        expect([res.statusCode, res.json().code, res.json().errors?.[0]?.field, res.json().errors?.[0]?.code], `${start}–${end}`).toEqual([400, 'VALIDATION_FAILED', field, code]);
        return res.json().errors[0].message as string;
      };
      await refused(at(day2, '11:30'), at(day2, '14:00'), 'windowStart', 'outside_working_time');
      await refused(at(day2, '17:00'), at(day2, '19:00'), 'windowStart', 'outside_working_time');
      const saturday = DateTime.fromISO(day2, { zone: ZONE }).plus({ days: 6 - DateTime.fromISO(day2).weekday }).toISODate()!;
      expect(await refused(at(saturday, '10:00'), at(saturday, '11:00'), 'windowStart', 'outside_working_time')).toContain('weekend');
      const holiday = weekdayHoliday();
      expect(await refused(at(holiday, '10:00'), at(holiday, '11:00'), 'windowStart', 'outside_working_time')).toContain('holiday');
      await refused(at(localDate(new Date(TEST_NOW.getTime() - 7 * 86_400_000)), '10:00'), at(localDate(new Date(TEST_NOW.getTime() - 7 * 86_400_000)), '11:00'), 'windowStart', 'in_the_past');
      await refused(at(day2, '10:00'), at(day2, '09:00'), 'windowEnd', 'end_before_start');
    });

    it('refuses a unit that is not on the ticket and a technician of no concern (400 naming the field)', async () => {
      const res = await schedule(agent, serverTicket.id, { unitId: units.get('CP-8812-0042'), technicianId: agent.userId, windowStart: at(day2, '09:00'), windowEnd: at(day2, '10:00') });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['unitId', 'technicianId']);
      const foreign = await schedule(agent, serverTicket.id, { technicianId: otherTech.userId, windowStart: at(day2, '09:00'), windowEnd: at(day2, '10:00') });
      expect([foreign.statusCode, foreign.json().errors[0].field]).toEqual([400, 'technicianId']);
      const bad = await agent.post(`/api/v1/tickets/${serverTicket.id}/visits`, { ...body(), windowStart: 'tomorrow' });
      expect([bad.statusCode, bad.json().errors[0].field]).toEqual([400, 'windowStart']);
    });

    it('refuses the visit a contract does not include, naming the rule, unless the customer accepts a billable one', async () => {
      const window = { unitId: units.get('CP-8812-0042'), windowStart: at(day2, '09:00'), windowEnd: at(day2, '10:00') };
      const res = await schedule(agent, printerTicket, window);
      expect([res.statusCode, res.json().code, res.json().rule, res.json().needsConsent, res.json().errors[0].field]).toEqual([409, 'VISIT_NOT_ALLOWED', 'onsite_not_in_contract', true, 'customerAcceptsCharges']);
      const paid = await schedule(agent, printerTicket, { ...window, customerAcceptsCharges: true });
      expect(paid.statusCode, paid.body).toBe(201);
      expect(paid.json()).toMatchObject({ billable: true, rule: 'onsite_not_in_contract' });
    });

    it('bills a unit out of warranty (seed 000: "moyennant des frais supplémentaires")', async () => {
      const created = await agent.post('/api/v1/tickets', {
        brandId: await brandId(ctx().db, 'carri'),
        channel: 'phone',
        subject: 'Ancien serveur en panne',
        description: 'Appel du client',
        serialNumbers: ['CS540-0815-B2'],
        requesterEmail: 'client@carri.example',
        customFields: { troubleshootingSteps: 'Redémarrage', physicalAccess: 'yes' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const window = { unitId: units.get('CS540-0815-B2'), windowStart: at(day2, '14:00'), windowEnd: at(day2, '15:00') };
      const refused = await schedule(agent, created.json().id, window);
      expect([refused.statusCode, refused.json().code, refused.json().rule]).toEqual([409, 'VISIT_NOT_ALLOWED', 'out_of_coverage']);
      const paid = await schedule(agent, created.json().id, { ...window, customerAcceptsCharges: true });
      expect([paid.statusCode, paid.json().billable, paid.json().rule]).toEqual([201, true, 'out_of_coverage']);
    });

    it('lets only the desk schedule; someone else’s ticket is not found', async () => {
      const window = { windowStart: at(day2, '16:00'), windowEnd: at(day2, '17:00') };
      expect((await schedule(customer, serverTicket.id, window)).statusCode).toBe(403);
      expect((await schedule(tech, serverTicket.id, window)).statusCode).toBe(403);
      const foreign = await schedule(otherAgent, serverTicket.id, window);
      expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'TICKET_NOT_FOUND']);
      expect((await otherAgent.get(`/api/v1/tickets/${serverTicket.id}/visits`)).statusCode).toBe(404);
      // The customer sees the visits on their ticket, not the desk's planning aids.
      const own = (await customer.get(`/api/v1/tickets/${serverTicket.id}/visits`)).json();
      expect([own.items.length > 0, own.units, own.technicians]).toEqual([true, [], []]);
    });
  });

  describe("the technician's report", () => {
    let visit: Visit;
    beforeAll(async () => {
      const mine = (await tech.get('/api/v1/visits')).json().items as Visit[];
      visit = mine.find((v) => v.ticketNumber === serverTicket.number && v.windowStart === utc(at(day1, '09:00')))!;
    });

    it("lists the technician's own visits, soonest first, and no one else's", async () => {
      const mine = (await tech.get('/api/v1/visits')).json().items as Visit[];
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.every((v) => v.technician.id === tech.userId)).toBe(true);
      expect(mine.map((v) => v.windowStart)).toEqual([...mine.map((v) => v.windowStart)].sort());
      expect(visit.mayReport).toBe(true);
      expect((await otherTech.get('/api/v1/visits')).json().items).toEqual([]);
      expect((await customer.get('/api/v1/visits')).statusCode).toBe(403);
    });

    it('answers 404 for someone else’s visit and 403 to the desk, which may read but not report', async () => {
      expect((await otherTech.get(`/api/v1/visits/${visit.id}`)).statusCode).toBe(404);
      expect((await otherTech.post(`/api/v1/visits/${visit.id}/report`, { workDone: 'x' })).statusCode).toBe(404);
      expect((await otherAgent.post(`/api/v1/visits/${visit.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
      expect((await agent.get(`/api/v1/visits/${visit.id}`)).statusCode).toBe(200);
      const desk = await agent.post(`/api/v1/visits/${visit.id}/report`, { workDone: 'x' });
      expect([desk.statusCode, desk.json().code]).toEqual([403, 'FORBIDDEN']);
    });

    it('saves as the technician goes, refuses to complete without work done, outcome and time, then completes once', async () => {
      const draft = await tech.post(`/api/v1/visits/${visit.id}/report`, { workDone: 'Bloc d’alimentation remplacé' });
      expect([draft.statusCode, draft.json().state]).toEqual([200, 'in_progress']);
      const early = await tech.post(`/api/v1/visits/${visit.id}/report`, { complete: true });
      expect([early.statusCode, early.json().errors.map((e: { field: string }) => e.field)]).toEqual([400, ['outcome', 'timeSpentMinutes']]);
      const bad = await tech.post(`/api/v1/visits/${visit.id}/report`, { timeSpentMinutes: -5 });
      expect([bad.statusCode, bad.json().errors[0].field]).toEqual([400, 'timeSpentMinutes']);
      const done = await tech.post(`/api/v1/visits/${visit.id}/report`, { outcome: 'resolved', timeSpentMinutes: 75, customerSignatureName: 'Jean Dupont', complete: true });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ state: 'done', mayReport: false, report: { workDone: 'Bloc d’alimentation remplacé', outcome: 'resolved', timeSpentMinutes: 75, customerSignatureName: 'Jean Dupont' } });
      expect(done.json().report.completedAt).not.toBeNull();
      const again = await tech.post(`/api/v1/visits/${visit.id}/report`, { workDone: 'y', complete: true });
      expect([again.statusCode, again.json().code]).toEqual([409, 'VISIT_STATE_INVALID']);
    });

    it('lets the desk cancel a scheduled visit once, with the reason; the technician may not', async () => {
      const other = (await tech.get('/api/v1/visits')).json().items.find((v: Visit) => v.state === 'scheduled' && v.windowStart === utc(at(day1, '11:00'))) as Visit;
      expect((await tech.post(`/api/v1/visits/${other.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
      const res = await agent.post(`/api/v1/visits/${other.id}/cancel`, { reason: 'Panne résolue par téléphone' });
      expect([res.statusCode, res.json().state]).toEqual([200, 'cancelled']);
      expect((await agent.post(`/api/v1/visits/${other.id}/cancel`, { reason: 'x' })).json().code).toBe('VISIT_STATE_INVALID');
      expect((await agent.post(`/api/v1/visits/${other.id}/cancel`, {})).statusCode).toBe(400);
    });
  });

  describe('the iCalendar feed', () => {
    const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics));

    it("gives the technician their visits in UTC, the brand's zone named, the address as LOCATION and the ticket number in the summary", async () => {
      const res = await tech.get(`/api/v1/technicians/${tech.userId}/calendar.ics`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const cal = parse(res.body);
      expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe(ZONE);
      const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      const mine = (await tech.get('/api/v1/visits')).json().items as Visit[];
      // Cancelled visits leave the feed.
      expect(events.map((e) => e.uid).sort()).toEqual(mine.filter((v) => v.state !== 'cancelled').map((v) => `${v.id}@apres`).sort());
      const first = events.find((e) => e.startDate.toJSDate().toISOString() === utc(at(day1, '09:00')))!;
      expect(first.summary).toContain(serverTicket.number);
      expect(first.summary).toContain('intervention sur site');
      expect(first.location).toBe('12 rue des Imprimeurs, 75011 Paris');
      expect(first.startDate.zone?.tzid).toBe('UTC');
      expect(first.endDate.toJSDate().toISOString()).toBe(utc(at(day1, '11:00')));
      expect(first.description).toContain('CS540-2291-A7');
      expect(res.body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    });

    it('serves a calendar app holding the feed token without a session; a new token revokes the old, and no one else reads the feed', async () => {
      const anonymous = (url: string) => app.inject({ method: 'GET', url });
      expect((await anonymous(`/api/v1/technicians/${tech.userId}/calendar.ics`)).statusCode).toBe(401);
      const issued = await tech.post(`/api/v1/technicians/${tech.userId}/calendar-feed`);
      expect(issued.statusCode, issued.body).toBe(201);
      const url = new URL(issued.json().url);
      const res = await anonymous(url.pathname + url.search);
      expect(res.statusCode).toBe(200);
      expect(parse(res.body).getAllSubcomponents('vevent').length).toBeGreaterThan(0);
      // The token opens this technician's feed only.
      const token = url.searchParams.get('token')!;
      expect((await anonymous(`/api/v1/technicians/${otherTech.userId}/calendar.ics?token=${token}`)).statusCode).toBe(404);
      expect((await anonymous(`/api/v1/technicians/${tech.userId}/calendar.ics?token=${token}x`)).statusCode).toBe(404);
      const renewed = await tech.post(`/api/v1/technicians/${tech.userId}/calendar-feed`);
      expect((await anonymous(url.pathname + url.search)).statusCode).toBe(404);
      expect((await anonymous(new URL(renewed.json().url).pathname + new URL(renewed.json().url).search)).statusCode).toBe(200);
      // Another technician, the desk: not found. An admin may read it.
      expect((await otherTech.get(`/api/v1/technicians/${tech.userId}/calendar.ics`)).statusCode).toBe(404);
      expect((await otherTech.post(`/api/v1/technicians/${tech.userId}/calendar-feed`)).statusCode).toBe(404);
      expect((await agent.get(`/api/v1/technicians/${tech.userId}/calendar.ics`)).statusCode).toBe(404);
      expect((await admin.get(`/api/v1/technicians/${tech.userId}/calendar.ics`)).statusCode).toBe(200);
      const empty = parse((await otherTech.get(`/api/v1/technicians/${otherTech.userId}/calendar.ics`)).body);
      expect(empty.getAllSubcomponents('vevent')).toEqual([]);
    });
  });
});
