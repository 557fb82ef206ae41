import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';

describeStores('the catalog', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    app = await buildTestApp(ctx());
    admin = await loginAs(app, 'admin@apres.example');
  });
  afterAll(() => app?.close());

  it('shows the desk its own brands’ models and parts, and refuses customers', async () => {
    const agent = await loginAs(app, 'agent@smart-id.example');
    const models = (await agent.get('/api/v1/catalog/models')).json() as { items: { code: string; accessories: { key: string }[]; commercialWarrantyMonths: number | null; units: number }[] };
    expect(models.items.map((m) => m.code)).toEqual(['SID-T3', 'SID-T5']);
    // Three sold, two in the brand's stock (the replacements and the second-hand unit it offers).
    expect(models.items[1]).toMatchObject({ commercialWarrantyMonths: 12, units: 5 });
    expect(models.items[1]!.accessories.map((a) => a.key)).toEqual(['battery', 'cradle']);
    const parts = (await agent.get('/api/v1/catalog/parts')).json() as { items: { reference: string; stockOnHand: number; models: string[] }[] };
    expect(parts.items.map((p) => [p.reference, p.stockOnHand, p.models])).toEqual([
      ['SID-BAT-T5', 12, ['SID-T5']],
      ['SID-CRD-T5', 3, ['SID-T5']],
      ['SID-DSP-T5', 0, ['SID-T5']],
    ]);
    expect((await (await loginAs(app, 'client@smart-id.example')).get('/api/v1/catalog/models')).statusCode).toBe(403);
  });

  it('lets an admin add and change a model, refusing a taken code, a broken pattern and an end of life without its date', async () => {
    const brand = await brandId(ctx().db, 'charge-amps');
    const body = { brandId: brand, familyCode: 'chargers', code: 'DAWN', name: { sv: 'Laddstation Dawn', en: 'Dawn charging station' }, serialPatterns: ['CA-DAWN-\\d{6}'], commercialWarrantyMonths: 36 };
    const created = await admin.post('/api/v1/admin/catalog/models', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const taken = await admin.post('/api/v1/admin/catalog/models', body);
    expect([taken.statusCode, (taken.json() as { code: string }).code]).toEqual([409, 'CATALOG_MODEL_CODE_TAKEN']);
    const broken = await admin.post('/api/v1/admin/catalog/models', { ...body, code: 'DAWN2', serialPatterns: ['CA-(DAWN'] });
    expect([broken.statusCode, (broken.json() as { errors: { field: string }[] }).errors[0]!.field]).toEqual([400, 'serialPatterns.0']);
    const eol = await admin.request({ method: 'PUT', url: `/api/v1/admin/catalog/models/${id}`, payload: { ...body, lifecycle: 'end_of_life' } });
    expect([eol.statusCode, (eol.json() as { errors: { field: string }[] }).errors[0]!.field]).toEqual([400, 'endOfLifeOn']);
    const changed = await admin.request({ method: 'PUT', url: `/api/v1/admin/catalog/models/${id}`, payload: { ...body, lifecycle: 'end_of_life', endOfLifeOn: '2026-01-31' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const listed = (await admin.get(`/api/v1/catalog/models?brandId=${brand}`)).json() as { items: { code: string; lifecycle: string; endOfLifeOn: string | null; family: { code: string } | null }[] };
    expect(listed.items.find((m) => m.code === 'DAWN')).toMatchObject({ lifecycle: 'end_of_life', endOfLifeOn: '2026-01-31', family: { code: 'chargers' } });
    const agent = await loginAs(app, 'agent@carri.example');
    expect((await agent.get(`/api/v1/catalog/models?brandId=${brand}`)).json()).toEqual({ items: [] });
  });

  it('lets an admin add and change a spare part: price, stock, lead time and the models using it', async () => {
    const brand = await brandId(ctx().db, 'smart-id');
    const body = { brandId: brand, reference: 'SID-SCR-T5', name: { ro: 'Ecran SID-T5', en: 'SID-T5 screen' }, priceCents: 8900, currency: 'EUR', stockOnHand: 4, reorderLeadDays: 21, models: ['sid-t5'] };
    const created = await admin.post('/api/v1/admin/catalog/parts', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const taken = await admin.post('/api/v1/admin/catalog/parts', body);
    expect([taken.statusCode, (taken.json() as { code: string }).code]).toEqual([409, 'CATALOG_PART_REFERENCE_TAKEN']);
    const unknown = await admin.request({ method: 'PUT', url: `/api/v1/admin/catalog/parts/${id}`, payload: { ...body, models: ['SID-T5', 'HALO'] } });
    expect([unknown.statusCode, (unknown.json() as { errors: { field: string; message: string }[] }).errors[0]]).toEqual([400, { field: 'models', code: 'invalid_value', message: 'no model HALO in this brand' }]);
    const changed = await admin.request({ method: 'PUT', url: `/api/v1/admin/catalog/parts/${id}`, payload: { ...body, stockOnHand: 0, reorderLeadDays: 30 } });
    expect(changed.statusCode).toBe(200);
    const agent = await loginAs(app, 'agent@smart-id.example');
    const parts = (await agent.get('/api/v1/catalog/parts')).json() as { items: { reference: string; stockOnHand: number; reorderLeadDays: number; models: string[] }[] };
    expect(parts.items.find((p) => p.reference === 'SID-SCR-T5')).toMatchObject({ stockOnHand: 0, reorderLeadDays: 30, models: ['SID-T5'] });
    expect((await agent.post('/api/v1/admin/catalog/parts', body)).statusCode).toBe(403);
    const missing = await admin.request({ method: 'PUT', url: '/api/v1/admin/catalog/parts/00000000-0000-4000-8000-000000000000', payload: { ...body, reference: 'SID-X' } });
    expect(missing.statusCode).toBe(404);
  });
});
