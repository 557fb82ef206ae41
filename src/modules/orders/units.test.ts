import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';
import { addMonths } from '../warranty/index.ts';

interface Unit {
  id: string;
  serial: string | null;
  licenceKey: string | null;
  deliveredOn: string | null;
  condition: string;
  order: { number: string } | null;
  model: { code: string; name: Record<string, string> };
}
interface Warranty {
  at: string;
  outcome: string;
  rule: string;
  article: string | null;
  coverage: { kind: string; startsOn: string; endsOn: string; presumptionEndsOn?: string | null } | null;
  standingLegalGuarantee: { endsOn: string } | null;
  blockedUntil: string | null;
  explanation: { rule: string; params: Record<string, unknown> }[];
}

/** Issue 11: units with an explained, law-aware warranty over the API — the demo brands' seed 001 cases. */
describeStores('units and their warranty', (ctx) => {
  let app: FastifyInstance;
  let camille: Client;
  const unitBySerial = new Map<string, string>();

  beforeAll(async () => {
    app = await buildTestApp(ctx());
    camille = await loginAs(app, 'client@mecashop.example');
    const rows = await ctx().db.selectFrom('unit').select(['id', 'serial', 'licence_key']).execute();
    for (const r of rows) unitBySerial.set(r.serial ?? r.licence_key!, r.id);
  });
  afterAll(() => app?.close());

  const unit = async (client: Client, serial: string) => (await client.get(`/api/v1/units/${unitBySerial.get(serial)}`)).json() as Unit;
  const warranty = async (client: Client, serial: string, at?: string) => {
    const res = await client.get(`/api/v1/units/${unitBySerial.get(serial)}/warranty${at ? `?at=${at}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Warranty;
  };

  it('decides today in the brand’s time zone, under the French legal guarantee, for a mower delivered days ago', async () => {
    const u = await unit(camille, 'TD-4521-88');
    expect(u).toMatchObject({ serial: 'TD-4521-88', condition: 'new', order: { number: 'CMD-2026-118842' }, model: { code: 'TD-46' } });
    const w = await warranty(camille, 'TD-4521-88');
    expect(w.at).toBe(TEST_NOW.toISOString().slice(0, 10));
    expect(w).toMatchObject({ outcome: 'legal_guarantee', rule: 'legal_guarantee', article: 'Code de la consommation, art. L.217-3' });
    expect(w.coverage).toEqual({
      kind: 'legal_guarantee',
      startsOn: u.deliveredOn,
      endsOn: addMonths(u.deliveredOn!, 24),
      article: 'Code de la consommation, art. L.217-3',
      presumptionEndsOn: addMonths(u.deliveredOn!, 24),
      presumptionArticle: 'Code de la consommation, art. L.217-7',
    });
  });

  it('blocks direct after-sales while the PayPal dispute is open, and says the legal guarantee stands (seed 001)', async () => {
    const w = await warranty(camille, 'RT800-204518');
    expect(w).toMatchObject({ outcome: 'blocked', rule: 'payment_dispute_open', coverage: null });
    expect(w.standingLegalGuarantee).not.toBeNull();
    expect(w.explanation.map((e) => e.rule)).toEqual(['payment_dispute_open', 'legal_guarantee']);
    expect(w.explanation[0]!.params).toMatchObject({ provider: 'PayPal', windowMonths: 6 });
    // Past six months after payment the block ends; the law goes on.
    const later = await warranty(camille, 'RT800-204518', addMonths(w.blockedUntil!, 1));
    expect(later.outcome).toBe('legal_guarantee');
  });

  it('keeps the full period for a second-hand unit in France, with the twelve-month presumption', async () => {
    const u = await unit(camille, 'DB-5120-33');
    const w = await warranty(camille, 'DB-5120-33');
    expect(w.coverage).toMatchObject({ endsOn: addMonths(u.deliveredOn!, 24), presumptionEndsOn: addMonths(u.deliveredOn!, 12) });
  });

  it('asks for the proof of purchase of a unit registered without one (seed 001)', async () => {
    expect(await warranty(camille, 'TH-6002-91')).toMatchObject({ outcome: 'needs_information', rule: 'missing_proof_of_purchase' });
  });

  it('gives a business buyer the brand’s commercial warranty, and Eiler’s licence its twelve months', async () => {
    const carri = await loginAs(app, 'client@carri.example');
    const server = await unit(carri, 'CS540-1234-A7');
    expect(await warranty(carri, 'CS540-1234-A7')).toMatchObject({ outcome: 'commercial_warranty', coverage: { endsOn: addMonths(server.deliveredOn!, 36) } });
    const ivan = await loginAs(app, 'client@eiler.example');
    expect(await unit(ivan, 'EIL-5521-8830')).toMatchObject({ serial: null, licenceKey: 'EIL-5521-8830' });
    expect((await warranty(ivan, 'EIL-5521-8830')).outcome).toBe('commercial_warranty');
  });

  it('gives three years in Sweden, through the reseller that sold it', async () => {
    const reseller = await loginAs(app, 'reseller@charge-amps.example');
    const u = await unit(reseller, 'CA-HALO-481516');
    const w = await warranty(reseller, 'CA-HALO-481516');
    expect(w).toMatchObject({ outcome: 'legal_guarantee', coverage: { endsOn: addMonths(u.deliveredOn!, 36) } });
    const distributor = await loginAs(app, 'distributor@charge-amps.example');
    expect((await distributor.get(`/api/v1/units/${unitBySerial.get('CA-HALO-481516')}`)).statusCode).toBe(200);
  });

  it('answers someone else’s unit exactly like one that does not exist', async () => {
    const strangers = ['client@carri.example', 'agent@carri.example', 'reseller@charge-amps.example', 'client@smart-id.example'];
    for (const email of strangers) {
      const c = await loginAs(app, email);
      for (const path of ['', '/warranty']) {
        const res = await c.get(`/api/v1/units/${unitBySerial.get('RT800-204518')}${path}`);
        expect([email, path, res.statusCode, (res.json() as { code: string }).code]).toEqual([email, path, 404, 'UNIT_NOT_FOUND']);
      }
    }
    // The brand's own desk sees it.
    const agent = await loginAs(app, 'agent@mecashop.example');
    expect((await agent.get(`/api/v1/units/${unitBySerial.get('RT800-204518')}/warranty`)).statusCode).toBe(200);
  });

  it('shows the units a ticket names, each with its decision, and keeps an unknown serial as unknown', async () => {
    const { db } = ctx();
    const ticket = await db.selectFrom('ticket_serial as s').innerJoin('ticket as t', 't.id', 's.ticket_id').select('t.id').where('s.serial', '=', 'CP-8812-0042').executeTakeFirstOrThrow();
    const agent = await loginAs(app, 'agent@carri.example');
    const res = await agent.get(`/api/v1/tickets/${ticket.id}/units`);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: { serial: string; unit: { model: { code: string } } | null; warranty: Warranty | null }[] };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ serial: 'CP-8812-0042', unit: { model: { code: 'CP-8812' } }, warranty: { outcome: 'commercial_warranty' } });

    // Camille writes about her chainsaw and one serial nobody knows: both are listed.
    const brand = await db.selectFrom('brand').select('id').where('slug', '=', 'mecashop').executeTakeFirstOrThrow();
    const created = await camille.post('/api/v1/tickets', { brandId: brand.id, subject: 'Tronçonneuse en panne', description: 'La tronçonneuse TR-3390-07 cale, et le TH-9999-99 aussi.', serialNumbers: ['TR-3390-07', 'TH-9999-99'], customFields: { orderNumber: 'MS-09817', usedBefore: 'yes' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const mine = (await camille.get(`/api/v1/tickets/${id}/units`)).json() as { items: { serial: string; unit: unknown; warranty: Warranty | null }[] };
    expect(mine.items.map((i) => [i.serial, i.unit === null, i.warranty?.outcome ?? null])).toEqual([
      ['TR-3390-07', false, 'legal_guarantee'],
      ['TH-9999-99', true, null],
    ]);
    // Someone else's ticket is not found.
    expect((await agent.get(`/api/v1/tickets/${id}/units`)).statusCode).toBe(404);
  });

  it('lists a customer’s orders newest first, a page at a time, each unit with its warranty today (seed 001)', async () => {
    type Page = { items: { number: string; orderedOn: string; dispute: unknown; lines: { units: { serial: string; warranty: { outcome: string } }[] }[] }[]; nextCursor: string | null };
    const first = (await camille.get('/api/v1/orders?limit=2')).json() as Page;
    expect(first.items).toHaveLength(2);
    const rest = (await camille.get(`/api/v1/orders?limit=10&cursor=${first.nextCursor}`)).json() as Page;
    const all = [...first.items, ...rest.items];
    expect(rest.nextCursor).toBeNull();
    expect(all.map((o) => o.number)).toEqual(['CMD-2026-118842', 'MS-10233', 'MS-10011', 'MS-09817']);
    expect(all.map((o) => o.orderedOn)).toEqual([...all.map((o) => o.orderedOn)].sort().reverse());
    const outcome = (n: string) => all.find((o) => o.number === n)!.lines[0]!.units[0]!.warranty.outcome;
    expect([outcome('CMD-2026-118842'), outcome('MS-10233'), outcome('MS-10011'), outcome('MS-09817')]).toEqual(['legal_guarantee', 'blocked', 'legal_guarantee', 'legal_guarantee']);
    expect(all.find((o) => o.number === 'MS-10233')!.dispute).not.toBeNull();
    // Nobody else's orders, and the brand's desk sees the brand's.
    const stranger = (await (await loginAs(app, 'client@carri.example')).get('/api/v1/orders')).json() as Page;
    expect(stranger.items.map((o) => o.number)).not.toContain('MS-10233');
    const desk = (await (await loginAs(app, 'agent@mecashop.example')).get('/api/v1/orders?limit=50')).json() as Page;
    expect(desk.items.map((o) => o.number)).toContain('MS-10233');
    expect(desk.items.map((o) => o.number)).not.toContain('CS-CMD-2026-0097');
  });

  it('links a unit named only in the text of a request, by its model’s serial pattern', async () => {
    const { db } = ctx();
    const brand = await db.selectFrom('brand').select('id').where('slug', '=', 'mecashop').executeTakeFirstOrThrow();
    const created = await camille.post('/api/v1/tickets', { brandId: brand.id, subject: 'Débroussailleuse', description: 'Ma débroussailleuse DB-5120-33 achetée d’occasion vibre beaucoup.', customFields: { orderNumber: 'MS-10011', usedBefore: 'yes' } });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json() as { id: string };
    const { items } = (await camille.get(`/api/v1/tickets/${ticket.id}/units`)).json() as { items: { serial: string; unit: { model: { code: string } } | null }[] };
    expect(items.map((i) => [i.serial, i.unit?.model.code ?? null])).toEqual([['DB-5120-33', 'DB-52']]);
  });

  it('shows the admin where a brand’s own terms conflict with the law: Mécashop lets the seller choose the remedy (seed 001)', async () => {
    const admin = await loginAs(app, 'admin@apres.example');
    const res = await admin.get('/api/v1/admin/law-check');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: { brandName: string; findings: { finding: string; country: string; article: string }[] }[] };
    expect(items.find((b) => b.brandName === 'MécaShop')!.findings).toEqual([{ finding: 'seller_chooses_remedy', country: 'FR', setting: 'afterSales.remedyChosenBy', article: 'Code de la consommation, art. L.217-9' }]);
    expect(items.filter((b) => b.brandName !== 'MécaShop').flatMap((b) => b.findings)).toEqual([]);
    expect((await camille.get('/api/v1/admin/law-check')).statusCode).toBe(403);
  });

  it('refuses a date that is not one, naming the field', async () => {
    const res = await camille.get(`/api/v1/units/${unitBySerial.get('TD-4521-88')}/warranty?at=2026-02-30`);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { field: string }[] }).errors[0]!.field).toBe('at');
    expect((await camille.get(`/api/v1/units/${unitBySerial.get('TD-4521-88')}/warranty?at=yesterday`)).statusCode).toBe(400);
  });
});
