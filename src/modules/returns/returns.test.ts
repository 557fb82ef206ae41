import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs, multipartFile } from '../../test/http.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-returns-'));

/** The codes on a PDF page, as a scanner at the counter reads them. */
function barcodes(pdf: Buffer, name: string): string[] {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '200', '-singlefile', file, path.join(tmp, name)]);
  return execFileSync('zbarimg', ['--quiet', path.join(tmp, `${name}.png`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim()
    .split('\n')
    .sort();
}

interface Rma {
  number: string;
  state: string;
  channelRoute: boolean;
  lines: { unitId: string; serial: string; warrantyOutcome: string; accessoriesExpected: string[]; accessoriesMissing: string[] }[];
  shipments: { direction: string; mode: string; paidBy: string; carrier: string | null; trackingNumber: string | null; cashOnDelivery: boolean; refusedReason: string | null }[];
  history: { event: string; from: string | null; to: string; by: string | null; data: Record<string, unknown> }[];
  nextEvents: string[];
}

/** Issue 12: the return on the ticket, through the reseller chain (seed 002) and at the counter (seed 004). */
describeStores('returns', (ctx) => {
  let app: FastifyInstance;
  const clients: Record<string, Client> = {};
  const as = (email: string) => clients[email]!;
  beforeAll(async () => {
    app = await buildTestApp(ctx());
    for (const email of ['reseller@charge-amps.example', 'distributor@charge-amps.example', 'agent@charge-amps.example', 'kund@charge-amps.example', 'client@smart-id.example', 'agent@smart-id.example', 'admin@apres.example']) {
      clients[email] = await loginAs(app, email);
    }
  });
  afterAll(() => app?.close());

  const unitsOf = async (client: Client, ticketId: string) =>
    new Map(((await client.get(`/api/v1/tickets/${ticketId}/units`)).json().items as { serial: string; unit: { id: string } | null }[]).map((i) => [i.serial, i.unit?.id]));
  const event = (client: Client, ticketId: string, body: Record<string, unknown>) => client.post(`/api/v1/tickets/${ticketId}/rma/events`, body);
  /** The mails the customer was sent about a ticket, oldest first. */
  const mailsTo = async (ticketId: string, to: string) =>
    ctx().db.selectFrom('outbound_message').select(['subject', 'body_text']).where('ticket_id', '=', ticketId).where('to_address', '=', to).where('kind', '=', 'notification').orderBy('created_at').orderBy('id').execute();

  describe('seed 002: two serials in one mail, through the reseller and its distributor', () => {
    let ticketId = '';
    let number = '';
    beforeAll(async () => {
      const tickets = (await as('reseller@charge-amps.example').get('/api/v1/tickets?limit=50')).json().items as { id: string; number: string; subject: string }[];
      const t = tickets.find((x) => x.subject === 'Laddboxen slutar ladda efter 10 minuter')!;
      [ticketId, number] = [t.id, t.number];
    });

    it('is requested by the reseller for both units, on the ticket number, and routed through the channel', async () => {
      const units = await unitsOf(as('reseller@charge-amps.example'), ticketId);
      const ids = [units.get('CA-HALO-220198')!, units.get('CA-HALO-220199')!];
      expect(ids.every(Boolean)).toBe(true);
      const res = await as('reseller@charge-amps.example').post(`/api/v1/tickets/${ticketId}/rma`, { unitIds: ids });
      expect(res.statusCode, res.body).toBe(201);
      const rma = res.json() as Rma;
      expect(rma).toMatchObject({ number, state: 'requested', channelRoute: true, nextEvents: ['endorse', 'refuse', 'cancel'] });
      expect(rma.lines.map((l) => [l.serial, l.warrantyOutcome, l.accessoriesExpected])).toEqual([
        ['CA-HALO-220198', 'legal_guarantee', ['cable']],
        ['CA-HALO-220199', 'none', ['cable']],
      ]);
      // The ticket already has its return.
      const again = await as('reseller@charge-amps.example').post(`/api/v1/tickets/${ticketId}/rma`, { unitIds: ids });
      expect([again.statusCode, again.json().code]).toEqual([409, 'RMA_ALREADY_EXISTS']);
    });

    it('refuses a second return for a unit already in one, and a unit of someone else as not found', async () => {
      const other = await as('reseller@charge-amps.example').post('/api/v1/tickets', {
        brandId: await brandId(ctx().db, 'charge-amps'),
        subject: 'Samma laddbox igen',
        description: 'd',
        serialNumbers: ['CA-HALO-220198'],
        requesterEmail: 'kund@charge-amps.example',
      });
      expect(other.statusCode, other.body).toBe(201);
      const unit = (await unitsOf(as('reseller@charge-amps.example'), other.json().id)).get('CA-HALO-220198')!;
      const busy = await as('reseller@charge-amps.example').post(`/api/v1/tickets/${other.json().id}/rma`, { unitIds: [unit] });
      expect([busy.statusCode, busy.json().code, busy.json().serials]).toEqual([409, 'RMA_UNIT_IN_RETURN', ['CA-HALO-220198']]);
      // A unit the reseller did not sell (Smart ID's) is answered like one that does not exist.
      const foreign = await ctx().db.selectFrom('unit').select('id').where('serial', '=', 'SIDT5-310577').executeTakeFirstOrThrow();
      const res = await as('reseller@charge-amps.example').post(`/api/v1/tickets/${other.json().id}/rma`, { unitIds: [foreign.id] });
      expect([res.statusCode, res.json().code]).toEqual([404, 'UNIT_NOT_FOUND']);
      // Nothing half-written: that ticket has no return.
      expect((await as('reseller@charge-amps.example').get(`/api/v1/tickets/${other.json().id}/rma`)).json().code).toBe('RMA_NOT_FOUND');
    });

    it('is authorised only after the reseller endorsed and the distributor approved, and the unit out of coverage only with charges accepted', async () => {
      // A shop's integration follows the return by webhook.
      const hook = await as('admin@apres.example').post('/api/v1/admin/webhooks', { brandId: await brandId(ctx().db, 'charge-amps'), url: 'https://hooks.example/apres', events: ['rma.endorsed', 'rma.authorised'] });
      expect(hook.statusCode, hook.body).toBe(201);
      const early = await event(as('agent@charge-amps.example'), ticketId, { event: 'authorise' });
      expect([early.statusCode, early.json().code, early.json().state, early.json().guard]).toEqual([409, 'RMA_GUARD_FAILED', 'requested', 'channel_approval_missing']);
      const notTheirs = await event(as('distributor@charge-amps.example'), ticketId, { event: 'endorse' });
      expect([notTheirs.statusCode, notTheirs.json().code]).toEqual([403, 'FORBIDDEN']);
      const outOfOrder = await event(as('distributor@charge-amps.example'), ticketId, { event: 'approve' });
      expect([outOfOrder.statusCode, outOfOrder.json().code, outOfOrder.json().state]).toEqual([409, 'RMA_TRANSITION_NOT_ALLOWED', 'requested']);
      expect((await event(as('reseller@charge-amps.example'), ticketId, { event: 'endorse' })).json().state).toBe('endorsed');
      expect((await event(as('distributor@charge-amps.example'), ticketId, { event: 'approve' })).json().state).toBe('approved');
      const charged = await event(as('agent@charge-amps.example'), ticketId, { event: 'authorise' });
      expect([charged.statusCode, charged.json().guard, charged.json().serials]).toEqual([409, 'charges_not_accepted', ['CA-HALO-220199']]);
      const ok = await event(as('agent@charge-amps.example'), ticketId, { event: 'authorise', customerAcceptsCharges: true });
      expect(ok.statusCode, ok.body).toBe(200);
      const rma = ok.json() as Rma;
      expect(rma.state).toBe('authorised');
      expect(rma.history.map((h) => [h.event, h.from, h.to, h.by])).toEqual([
        ['request', null, 'requested', 'Anna Berg (Laddexperten)'],
        ['endorse', 'requested', 'endorsed', 'Anna Berg (Laddexperten)'],
        ['approve', 'endorsed', 'approved', 'Johan Ek (Nordic EV)'],
        ['authorise', 'approved', 'authorised', expect.any(String)],
      ]);
      const deliveries = await ctx().db.selectFrom('webhook_delivery').select(['event', 'payload']).where('endpoint_id', '=', hook.json().id).orderBy('created_at').execute();
      expect(deliveries.map((d) => [d.event, (d.payload as { data: { rma: { number: string; state: string } } }).data.rma])).toEqual([
        ['rma.endorsed', { number, state: 'endorsed', previousState: 'requested', event: 'endorse' }],
        ['rma.authorised', { number, state: 'authorised', previousState: 'approved', event: 'authorise' }],
      ]);
      // Each transition is on the ticket's history too.
      const history = (await as('agent@charge-amps.example').get(`/api/v1/tickets/${ticketId}/history`)).json().items as { field: string; after: { state?: string } }[];
      expect(history.filter((h) => h.field === 'rma').map((h) => h.after.state)).toEqual(['requested', 'endorsed', 'approved', 'authorised']);
      // The end customer is told, in Swedish; the channel's own steps sent them nothing.
      const mails = await mailsTo(ticketId, 'kund@charge-amps.example');
      expect(mails.map((m) => m.subject)).toEqual([`[${number}] Din retur är godkänd`]);
      // The end customer follows it in the portal.
      expect((await as('kund@charge-amps.example').get(`/api/v1/tickets/${ticketId}/rma`)).json()).toMatchObject({ number, state: 'authorised', nextEvents: ['arrange_shipment', 'cancel'] });
    });
  });

  describe('seed 004: the label, the counter, a parcel refused, a battery missing', () => {
    let ticketId = '';
    let number = '';
    let unitId = '';
    beforeAll(async () => {
      const created = await as('client@smart-id.example').post('/api/v1/tickets', {
        brandId: await brandId(ctx().db, 'smart-id'),
        subject: 'Terminalul nu mai pornește',
        description: 'Terminalul SIDT5-310577 nu mai pornește după actualizare.',
        serialNumbers: ['SIDT5-310577'],
        customFields: { senderName: 'Maria Ionescu', senderAddress: 'Str. Lipscani 12\nBucurești', contactPerson: 'Maria Ionescu', contactPhone: '+40 721 000 111' },
      });
      expect(created.statusCode, created.body).toBe(201);
      [ticketId, number] = [created.json().id, created.json().number];
      unitId = (await unitsOf(as('client@smart-id.example'), ticketId)).get('SIDT5-310577')!;
    });

    it('is requested by the customer, and prints no label before it is authorised', async () => {
      const res = await as('client@smart-id.example').post(`/api/v1/tickets/${ticketId}/rma`, { unitIds: [unitId] });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ state: 'requested', channelRoute: false, nextEvents: ['cancel'] });
      const label = await as('client@smart-id.example').get(`/api/v1/tickets/${ticketId}/rma/label`);
      expect([label.statusCode, label.json().code, label.json().state]).toEqual([409, 'RMA_NOT_AUTHORISED', 'requested']);
      const self = await event(as('client@smart-id.example'), ticketId, { event: 'authorise' });
      expect([self.statusCode, self.json().code]).toEqual([403, 'FORBIDDEN']);
    });

    it('prints, once authorised and the parcel arranged, a label whose codes decode to the ticket number', async () => {
      expect((await event(as('agent@smart-id.example'), ticketId, { event: 'authorise' })).json().state).toBe('authorised');
      const noMode = await event(as('client@smart-id.example'), ticketId, { event: 'arrange_shipment' });
      expect([noMode.statusCode, noMode.json().guard, noMode.json().errors[0].field]).toEqual([409, 'inbound_mode_missing', 'inboundMode']);
      const arranged = (await event(as('client@smart-id.example'), ticketId, { event: 'arrange_shipment', inboundMode: 'courier', inbound: { carrier: 'Fan Courier', trackingNumber: 'FC-IN-77' } })).json() as Rma;
      expect(arranged.state).toBe('awaiting_parcel');
      // Under the legal guarantee (Romania, 600 days) the parcel costs the customer nothing.
      expect(arranged.shipments).toMatchObject([{ direction: 'in', mode: 'courier', paidBy: 'brand', carrier: 'Fan Courier', trackingNumber: 'FC-IN-77' }]);
      const label = await as('client@smart-id.example').get(`/api/v1/tickets/${ticketId}/rma/label`);
      expect([label.statusCode, label.headers['content-type']]).toEqual([200, 'application/pdf']);
      expect(barcodes(label.rawPayload, `label-${ctx().store}`)).toEqual([`CODE-128:${number}`, `QR-Code:${number}`]);
      const text = execFileSync('pdftotext', ['-layout', path.join(tmp, `label-${ctx().store}.pdf`), '-'], { encoding: 'utf8' });
      expect(text).toContain('Fără ramburs');
      expect(text).toContain('Telefon: +40 721 000 111');
      // The packing instructions: each accessory to tick, by the model's Romanian names, and the number's Code 128.
      const packing = await as('client@smart-id.example').get(`/api/v1/tickets/${ticketId}/rma/packing`);
      expect([packing.statusCode, packing.headers['content-type']]).toEqual([200, 'application/pdf']);
      expect(barcodes(packing.rawPayload, `packing-${ctx().store}`)).toEqual([`CODE-128:${number}`]);
      const steps = execFileSync('pdftotext', ['-layout', path.join(tmp, `packing-${ctx().store}.pdf`), '-'], { encoding: 'utf8' });
      expect(steps).toContain('Instrucțiuni de ambalare');
      expect(steps).toMatch(/Acumulator[\s\S]*Suport de încărcare/);
      const early = await as('client@smart-id.example').get(`/api/v1/tickets/${ticketId}/rma/receipt`);
      expect([early.statusCode, early.json().code]).toEqual([409, 'RMA_NOT_RECEIVED']);
    });

    it('finds the return by the scanned number at the counter, and catches a mistyped one by its check digit', async () => {
      const typo = number.slice(0, -1) + String((Number(number.at(-1)) + 1) % 10);
      const bad = await as('agent@smart-id.example').get(`/api/v1/returns/lookup?number=${encodeURIComponent(typo)}`);
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'TICKET_NUMBER_CHECK_DIGIT_INVALID']);
      const found = await as('agent@smart-id.example').get(`/api/v1/returns/lookup?number=${encodeURIComponent(number.toLowerCase())}`);
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json()).toMatchObject({ number, state: 'awaiting_parcel', lines: [{ serial: 'SIDT5-310577', accessoriesExpected: ['battery', 'cradle'] }] });
      const portal = await as('client@smart-id.example').get(`/api/v1/returns/lookup?number=${encodeURIComponent(number)}`);
      expect(portal.statusCode).toBe(403);
      // A parcel with no return behind it is recorded with what can be read, never lost; an empty record is refused.
      const smartId = await brandId(ctx().db, 'smart-id');
      const empty = await as('agent@smart-id.example').post('/api/v1/returns/unexpected-parcels', { brandId: smartId });
      expect([empty.statusCode, empty.json().errors[0].field]).toEqual([400, 'sender']);
      const parcel = await as('agent@smart-id.example').post('/api/v1/returns/unexpected-parcels', { brandId: smartId, labelText: 'SID-99', sender: 'Magazin ABC SRL, Cluj', carrier: 'Sameday' });
      expect(parcel.statusCode, parcel.body).toBe(201);
      const open = (await as('agent@smart-id.example').get('/api/v1/returns/unexpected-parcels')).json().items as { id: string; sender: string }[];
      expect(open.map((p) => p.sender)).toContain('Magazin ABC SRL, Cluj');
      // Another brand's desk neither sees it nor records for Smart ID.
      expect(((await as('agent@charge-amps.example').get('/api/v1/returns/unexpected-parcels')).json().items as { id: string }[]).map((p) => p.id)).not.toContain(parcel.json().id);
      const foreign = await as('agent@charge-amps.example').post('/api/v1/returns/unexpected-parcels', { brandId: smartId, sender: 'x' });
      expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'BRAND_NOT_FOUND']);
      // An admin's brand id that does not exist is not found either (the API fuzzing found it answered 500).
      const none = await as('admin@apres.example').post('/api/v1/returns/unexpected-parcels', { brandId: '00000000-0000-4000-8000-000000000000', sender: 'x' });
      expect([none.statusCode, none.json().code]).toEqual([404, 'BRAND_NOT_FOUND']);
    });

    it('refuses a cash-on-delivery parcel with its reason, and keeps waiting for the parcel', async () => {
      const res = await as('agent@smart-id.example').post(`/api/v1/tickets/${ticketId}/rma/refused-parcels`, { reason: 'Colet trimis cu ramburs', cashOnDelivery: true, carrier: 'Fan Courier' });
      expect(res.statusCode, res.body).toBe(200);
      const rma = res.json() as Rma;
      expect(rma.state).toBe('awaiting_parcel');
      expect(rma.shipments.find((s) => s.refusedReason)).toMatchObject({ cashOnDelivery: true, refusedReason: 'Colet trimis cu ramburs' });
      expect(rma.history.at(-1)).toMatchObject({ event: 'parcel_refused', from: 'awaiting_parcel', to: 'awaiting_parcel' });
      const told = (await mailsTo(ticketId, 'client@smart-id.example')).at(-1)!;
      expect(told.subject).toBe(`[${number}] Coletul dumneavoastră a fost refuzat`);
      expect(told.body_text).toContain('Motiv: Colet trimis cu ramburs');
    });

    it('puts the return on hold when the battery is missing, until it comes; then ships back and closes', async () => {
      // A photo of the parcel, taken at the counter.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      const photo = await as('agent@smart-id.example').request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('colet.png', 'image/png', png) });
      expect(photo.statusCode, photo.body).toBe(201);
      const held = (await event(as('agent@smart-id.example'), ticketId, { event: 'receive', received: [{ unitId, accessories: ['cradle'], condition: 'Carcasă zgâriată' }], photoIds: [photo.json().id] })).json() as Rma;
      // The condition and the photo are on the ticket, as the desk's internal note.
      const entries = (await as('agent@smart-id.example').get(`/api/v1/tickets/${ticketId}/entries`)).json().items as { kind: string; body: string; attachments: { filename: string }[] }[];
      const note = entries.find((e) => e.kind === 'internal_note')!;
      expect(note.body).toContain('SIDT5-310577: Carcasă zgâriată');
      expect(note.attachments.map((a) => a.filename)).toEqual(['colet.png']);
      // The customer does not see the desk's note.
      const seen = (await as('client@smart-id.example').get(`/api/v1/tickets/${ticketId}/entries`)).json().items as { kind: string }[];
      expect(seen.some((e) => e.kind === 'internal_note')).toBe(false);
      expect(held.state).toBe('on_hold');
      expect((held as Rma & { location: string }).location).toBe('at_workshop');
      expect(held.lines[0]!.accessoriesMissing).toEqual(['battery']);
      expect(held.history.at(-1)!.data).toEqual({ missing: [{ serial: 'SIDT5-310577', missing: ['battery'] }] });
      // The receipt handed over at the counter: the cradle came, the battery is missing, the scratch noted.
      const receipt = await as('agent@smart-id.example').get(`/api/v1/tickets/${ticketId}/rma/receipt`);
      expect(receipt.statusCode).toBe(200);
      expect(barcodes(receipt.rawPayload, `receipt-${ctx().store}`)).toEqual([`CODE-128:${number}`]);
      const given = execFileSync('pdftotext', ['-layout', path.join(tmp, `receipt-${ctx().store}.pdf`), '-'], { encoding: 'utf8' });
      expect(given).toContain('Dovadă de predare');
      expect(given).toContain('Acumulator — lipsă');
      expect(given).toContain('Suport de încărcare');
      expect(given).toContain('Starea la sosire: Carcasă zgâriată');
      // The desk's queue of returns on hold holds it; another brand's desk and the channel do not see it.
      const onHold = await as('agent@smart-id.example').get('/api/v1/returns?state=on_hold');
      expect(onHold.json().items.map((i: { number: string }) => i.number)).toContain(number);
      expect((await as('agent@charge-amps.example').get('/api/v1/returns?state=on_hold')).json().items.map((i: { number: string }) => i.number)).not.toContain(number);
      expect((await as('reseller@charge-amps.example').get('/api/v1/returns?state=on_hold')).statusCode).toBe(403);
      // Waiting for a parcel for more than a day: none of these (the test clock stands still).
      const stale = await as('agent@smart-id.example').get(`/api/v1/returns?state=awaiting_parcel&changedBefore=${encodeURIComponent('2000-01-01T00:00:00Z')}`);
      expect(stale.json().items).toEqual([]);
      // The customer reads what is missing by the model's Romanian name.
      const told = (await mailsTo(ticketId, 'client@smart-id.example')).at(-1)!;
      expect(told.subject).toBe(`[${number}] Coletului dumneavoastră îi lipsesc accesorii`);
      expect(told.body_text).toContain('- SIDT5-310577: Acumulator');
      // An accessory the model does not have is a clear error on its field, and changes nothing.
      const odd = await event(as('agent@smart-id.example'), ticketId, { event: 'complete_accessories', received: [{ unitId, accessories: ['charger'] }] });
      expect([odd.statusCode, odd.json().errors[0].field]).toEqual([400, 'received']);
      const still = await event(as('agent@smart-id.example'), ticketId, { event: 'complete_accessories' });
      expect([still.statusCode, still.json().guard, still.json().serials]).toEqual([409, 'accessories_still_missing', ['SIDT5-310577']]);
      expect((await event(as('agent@smart-id.example'), ticketId, { event: 'complete_accessories', received: [{ unitId, accessories: ['battery'] }] })).json().state).toBe('received');
      const notYet = await event(as('agent@smart-id.example'), ticketId, { event: 'close' });
      expect([notYet.statusCode, notYet.json().code, notYet.json().state]).toEqual([409, 'RMA_TRANSITION_NOT_ALLOWED', 'received']);
      const noParcel = await event(as('agent@smart-id.example'), ticketId, { event: 'ship_back' });
      expect(noParcel.json().guard).toBe('outbound_not_recorded');
      expect((await event(as('agent@smart-id.example'), ticketId, { event: 'ship_back', outbound: { carrier: 'Fan Courier', trackingNumber: 'FC123' } })).json().state).toBe('shipped_back');
      expect((await mailsTo(ticketId, 'client@smart-id.example')).map((m) => m.subject.replace(`[${number}] `, ''))).toEqual([
        'Returul dumneavoastră este autorizat',
        'Coletul dumneavoastră a fost refuzat',
        'Coletului dumneavoastră îi lipsesc accesorii',
        'Am primit coletul dumneavoastră',
        'Produsul dumneavoastră este pe drum',
      ]);
      expect((await mailsTo(ticketId, 'client@smart-id.example')).at(-1)!.body_text).toContain('Fan Courier (număr de urmărire: FC123)');
      const closed = (await event(as('agent@smart-id.example'), ticketId, { event: 'close' })).json() as Rma;
      expect([closed.state, closed.nextEvents]).toEqual(['closed', []]);
      // Closed, the unit may go back in another return.
      const line = await ctx().db.selectFrom('rma_line').select('open').where('unit_id', '=', unitId).executeTakeFirstOrThrow();
      expect(line.open).toBe(false);
    });
  });
});
