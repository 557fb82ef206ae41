import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs, multipartFile } from '../../test/http.ts';
import { addMonths } from '../warranty/index.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');


/** Issue 11, item 2: a customer registers a product with its proof of purchase; an agent checks it; the warranty follows. */
describeStores('registering a unit from the portal', (ctx) => {
  let app: FastifyInstance;
  let camille: Client;
  let julie: Client;
  let brandId: string;
  const today = TEST_NOW.toISOString().slice(0, 10);
  const bought = addMonths(today, -3);

  beforeAll(async () => {
    app = await buildTestApp(ctx());
    camille = await loginAs(app, 'client@mecashop.example');
    julie = await loginAs(app, 'agent@mecashop.example');
    brandId = (await ctx().db.selectFrom('brand').select('id').where('slug', '=', 'mecashop').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => app?.close());

  const upload = async (who: Client) => (await who.request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('ticket de caisse.pdf', 'application/pdf', PDF) })).json().id as string;

  it('registers the product, finds its model from the serial, and asks for the proof until an agent accepts it', async () => {
    const res = await camille.post('/api/v1/units', { brandId, serial: 'TD-9901-07', purchasedOn: bought, deliveredOn: bought, proofAttachmentId: await upload(camille) });
    expect(res.statusCode, res.body).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ serial: 'TD-9901-07', model: { code: 'TD-46' }, proofStatus: 'uploaded', order: null, history: [{ kind: 'registered' }, { kind: 'proof_uploaded' }] });
    expect((await camille.get(`/api/v1/units/${unit.id}/warranty`)).json()).toMatchObject({ outcome: 'needs_information', rule: 'missing_proof_of_purchase' });

    const queue = (await julie.get('/api/v1/units/proofs')).json() as { items: { id: string; owner: { email: string } }[] };
    expect(queue.items.find((i) => i.id === unit.id)).toMatchObject({ owner: { email: 'client@mecashop.example' } });
    const proof = await julie.get(`/api/v1/units/${unit.id}/proof`);
    expect(proof.statusCode).toBe(200);
    expect(proof.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const noReason = await julie.post(`/api/v1/units/${unit.id}/proof-decision`, { decision: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    const accepted = await julie.post(`/api/v1/units/${unit.id}/proof-decision`, { decision: 'validated' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ proofStatus: 'validated' });
    expect((await camille.get(`/api/v1/units/${unit.id}/warranty`)).json()).toMatchObject({ outcome: 'legal_guarantee', coverage: { endsOn: addMonths(bought, 24) } });
    const mine = (await camille.get('/api/v1/units/registered')).json() as { items: { id: string; proofStatus: string; warranty: { outcome: string } }[] };
    expect(mine.items.find((i) => i.id === unit.id)).toMatchObject({ proofStatus: 'validated', warranty: { outcome: 'legal_guarantee' } });
    const again = await julie.post(`/api/v1/units/${unit.id}/proof-decision`, { decision: 'validated' });
    expect((await julie.post(`/api/v1/units/${unit.id}/proof-decision`, { decision: 'validated', purchasedOn: '2026-02-30' })).statusCode).toBe(400);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('UNIT_PROOF_NOT_PENDING');
  });

  it('lets the customer send another proof after a refusal, with the agent’s reason in the history', async () => {
    const first = (await camille.post('/api/v1/units', { brandId, serial: 'TR-9902-01', purchasedOn: bought, proofAttachmentId: await upload(camille) })).json();
    const refused = await julie.post(`/api/v1/units/${first.id}/proof-decision`, { decision: 'rejected', reason: 'Le ticket est illisible : envoyez la facture.' });
    expect(refused.json()).toMatchObject({ proofStatus: 'rejected' });
    const mine = (await camille.get('/api/v1/units/registered')).json() as { items: { id: string; refusedBecause: string | null }[] };
    expect(mine.items.find((i) => i.id === first.id)!.refusedBecause).toBe('Le ticket est illisible : envoyez la facture.');
    const second = await camille.post('/api/v1/units', { brandId, serial: 'TR-9902-01', purchasedOn: bought, proofAttachmentId: await upload(camille) });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ id: first.id, proofStatus: 'uploaded' });
    expect(second.json().history.map((h: { kind: string; data: Record<string, unknown> }) => [h.kind, h.data.reason ?? null])).toEqual([
      ['registered', null],
      ['proof_uploaded', null],
      ['proof_rejected', 'Le ticket est illisible : envoyez la facture.'],
      ['proof_uploaded', null],
    ]);
  });

  it('refuses, naming the field: a serial of no product, a date to come, a product already sold with an order, a proof that is not a document', async () => {
    const proof = await upload(camille);
    const unknown = await camille.post('/api/v1/units', { brandId, serial: 'ZZ-1', purchasedOn: bought, deliveredOn: addMonths(today, 1), proofAttachmentId: proof });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['serial', 'unknown_serial'],
      ['deliveredOn', 'in_future'],
    ]);
    // Sold with an order, even written in small letters.
    const sold = await camille.post('/api/v1/units', { brandId, serial: 'td-4521-88', purchasedOn: bought, proofAttachmentId: proof });
    expect(sold.statusCode).toBe(409);
    expect(sold.json()).toMatchObject({ code: 'UNIT_ALREADY_REGISTERED', errors: [{ field: 'serial' }] });
    const text = (await camille.request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('notes.txt', 'text/plain', Buffer.from('hello')) })).json().id;
    const notProof = await camille.post('/api/v1/units', { brandId, serial: 'TD-9903-01', purchasedOn: bought, proofAttachmentId: text });
    expect(notProof.statusCode).toBe(400);
    expect(notProof.json().errors[0]).toMatchObject({ field: 'proofAttachmentId', code: 'invalid_type' });
  });

  it('keeps proofs and decisions within the brand: another brand’s agent and another customer get not found, a customer may not decide', async () => {
    const unit = (await camille.post('/api/v1/units', { brandId, serial: 'DB-9904-01', purchasedOn: bought, proofAttachmentId: await upload(camille) })).json();
    const olga = await loginAs(app, 'agent@eiler.example');
    expect((await olga.get(`/api/v1/units/${unit.id}/proof`)).statusCode).toBe(404);
    expect((await olga.post(`/api/v1/units/${unit.id}/proof-decision`, { decision: 'validated' })).statusCode).toBe(404);
    expect(((await olga.get('/api/v1/units/proofs')).json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(unit.id);
    const ivan = await loginAs(app, 'client@eiler.example');
    expect((await ivan.get(`/api/v1/units/${unit.id}/proof`)).statusCode).toBe(404);
    expect((await camille.post(`/api/v1/units/${unit.id}/proof-decision`, { decision: 'validated' })).statusCode).toBe(403);
    expect((await camille.get('/api/v1/units/proofs')).statusCode).toBe(403);
    // A brand she is not a customer of is one that does not exist.
    const eiler = (await ctx().db.selectFrom('brand').select('id').where('slug', '=', 'eiler').executeTakeFirstOrThrow()).id;
    expect((await camille.post('/api/v1/units', { brandId: eiler, serial: 'EIL-0000-0001', purchasedOn: bought, proofAttachmentId: await upload(camille) })).statusCode).toBe(404);
  });
});
