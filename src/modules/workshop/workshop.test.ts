import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../platform/files/file-store.ts';
import { JobQueue } from '../../platform/jobs/job-queue.ts';
import { testClock } from '../../test/clock.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { acceptRawMessage, type EmailContext, processInbound, ticketMail } from '../email/index.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-workshop-'));

/** A PDF as a person and a scanner read it: its text (pdftotext) and its barcodes (pdftoppm, then zbarimg). */
function readPdf(pdf: Buffer, name: string): { text: string; codes: string[] } {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', file, path.join(tmp, name)]);
  if (process.env.APRES_KEEP_PDF_PNG) fs.copyFileSync(path.join(tmp, `${name}.png`), path.join(process.env.APRES_KEEP_PDF_PNG, `${name}.png`));
  const codes = execFileSync('zbarimg', ['--quiet', path.join(tmp, `${name}.png`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').sort();
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '), codes };
}

interface Repair {
  id: string;
  state: string;
  serial: string;
  nextEvents: string[];
  decision: { remedy: string; rule: string; article: string | null; billable: boolean; replacementCondition: string | null; coverage: string } | null;
  estimate: { minDays: number; maxDays: number; basis: Record<string, unknown> } | null;
  parts: { reference: string; status: string; expectedOn: string | null }[];
  quotes: { id: string; number: string; kind: string; state: string; lines: { kind: string; description: string; net: { amountCents: number } }[]; net: { amountCents: number }; tax: { amountCents: number }; total: { amountCents: number; currency: string }; answeredVia: string | null }[];
  invoices: { id: string; number: string; total: { amountCents: number; currency: string } }[];
  replacementSerial: string | null;
  recycled: boolean;
}

/** Issue 13: the workshop through the API — seed 004's quotes, fee and end of life, seed 001's exchange. */
describeStores('workshop', (ctx) => {
  let app: FastifyInstance;
  const clients: Record<string, Client> = {};
  const as = (email: string) => clients[email]!;
  const client = () => as('client@smart-id.example');
  const agent = () => as('agent@smart-id.example');
  beforeAll(async () => {
    app = await buildTestApp(ctx());
    for (const email of ['client@smart-id.example', 'agent@smart-id.example', 'client@mecashop.example', 'agent@mecashop.example', 'agent@charge-amps.example', 'reseller@charge-amps.example', 'distributor@charge-amps.example', 'client@carri.example', 'admin@apres.example']) clients[email] = await loginAs(app, email);
  });
  afterAll(() => app?.close());

  const db = () => ctx().db;
  /** The e-mail module as the SMTP receiver drives it, on this test's store. */
  async function emailContext() {
    const jobs = new JobQueue(ctx().database);
    await jobs.start();
    const dir = fs.mkdtempSync(path.join(tmp, 'mail-'));
    const email: EmailContext = { db: db(), jobs, files: new FileStore(path.join(dir, 'files')), rawStore: new FileStore(path.join(dir, 'raw')), maxMessageBytes: 200_000, clock: testClock() };
    return { ctx: email, stop: () => jobs.stop() };
  }
  const unitId = async (serial: string) => (await db().selectFrom('unit').select('id').where('serial', '=', serial).executeTakeFirstOrThrow()).id;
  const partId = async (reference: string) => (await db().selectFrom('spare_part').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;
  const workshop = async (c: Client, ticketId: string) => (await c.get(`/api/v1/tickets/${ticketId}/workshop`)).json().items as Repair[];
  const mails = (ticketId: string) => db().selectFrom('outbound_message').select(['subject', 'body_text']).where('ticket_id', '=', ticketId).where('kind', '=', 'notification').orderBy('created_at').orderBy('id').execute();

  /** A Smart ID customer's ticket for one terminal, returned by courier and received complete: on the bench. */
  async function onTheBench(serial: string, accessories: string[]) {
    const created = await client().post('/api/v1/tickets', {
      brandId: await brandId(db(), 'smart-id'),
      subject: `Terminal ${serial} defect`,
      description: `Terminalul ${serial} nu mai funcționează.`,
      serialNumbers: [serial],
      customFields: { senderName: 'Maria Ionescu', senderAddress: 'Str. Lipscani 12\nBucurești', contactPerson: 'Maria Ionescu', contactPhone: '+40 721 000 111' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticketId = created.json().id as string;
    const unit = await unitId(serial);
    const steps: [Client, string, Record<string, unknown>][] = [
      [agent(), 'authorise', {}],
      [client(), 'arrange_shipment', { inboundMode: 'courier', inbound: { carrier: 'Fan Courier' } }],
      [agent(), 'receive', { received: [{ unitId: unit, accessories }] }],
      [agent(), 'start_workshop', {}],
    ];
    expect((await client().post(`/api/v1/tickets/${ticketId}/rma`, { unitIds: [unit], customerAcceptsCharges: true })).statusCode).toBe(201);
    for (const [who, event, body] of steps) {
      const r = await who.post(`/api/v1/tickets/${ticketId}/rma/events`, { event, ...body });
      expect(r.statusCode, `${event}: ${r.body}`).toBe(200);
    }
    return { ticketId, unit };
  }

  describe('seed 004: a quote needing a part out of stock, accepted — the part is ordered only then', () => {
    let ticketId = '';
    let repair: Repair;
    it('diagnoses the unit on the bench and quotes it, ordering nothing yet', async () => {
      const bench = await onTheBench('SIDT5-310578', ['battery', 'cradle']);
      ticketId = bench.ticketId;
      const display = await partId('SID-DSP-T5');
      const res = await agent().post(`/api/v1/tickets/${ticketId}/workshop/diagnosis`, { unitId: bench.unit, findings: 'Ecran tactil fisurat intern, nu răspunde la atingere.', faultCode: 'DSP-01', repairable: true, customerDamage: false, labourMinutes: 60, parts: [{ partId: display, quantity: 1 }] });
      expect(res.statusCode, res.body).toBe(200);
      repair = (res.json().items as Repair[])[0]!;
      expect(repair).toMatchObject({ state: 'diagnosing', serial: 'SIDT5-310578' });
      const decided = await agent().post(`/api/v1/tickets/${ticketId}/workshop/repairs/${repair!.id}/decision`, {});
      expect(decided.statusCode, decided.body).toBe(200);
      repair = (decided.json().items as Repair[])[0]!;
      expect(repair.decision).toMatchObject({ remedy: 'quote', rule: 'out_of_coverage_repairable', billable: true, coverage: 'none' });
      expect(repair.state).toBe('awaiting_customer');
      const [quote] = repair.quotes;
      // Display 145.00 + labour 1 h at 45.00 + return 15.00 = 205.00 net; 21 % Romanian VAT 43.05; 248.05 EUR.
      expect(quote).toMatchObject({ kind: 'repair', state: 'sent', net: { amountCents: 20_500 }, tax: { amountCents: 4305 }, total: { amountCents: 24_805, currency: 'EUR' } });
      expect(quote!.number).toMatch(/^Q-\d{4}-000001$/);
      expect(quote!.lines.map((l) => [l.kind, l.description])).toEqual([['part', 'Ecran tactil SID-T5'], ['labour', 'Manoperă (60 min)'], ['transport', 'Transport retur']]);
      expect(await db().selectFrom('purchase_order').select('id').where('part_id', '=', display).execute()).toEqual([]);
      const told = (await mails(ticketId)).map((m) => m.subject);
      expect(told.some((s) => s.includes('Ofertă de preț pentru reparația SIDT5-310578'))).toBe(true);
    });

    it('orders the part when the customer accepts in the portal; the ticket waits for parts and the customer is told the new date', async () => {
      const quoteId = repair.quotes[0]!.id;
      const other = await as('client@mecashop.example').post(`/api/v1/quotes/${quoteId}/answer`, { answer: 'accept' });
      expect([other.statusCode, other.json().code]).toEqual([404, 'QUOTE_NOT_FOUND']);
      const res = await client().post(`/api/v1/quotes/${quoteId}/answer`, { answer: 'accept' });
      expect(res.statusCode, res.body).toBe(200);
      const twice = await client().post(`/api/v1/quotes/${quoteId}/answer`, { answer: 'refuse' });
      expect([twice.statusCode, twice.json().code, twice.json().state]).toEqual([409, 'QUOTE_ALREADY_ANSWERED', 'accepted']);
      repair = (await workshop(client(), ticketId))[0]!;
      expect(repair).toMatchObject({ state: 'awaiting_parts', quotes: [{ state: 'accepted', answeredVia: 'portal' }], parts: [{ reference: 'SID-DSP-T5', status: 'ordered' }] });
      expect(repair.parts[0]!.expectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const po = await db().selectFrom('purchase_order').selectAll().where('repair_id', '=', repair.id).executeTakeFirstOrThrow();
      expect(po).toMatchObject({ supplier: 'Smart ID Dynamics', quantity: 1, state: 'ordered' });
      // 3 to 30 days, plus the display's 21 days of lead time.
      expect(repair.estimate).toMatchObject({ minDays: 24, maxDays: 51, basis: { source: 'brand', partsLeadDays: 21 } });
      const ticket = (await client().get(`/api/v1/tickets/${ticketId}`)).json();
      expect(ticket.status).toBe('waiting_parts');
      const change = await db().selectFrom('ticket_schedule_change').select(['reason', 'note']).where('ticket_id', '=', ticketId).executeTakeFirstOrThrow();
      expect(change).toEqual({ reason: 'waiting_for_parts', note: '24–51' });
      const low = (await agent().get(`/api/v1/workshop/low-stock?brandId=${await brandId(db(), 'smart-id')}`)).json().items as { reference: string; onOrder: number }[];
      expect(low.find((p) => p.reference === 'SID-DSP-T5')).toMatchObject({ onOrder: 1 });
      const board = (await agent().get('/api/v1/workshop/board')).json().items as { number: string; state: string; partsWaiting: number }[];
      expect(board.find((b) => b.state === 'awaiting_parts')).toMatchObject({ partsWaiting: 1 });
    });

    it('takes the delivered part, repairs, tests and records the repair on the unit', async () => {
      const po = await db().selectFrom('purchase_order').select('id').where('repair_id', '=', repair.id).executeTakeFirstOrThrow();
      const received = await agent().post(`/api/v1/workshop/purchase-orders/${po.id}/receive`, {});
      expect(received.json()).toEqual({ purchaseOrderId: po.id, resumedRepairIds: [repair.id] });
      const again = await agent().post(`/api/v1/workshop/purchase-orders/${po.id}/receive`, {});
      expect([again.statusCode, again.json().code]).toEqual([409, 'PURCHASE_ORDER_ALREADY_RECEIVED']);
      expect((await db().selectFrom('spare_part').select('stock_on_hand').where('reference', '=', 'SID-DSP-T5').executeTakeFirstOrThrow()).stock_on_hand).toBe(0);
      expect((await client().get(`/api/v1/tickets/${ticketId}`)).json().status).toBe('in_progress');
      // The part is in: the duration is worked out again without its lead time, and the customer told.
      expect((await workshop(client(), ticketId))[0]!.estimate).toMatchObject({ minDays: 3, maxDays: 30 });
      const changes = await db().selectFrom('ticket_schedule_change').select('reason').where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
      expect(changes.map((c) => c.reason)).toEqual(['waiting_for_parts', 'repair_estimate']);
      const url = `/api/v1/tickets/${ticketId}/workshop/repairs/${repair.id}/events`;
      const noWords = await agent().post(url, { event: 'repaired' });
      expect([noWords.statusCode, noWords.json().errors[0].field]).toEqual([400, 'workDone']);
      expect((await agent().post(url, { event: 'repaired', workDone: 'Ecran înlocuit.' })).json().items[0].state).toBe('testing');
      expect((await agent().post(url, { event: 'test_passed', testsPassed: ['touch', 'scan', 'battery'] })).json().items[0].state).toBe('ready_to_ship');
      const early = await agent().post(url, { event: 'test_passed' });
      expect([early.statusCode, early.json().code]).toEqual([409, 'REPAIR_TRANSITION_NOT_ALLOWED']);
      const history = await db().selectFrom('unit_event').select(['kind', 'data']).where('unit_id', '=', await unitId('SIDT5-310578')).where('kind', '=', 'repaired').execute();
      expect(history).toMatchObject([{ kind: 'repaired', data: { cover: 'none' } }]);
      const customerView = await client().post(url, { event: 'shipped' });
      expect(customerView.statusCode).toBe(403);
      // The repair report, in Romanian: what was found and done, the part used, the tests passed.
      const report = await client().get(`/api/v1/tickets/${ticketId}/workshop/repairs/${repair.id}/report`);
      expect([report.statusCode, report.headers['content-type']]).toEqual([200, 'application/pdf']);
      const number = (await client().get(`/api/v1/tickets/${ticketId}`)).json().number as string;
      const read = readPdf(report.rawPayload, `report-${ctx().store}`);
      expect(read.codes).toEqual([`CODE-128:${number}`]);
      for (const words of ['Raport de reparație', 'Ecran înlocuit.', '1 × Ecran tactil SID-T5 (SID-DSP-T5)', '✓ touch', 'În afara garanției', 'Număr de serie: SIDT5-310578']) expect(read.text).toContain(words);
      // The quote as it was accepted.
      const quote = await client().get(`/api/v1/quotes/${repair.quotes[0]!.id}/pdf`);
      const q = readPdf(quote.rawPayload, `quote-${ctx().store}`);
      expect(q.codes).toEqual([`CODE-128:${repair.quotes[0]!.number}`]);
      for (const words of ['Ofertă de preț', 'Ecran tactil SID-T5', 'Manoperă (60 min)', 'TVA 21 %', '248,05', 'Acceptată']) expect(q.text).toContain(words);
    });
  });

  describe('seed 004: a quote refused by its e-mail link — the 20 EUR fee invoiced, the unit back at the customer’s cost', () => {
    let ticketId = '';
    let links: string[] = [];
    it('sends the quote with signed links that only show it when opened', async () => {
      const bench = await onTheBench('SIDT5-310579', ['battery', 'cradle']);
      ticketId = bench.ticketId;
      const r = await agent().post(`/api/v1/tickets/${ticketId}/workshop/diagnosis`, { unitId: bench.unit, findings: 'Placă de bază oxidată.', repairable: true, customerDamage: false, labourMinutes: 90, parts: [{ partId: await partId('SID-BAT-T5'), quantity: 1 }] });
      const repairId = (r.json().items as Repair[])[0]!.id;
      expect((await agent().post(`/api/v1/tickets/${ticketId}/workshop/repairs/${repairId}/decision`, {})).statusCode).toBe(200);
      const quoteMail = (await mails(ticketId)).find((m) => m.subject.includes('Ofertă de preț'))!;
      links = [...quoteMail.body_text.matchAll(/\/quote\/(\S+)/g)].map((m) => m[1]!);
      expect(links).toHaveLength(2);
      const shown = await app.inject({ method: 'GET', url: `/api/v1/quote-links?token=${links[1]}` });
      expect(shown.statusCode, shown.body).toBe(200);
      expect(shown.json()).toMatchObject({ answer: 'refuse', brand: 'Smart ID Service', quote: { state: 'sent' } });
      // The battery is in stock but nothing is reserved for a quote that is not accepted.
      expect((await db().selectFrom('spare_part').select('stock_on_hand').where('reference', '=', 'SID-BAT-T5').executeTakeFirstOrThrow()).stock_on_hand).toBe(12);
    });

    it('refuses a tampered link, takes the refusal once, and invoices the announced fee', async () => {
      const [body, sig] = links[1]!.split('.');
      const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), a: 'accept' })).toString('base64url');
      const tampered = await app.inject({ method: 'POST', url: '/api/v1/quote-links', payload: { token: `${forged}.${sig}` } });
      expect([tampered.statusCode, tampered.json().code]).toEqual([403, 'QUOTE_LINK_INVALID']);
      const refused = await app.inject({ method: 'POST', url: '/api/v1/quote-links', payload: { token: links[1] } });
      expect(refused.statusCode, refused.body).toBe(200);
      expect(refused.json().state).toBe('refused');
      const replay = await app.inject({ method: 'POST', url: '/api/v1/quote-links', payload: { token: links[0] } });
      expect([replay.statusCode, replay.json().code]).toEqual([409, 'QUOTE_ALREADY_ANSWERED']);
      const [repair] = await workshop(client(), ticketId);
      expect(repair).toMatchObject({ state: 'returning_unrepaired', quotes: [{ state: 'refused', answeredVia: 'link' }] });
      // 20.00 EUR announced, tax inside: 16.53 + 3.47.
      expect(repair!.invoices).toMatchObject([{ total: { amountCents: 2000, currency: 'EUR' } }]);
      expect(repair!.invoices[0]!.number).toMatch(/^F-\d{4}-000001$/);
      const invoice = await db().selectFrom('workshop_invoice').selectAll().where('repair_id', '=', repair!.id).executeTakeFirstOrThrow();
      expect([invoice.net_cents, invoice.tax_cents, invoice.tax_rate_bp]).toEqual([1653, 347, 2100]);
      const pdf = await client().get(`/api/v1/workshop-invoices/${repair!.invoices[0]!.id}/pdf`);
      expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
      const read = readPdf(pdf.rawPayload, `fee-invoice-${ctx().store}`);
      expect(read.codes).toEqual([`CODE-128:${repair!.invoices[0]!.number}`]);
      for (const words of ['Factură', 'Taxă de diagnosticare', '16,53', '3,47', '20,00', 'după refuzul ofertei Q-', 'returnat nereparat']) expect(read.text).toContain(words);
      const stranger = await as('client@mecashop.example').get(`/api/v1/workshop-invoices/${repair!.invoices[0]!.id}/pdf`);
      expect([stranger.statusCode, stranger.json().code]).toEqual([404, 'WORKSHOP_INVOICE_NOT_FOUND']);
      const noReport = await client().get(`/api/v1/tickets/${ticketId}/workshop/repairs/${repair!.id}/report`);
      expect([noReport.statusCode, noReport.json().code]).toEqual([409, 'REPAIR_REPORT_NOT_READY']);
      const feeMail = (await mails(ticketId)).at(-1)!;
      expect(feeMail.body_text).toContain(repair!.invoices[0]!.number);
      expect(feeMail.body_text.replace(/\s/g, ' ')).toContain('20,00 EUR');
      // The fee was announced with the quote, in its mail.
      expect((await mails(ticketId)).find((m) => m.subject.includes('Ofertă de preț'))!.body_text.replace(/\s/g, ' ')).toContain('taxa de diagnosticare de 20,00 EUR');
      // The unit goes back at the customer's cost; then the desk ships the return back.
      const url = `/api/v1/tickets/${ticketId}/workshop/repairs/${repair!.id}/events`;
      const noParcel = await agent().post(url, { event: 'shipped' });
      expect([noParcel.statusCode, noParcel.json().errors[0].field]).toEqual([400, 'outbound']);
      expect((await agent().post(url, { event: 'shipped', outbound: { carrier: 'Fan Courier', trackingNumber: 'FC-BACK-9' } })).json().items[0].state).toBe('done');
      const back = await agent().post(`/api/v1/tickets/${ticketId}/rma/events`, { event: 'ship_back' });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ state: 'shipped_back', shipments: expect.arrayContaining([expect.objectContaining({ direction: 'out', paidBy: 'customer', carrier: 'Fan Courier' })]) });
    });
  });

  describe('seed 004: an end-of-life unit — a second-hand one offered, accepted, the old one recycled', () => {
    it('asks what is offered, sends the offer, and recycles the old unit when it is accepted', async () => {
      const bench = await onTheBench('SIDT3-100482', ['battery']);
      const r = await agent().post(`/api/v1/tickets/${bench.ticketId}/workshop/diagnosis`, { unitId: bench.unit, findings: 'Placă de bază arsă; modelul nu mai are piese.', repairable: false, customerDamage: false, labourMinutes: 30, parts: [] });
      const repairId = (r.json().items as Repair[])[0]!.id;
      const url = `/api/v1/tickets/${bench.ticketId}/workshop/repairs/${repairId}/decision`;
      const noOffer = await agent().post(url, {});
      expect([noOffer.statusCode, noOffer.json().errors[0].field]).toEqual([400, 'offer']);
      const t5 = (await db().selectFrom('product_model').select('id').where('code', '=', 'SID-T5').executeTakeFirstOrThrow()).id;
      const offered = await agent().post(url, { offer: { condition: 'second_hand', priceCents: 25_000, modelId: t5 } });
      expect(offered.statusCode, offered.body).toBe(200);
      let [repair] = offered.json().items as Repair[];
      expect(repair).toMatchObject({ state: 'awaiting_customer', decision: { remedy: 'end_of_life_offer', rule: 'end_of_life' }, quotes: [{ kind: 'offer' }] });
      expect(repair!.quotes[0]!.lines[0]!.description).toBe('Terminal portabil SID-T5 second-hand');
      // A question is a message for the desk; a reply that is just the word the mail asks for accepts.
      expect((await client().post(`/api/v1/tickets/${bench.ticketId}/entries`, { kind: 'customer_message', body: 'Da, dar cât costă transportul?' })).statusCode).toBe(201);
      expect((await workshop(client(), bench.ticketId))[0]!.quotes[0]!.state).toBe('sent');
      expect((await client().post(`/api/v1/tickets/${bench.ticketId}/entries`, { kind: 'customer_message', body: 'Accept.\n\n> Vă oferim un alt aparat' })).statusCode).toBe(201);
      [repair] = await workshop(client(), bench.ticketId);
      expect(repair).toMatchObject({ state: 'replacing', recycled: true, quotes: [{ state: 'accepted', answeredVia: 'portal' }] });
      const shipped = await agent().post(`/api/v1/tickets/${bench.ticketId}/workshop/repairs/${repairId}/replacement`, { carrier: 'Fan Courier', trackingNumber: 'FC-OUT-1' });
      expect(shipped.statusCode, shipped.body).toBe(200);
      expect((shipped.json().items as Repair[])[0]).toMatchObject({ state: 'done', replacementSerial: 'SIDT5-209001' });
      const given = await db().selectFrom('unit').select(['owner_id', 'condition']).where('serial', '=', 'SIDT5-209001').executeTakeFirstOrThrow();
      const owner = await db().selectFrom('app_user').select('id').where('email', '=', 'client@smart-id.example').executeTakeFirstOrThrow();
      expect(given).toEqual({ owner_id: owner.id, condition: 'second_hand' });
      const kinds = (await db().selectFrom('unit_event').select('kind').where('unit_id', '=', bench.unit).orderBy('id').execute()).map((e) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['recycled', 'replaced']));
      const certificate = await client().get(`/api/v1/tickets/${bench.ticketId}/workshop/repairs/${repairId}/recycling-certificate`);
      expect([certificate.statusCode, certificate.headers['content-type']]).toEqual([200, 'application/pdf']);
      const read = readPdf(certificate.rawPayload, `recycling-${ctx().store}`);
      for (const words of ['Certificat de reciclare', 'SIDT3-100482', 'Terminal portabil SID-T3', 'Maria Ionescu', 'gratuită']) expect(read.text).toContain(words);
    });
  });

  describe('seed 001: unused on arrival — an exchange proposed, the customer chooses, nothing ships before the pickup', () => {
    it('refuses the replacement until the courier collected the defective unit, then ships a new one', async () => {
      const mecashop = as('client@mecashop.example');
      const desk = as('agent@mecashop.example');
      const created = await mecashop.post('/api/v1/tickets', { brandId: await brandId(db(), 'mecashop'), subject: 'Tondeuse neuve en panne', description: 'La tondeuse TD-4521-88 reçue il y a 5 jours ne démarre pas, jamais utilisée.', serialNumbers: ['TD-4521-88'], customFields: { orderNumber: 'CMD-2026-118842', usedBefore: 'no' } });
      expect(created.statusCode, created.body).toBe(201);
      const ticketId = created.json().id as string;
      const unit = await unitId('TD-4521-88');
      expect((await mecashop.post(`/api/v1/tickets/${ticketId}/rma`, { unitIds: [unit] })).statusCode).toBe(201);
      expect((await desk.post(`/api/v1/tickets/${ticketId}/rma/events`, { event: 'authorise' })).statusCode).toBe(200);
      expect((await mecashop.post(`/api/v1/tickets/${ticketId}/rma/events`, { event: 'arrange_shipment', inboundMode: 'pickup' })).statusCode).toBe(200);
      const diag = await desk.post(`/api/v1/tickets/${ticketId}/workshop/diagnosis`, { unitId: unit, findings: 'Ne démarre pas à la réception, aucune trace d’utilisation selon les photos.', repairable: true, customerDamage: false, labourMinutes: 45, parts: [], unused: true });
      expect(diag.statusCode, diag.body).toBe(200);
      const repairId = (diag.json().items as Repair[])[0]!.id;
      const proposed = await desk.post(`/api/v1/tickets/${ticketId}/workshop/repairs/${repairId}/decision`, {});
      expect((proposed.json().items as Repair[])[0]).toMatchObject({ state: 'awaiting_customer', decision: { remedy: 'exchange_offer', rule: 'defective_on_arrival', replacementCondition: 'new', billable: false } });
      // The customer chooses the exchange.
      const chosen = await mecashop.post(`/api/v1/tickets/${ticketId}/workshop/repairs/${repairId}/decision`, { customerChoice: 'replacement' });
      expect(chosen.statusCode, chosen.body).toBe(200);
      expect((chosen.json().items as Repair[])[0]).toMatchObject({ state: 'replacing', decision: { remedy: 'replace', rule: 'customer_choice' } });
      const url = `/api/v1/tickets/${ticketId}/workshop/repairs/${repairId}/replacement`;
      for (const who of [desk, as('admin@apres.example')]) {
        const early = await who.post(url, { carrier: 'Colissimo' });
        expect([early.statusCode, early.json().code, early.json().errors[0].field]).toEqual([409, 'REPLACEMENT_BEFORE_PICKUP', 'outbound']);
      }
      // Nothing was handed over or shipped by the refused attempts.
      expect((await db().selectFrom('unit').select('owner_id').where('serial', '=', 'TD-4600-01').executeTakeFirstOrThrow()).owner_id).toBeNull();
      const rmaId = (await db().selectFrom('rma').select('id').where('ticket_id', '=', ticketId).executeTakeFirstOrThrow()).id;
      expect(await db().selectFrom('rma_shipment').select('id').where('rma_id', '=', rmaId).where('direction', '=', 'out').execute()).toEqual([]);
      const picked = await desk.post(`/api/v1/tickets/${ticketId}/rma/pickup`, { carrier: 'Colissimo', trackingNumber: '6A1234' });
      expect(picked.statusCode, picked.body).toBe(200);
      const shipped = await desk.post(url, { carrier: 'Colissimo', trackingNumber: '6A9999' });
      expect(shipped.statusCode, shipped.body).toBe(200);
      expect((shipped.json().items as Repair[])[0]).toMatchObject({ state: 'done', replacementSerial: 'TD-4600-01' });
    });
  });

  describe('seed 002: in warranty and unrepairable → a refurbished unit with consent; out of warranty → an estimate accepted', () => {
    it('replaces the charger under the Swedish legal guarantee by a refurbished one and quotes the other in SEK', async () => {
      const desk = as('agent@charge-amps.example');
      const created = await desk.post('/api/v1/tickets', { brandId: await brandId(db(), 'charge-amps'), channel: 'phone', subject: 'Två laddboxar laddar inte', description: 'CA-HALO-220198 och CA-HALO-220199 slutar ladda.', serialNumbers: ['CA-HALO-220198', 'CA-HALO-220199'], requesterEmail: 'kund@charge-amps.example' });
      expect(created.statusCode, created.body).toBe(201);
      const ticketId = created.json().id as string;
      const [inWarranty, outOfWarranty] = [await unitId('CA-HALO-220198'), await unitId('CA-HALO-220199')];
      expect((await desk.post(`/api/v1/tickets/${ticketId}/rma`, { unitIds: [inWarranty, outOfWarranty], customerAcceptsCharges: true })).statusCode).toBe(201);
      // Through the reseller that sold them and its distributor (seed 002), then the desk.
      expect((await as('reseller@charge-amps.example').post(`/api/v1/tickets/${ticketId}/rma/events`, { event: 'endorse' })).statusCode).toBe(200);
      expect((await as('distributor@charge-amps.example').post(`/api/v1/tickets/${ticketId}/rma/events`, { event: 'approve' })).statusCode).toBe(200);
      for (const body of [{ event: 'authorise' }, { event: 'arrange_shipment', inboundMode: 'pickup' }, { event: 'receive', received: [{ unitId: inWarranty, accessories: ['cable'] }, { unitId: outOfWarranty, accessories: ['cable'] }] }, { event: 'start_workshop' }]) {
        const r = await desk.post(`/api/v1/tickets/${ticketId}/rma/events`, body);
        expect(r.statusCode, `${body.event}: ${r.body}`).toBe(200);
      }
      const diagnose = (unit: string, repairable: boolean) => desk.post(`/api/v1/tickets/${ticketId}/workshop/diagnosis`, { unitId: unit, findings: repairable ? 'Kontaktor sliten.' : 'Styrkortet kortslutet, går inte att laga.', repairable, customerDamage: false, labourMinutes: 90, parts: [] });
      expect((await diagnose(inWarranty, false)).statusCode).toBe(200);
      const repairs = (await diagnose(outOfWarranty, true)).json().items as Repair[];
      const [a, b] = [repairs.find((r) => r.serial === 'CA-HALO-220198')!, repairs.find((r) => r.serial === 'CA-HALO-220199')!];
      const replaced = ((await desk.post(`/api/v1/tickets/${ticketId}/workshop/repairs/${a.id}/decision`, { refurbishedConsent: true })).json().items as Repair[]).find((r) => r.id === a.id)!;
      expect(replaced).toMatchObject({ state: 'replacing', decision: { remedy: 'replace', replacementCondition: 'refurbished', rule: 'repair_impossible', coverage: 'legal_guarantee', billable: false, article: expect.stringContaining('Konsumentköplag') } });
      const shipped = ((await desk.post(`/api/v1/tickets/${ticketId}/workshop/repairs/${a.id}/replacement`, { carrier: 'PostNord' })).json().items as Repair[]).find((r) => r.id === a.id)!;
      expect(shipped).toMatchObject({ state: 'done', replacementSerial: 'CA-HALO-900017' });
      const quoted = ((await desk.post(`/api/v1/tickets/${ticketId}/workshop/repairs/${b.id}/decision`, {})).json().items as Repair[]).find((r) => r.id === b.id)!;
      // 1.5 h at 650 kr + return 199 kr = 1 174 kr; 25 % Swedish VAT 293.50; 1 467.50 kr.
      expect(quoted.quotes[0]).toMatchObject({ net: { amountCents: 117_400 }, tax: { amountCents: 29_350 }, total: { amountCents: 146_750, currency: 'SEK' } });
      // The customer answers by replying to the quote's e-mail with one Swedish word.
      const number = (await desk.get(`/api/v1/tickets/${ticketId}`)).json().number as string;
      const email = await emailContext();
      const raw = Buffer.from(
        [
          'From: Kund <kund@charge-amps.example>',
          'To: support@charge-amps.example',
          `Subject: Re: [${number}] Offert för reparation av CA-HALO-220199`,
          'Message-ID: <godkanner-220199@kund.example>',
          'Date: Wed, 10 Jun 2026 09:00:00 +0200',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Godkänner',
          '',
          '> Här är vår offert',
        ].join('\r\n'),
      );
      const { inboundId } = await acceptRawMessage(email.ctx, { raw, source: 'smtp', envelopeTo: ['support@charge-amps.example'] });
      expect(await processInbound(email.ctx, ticketMail(email.ctx), inboundId, email.ctx.clock.now())).toBe('processed');
      await email.stop();
      const accepted = (await workshop(desk, ticketId)).find((r) => r.id === b.id)!;
      expect(accepted).toMatchObject({ state: 'repairing', quotes: [{ state: 'accepted', answeredVia: 'email' }] });
    });
  });

  describe('seed 000: an out-of-warranty server gets a billable quote, in French, taxed at 20 %', () => {
    it('quotes the power supply and the labour for a unit 1 400 days old bought by a business', async () => {
      const desk = await loginAs(app, 'agent@carri.example');
      const created = await desk.post('/api/v1/tickets', { brandId: await brandId(db(), 'carri'), channel: 'phone', subject: 'Serveur CS-R540 hors service', description: 'Le serveur CS540-0815-B2 ne démarre plus.', serialNumbers: ['CS540-0815-B2'], requesterEmail: 'client@carri.example', customFields: { troubleshootingSteps: 'Redémarrage, test de l’alimentation', physicalAccess: 'yes' } });
      expect(created.statusCode, created.body).toBe(201);
      const ticketId = created.json().id as string;
      const unit = await unitId('CS540-0815-B2');
      expect((await desk.post(`/api/v1/tickets/${ticketId}/rma`, { unitIds: [unit], customerAcceptsCharges: true })).statusCode).toBe(201);
      for (const body of [{ event: 'authorise' }, { event: 'arrange_shipment', inboundMode: 'pickup' }, { event: 'receive' }, { event: 'start_workshop' }]) {
        const r = await desk.post(`/api/v1/tickets/${ticketId}/rma/events`, body);
        expect(r.statusCode, `${body.event}: ${r.body}`).toBe(200);
      }
      const d = await desk.post(`/api/v1/tickets/${ticketId}/workshop/diagnosis`, { unitId: unit, findings: 'Alimentation redondante HS.', repairable: true, customerDamage: false, labourMinutes: 60, parts: [{ partId: await partId('PSU-R540'), quantity: 1 }] });
      const repairId = (d.json().items as Repair[])[0]!.id;
      const [repair] = (await desk.post(`/api/v1/tickets/${ticketId}/workshop/repairs/${repairId}/decision`, {})).json().items as Repair[];
      // 189.00 + 85.00 + 35.00 = 309.00 € HT; TVA 20 % 61.80 €; 370.80 € TTC.
      expect(repair).toMatchObject({ state: 'awaiting_customer', decision: { remedy: 'quote', billable: true, coverage: 'none' }, quotes: [{ total: { amountCents: 37_080, currency: 'EUR' }, tax: { amountCents: 6180 } }] });
      const mail = (await mails(ticketId)).find((m) => m.subject.includes('Devis de réparation'))!;
      expect(mail.body_text.replace(/\s/g, ' ')).toContain('370,80 € TTC');
      // Past its validity it cannot be accepted; the desk makes a new one, the old one counts as expired.
      await db().updateTable('quote').set({ valid_until: '2020-01-01' }).where('id', '=', repair!.quotes[0]!.id).execute();
      const late = await as('client@carri.example').post(`/api/v1/quotes/${repair!.quotes[0]!.id}/answer`, { answer: 'accept' });
      expect([late.statusCode, late.json().code]).toEqual([409, 'QUOTE_EXPIRED']);
      expect((await workshop(desk, ticketId))[0]!.quotes[0]).toMatchObject({ state: 'sent', expired: true });
      const again = (await desk.post(`/api/v1/tickets/${ticketId}/workshop/repairs/${repairId}/decision`, {})).json().items[0] as Repair;
      expect(again.quotes.map((q) => [q.state, q.number.slice(-2)])).toEqual([['expired', '01'], ['sent', '02']]);
      // A business buyer has no legal guarantee: refusing would cost nothing at Carri (no fee set), and says so.
      expect(again.quotes[1]).toMatchObject({ refusalFee: null });
    });
  });

  it('answers a ticket of another brand’s desk, its quotes and its repairs with 404', async () => {
    const repair = await db().selectFrom('repair').select(['id', 'ticket_id']).executeTakeFirstOrThrow();
    const quote = await db().selectFrom('quote').select('id').executeTakeFirstOrThrow();
    const other = as('agent@charge-amps.example');
    expect((await other.get(`/api/v1/tickets/${repair.ticket_id}/workshop`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/quotes/${quote.id}/answer`, { answer: 'accept' })).statusCode).toBe(404);
    expect((await other.post(`/api/v1/tickets/${repair.ticket_id}/workshop/repairs/${repair.id}/events`, { event: 'repaired', workDone: 'x' })).statusCode).toBe(404);
  });
});
