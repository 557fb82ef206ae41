import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock/clock.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../test/http.ts';
import { ServiceCentreBody } from './service-centre.schemas.ts';
import { listServiceCentres, saveServiceCentre } from './service-centre.service.ts';

interface Nearest {
  origin: { kind: string; name: string | null; country: string | null; latitude: number; longitude: number; precision: string };
  items: {
    id: string;
    name: string;
    city: string;
    distanceKm: number;
    families: string[];
    models: string[];
    openingHours: { timeZone: string; openNow: boolean; nextOpeningAt: string | null; days: { date: string; weekday: string; intervals: { start: string; end: string }[]; closed: { reason: string; name: string | null } | null }[] } | null;
  }[];
}

/** Wednesday 10 June 2026, 11:00 in Paris: the centres open on weekdays are open. */
const WEDNESDAY_11H = new Date('2026-06-10T09:00:00Z');

/** Issue 13, item 11 (seed 001): Mecashop's service centres near the customer. */
describeStores('service centres', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  let agent: Client;
  let mecashop = '';
  const nearest = async (query: string) => app.inject({ method: 'GET', url: `/api/v1/service-centres/nearest?${query}` });
  const ok = async (query: string) => {
    const res = await nearest(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Nearest;
  };
  const refusal = async (query: string) => {
    const res = await nearest(query);
    const body = res.json() as { code: string; errors?: { field: string; code: string }[] };
    return [res.statusCode, body.code, body.errors?.map((e) => `${e.field}:${e.code}`) ?? []];
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx(), fixedClock(WEDNESDAY_11H));
    admin = await loginAs(app, 'admin@apres.example');
    agent = await loginAs(app, 'agent@mecashop.example');
    mecashop = await brandId(ctx().db, 'mecashop');
  });
  afterAll(() => app?.close());

  describe('the nearest centres, for anyone (the directory is public)', () => {
    it('ranks the active centres by great-circle distance from a postcode, without signing in', async () => {
      const r = await ok('brand=mecashop&postcode=69003');
      expect(r.origin).toMatchObject({ kind: 'postcode', name: 'Lyon', country: 'FR', precision: 'town' });
      expect(r.items[0]).toMatchObject({ name: 'Atelier Motoculture Rhône', city: 'Lyon' });
      expect(r.items[0]!.distanceKm).toBeLessThan(3);
      const km = r.items.map((i) => i.distanceKm);
      expect(km).toEqual([...km].sort((a, b) => a - b));
      // Lyon → Palaiseau ≈ 400 km, Lyon → Lille ≈ 560 km, as the crow flies.
      expect(r.items.find((i) => i.city === 'Palaiseau')!.distanceKm).toBeGreaterThan(380);
      expect(r.items.find((i) => i.city === 'Palaiseau')!.distanceKm).toBeLessThan(420);
      // Closed for good: never shown.
      expect(r.items.map((i) => i.name)).not.toContain('Garonne Motoculture');
      expect(r.items).toHaveLength(5);
    });

    it('gives each centre its week of opening hours and whether it is open now', async () => {
      const r = await ok('brand=mecashop&postcode=33000');
      const gironde = r.items[0]!;
      expect(gironde.name).toBe('Jardin Service Gironde');
      const h = gironde.openingHours!;
      expect(h).toMatchObject({ timeZone: 'Europe/Paris', openNow: true, nextOpeningAt: null });
      expect(h.days.map((d) => [d.date, d.weekday, d.closed?.reason ?? null])).toEqual([
        ['2026-06-10', 'wed', null],
        ['2026-06-11', 'thu', null],
        ['2026-06-12', 'fri', null],
        ['2026-06-13', 'sat', null],
        ['2026-06-14', 'sun', 'weekend'],
        ['2026-06-15', 'mon', 'weekend'],
        ['2026-06-16', 'tue', null],
      ]);
      expect(h.days[3]!.intervals).toEqual([
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '17:00' },
      ]);
    });

    it('finds a town by name, accents and case ignored, and a position as given', async () => {
      expect((await ok('brand=mecashop&city=LILLE')).items[0]!.name).toBe('SAV Motoculture Nord');
      expect((await ok('brand=mecashop&city=m%C3%A9rignac')).items[0]!.name).toBe('Jardin Service Gironde');
      const nantes = await ok('brand=mecashop&lat=47.2184&lon=-1.5536&limit=2');
      expect(nantes.origin).toMatchObject({ kind: 'position', precision: 'exact', name: null });
      expect(nantes.items.map((i) => i.name)).toEqual(['Loire Motoculture', 'Jardin Service Gironde']);
    });

    it('keeps only the centres serving the model: by model, by its family, or serving everything', async () => {
      const chainsaw = await ok('brand=mecashop&postcode=44000&model=TR-45');
      expect(chainsaw.items.map((i) => i.name).sort()).toEqual(['Atelier Motoculture Rhône', 'Loire Motoculture', 'SAV Motoculture Nord']);
      const robot = await ok('brand=mecashop&postcode=44000&model=RT-800');
      expect(robot.items.map((i) => i.name).sort()).toEqual(['Atelier Motoculture Rhône', 'Jardin Service Gironde', 'Île-de-France Espaces Verts', 'SAV Motoculture Nord'].sort());
    });

    it('refuses what cannot be a place, naming the field', async () => {
      expect(await refusal('brand=mecashop')).toEqual([400, 'VALIDATION_FAILED', ['postcode:one_place']]);
      expect(await refusal('brand=mecashop&postcode=69003&city=Lyon')).toEqual([400, 'VALIDATION_FAILED', ['city:one_place']]);
      expect(await refusal('brand=mecashop&lat=45.7')).toEqual([400, 'VALIDATION_FAILED', ['lon:required']]);
      expect(await refusal('brand=mecashop&lat=91&lon=2')).toEqual([400, 'VALIDATION_FAILED', ['lat:too_big']]);
      expect(await refusal('brand=mecashop&postcode=6900')).toEqual([400, 'VALIDATION_FAILED', ['postcode:invalid_format']]);
      expect(await refusal('brand=mecashop&postcode=11122&country=SE')).toEqual([400, 'VALIDATION_FAILED', ['postcode:unsupported_country']]);
      expect(await refusal('brand=mecashop&postcode=69003&model=NOPE')).toEqual([400, 'VALIDATION_FAILED', ['model:not_found']]);
      expect(await refusal('brand=mecashop&postcode=69003&limit=50')).toEqual([400, 'VALIDATION_FAILED', ['limit:too_big']]);
      expect(await refusal('brand=Meca%20Shop&postcode=69003')).toEqual([400, 'VALIDATION_FAILED', ['brand:invalid_format']]);
    });

    it('says which postcode or town it does not know', async () => {
      expect(await refusal('brand=mecashop&postcode=00000')).toEqual([400, 'SERVICE_CENTRE_PLACE_UNKNOWN', ['postcode:unknown_place']]);
      expect(await refusal('brand=mecashop&city=Nulle-Part-sur-Mer')).toEqual([400, 'SERVICE_CENTRE_PLACE_UNKNOWN', ['city:unknown_place']]);
    });

    it('answers 404 for a brand that does not exist', async () => {
      expect(await refusal('brand=nope&postcode=69003')).toEqual([404, 'BRAND_NOT_FOUND', []]);
    });

    it('answers an empty list for a brand without centres', async () => {
      expect((await ok('brand=carri&city=Paris')).items).toEqual([]);
    });
  });

  describe('the directory, kept by administrators', () => {
    const body = (over: Record<string, unknown> = {}) => ({
      brandId: mecashop,
      name: 'Provence Motoculture',
      addressLines: ['140 avenue du Prado'],
      postcode: '13008',
      city: 'Marseille',
      country: 'FR',
      latitude: 43.2737,
      longitude: 5.3873,
      phone: '+33 4 91 22 33 44',
      email: 'sav@provence-motoculture.example',
      families: ['tondeuses'],
      ...over,
    });
    let id = '';

    it('adds a centre with its calendar and products, and the portal finds it at once', async () => {
      const calendars = await ctx().db.selectFrom('business_calendar').select(['id', 'brand_id']).execute();
      const own = calendars.find((c) => c.brand_id === mecashop)!;
      const res = await admin.post('/api/v1/admin/service-centres', body({ calendarId: own.id }));
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().id;
      expect(res.json()).toMatchObject({ name: 'Provence Motoculture', families: ['tondeuses'], models: [], calendarId: own.id, active: true });
      const r = await ok('brand=mecashop&city=Marseille&model=RT-800');
      expect(r.items[0]).toMatchObject({ id, name: 'Provence Motoculture' });
      expect(r.items[0]!.distanceKm).toBeLessThan(10);
      expect(r.items[0]!.openingHours).not.toBeNull();
    });

    it('refuses a name taken, a calendar of another brand and products the brand does not sell, naming each field', async () => {
      const taken = await admin.post('/api/v1/admin/service-centres', body());
      expect([taken.statusCode, taken.json().code]).toEqual([409, 'SERVICE_CENTRE_NAME_TAKEN']);
      const foreign = (await ctx().db.selectFrom('business_calendar').select(['id', 'brand_id']).execute()).find((c) => c.brand_id !== mecashop)!;
      const bad = await admin.post('/api/v1/admin/service-centres', body({ name: 'Autre', calendarId: foreign.id, families: ['chargers'], models: ['TD-46', 'HALO'] }));
      expect(bad.statusCode).toBe(400);
      expect((bad.json().errors as { field: string }[]).map((e) => e.field)).toEqual(['calendarId', 'families.0', 'models.1']);
      const lat = await admin.post('/api/v1/admin/service-centres', body({ name: 'Autre', latitude: 123 }));
      expect([lat.statusCode, lat.json().errors[0].field]).toEqual([400, 'latitude']);
      const noBrand = await admin.post('/api/v1/admin/service-centres', body({ name: 'Autre', brandId: '00000000-0000-4000-8000-000000000000' }));
      expect([noBrand.statusCode, noBrand.json().code]).toEqual([404, 'BRAND_NOT_FOUND']);
    });

    it('replaces a centre; an inactive one leaves the portal, and a centre never moves to another brand', async () => {
      const res = await admin.request({ method: 'PUT', url: `/api/v1/admin/service-centres/${id}`, payload: body({ active: false, families: [], models: ['TD-46'] }) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ active: false, families: [], models: ['TD-46'] });
      expect((await ok('brand=mecashop&city=Marseille')).items.map((i) => i.id)).not.toContain(id);
      const moved = await admin.request({ method: 'PUT', url: `/api/v1/admin/service-centres/${id}`, payload: body({ brandId: await brandId(ctx().db, 'carri') }) });
      expect([moved.statusCode, moved.json().errors[0].field]).toEqual([400, 'brandId']);
      const listed = await admin.get(`/api/v1/admin/service-centres?brandId=${mecashop}`);
      expect(listed.json().items.map((c: { name: string }) => c.name)).toContain('Provence Motoculture');
    });

    it('removes a centre; then it is not found', async () => {
      const del = await admin.request({ method: 'DELETE', url: `/api/v1/admin/service-centres/${id}` });
      expect(del.statusCode).toBe(204);
      const again = await admin.get(`/api/v1/admin/service-centres/${id}`);
      expect([again.statusCode, again.json().code]).toEqual([404, 'SERVICE_CENTRE_NOT_FOUND']);
      const put = await admin.request({ method: 'PUT', url: `/api/v1/admin/service-centres/${id}`, payload: body() });
      expect([put.statusCode, put.json().code]).toEqual([404, 'SERVICE_CENTRE_NOT_FOUND']);
    });

    it('is the administrators’ alone, at the route and in the service', async () => {
      expect((await agent.get('/api/v1/admin/service-centres')).statusCode).toBe(403);
      expect((await agent.post('/api/v1/admin/service-centres', body({ name: 'Agent' }))).statusCode).toBe(403);
      const actor = await ctx().actor('agent@mecashop.example');
      await expect(listServiceCentres(ctx().db, actor, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(saveServiceCentre(ctx().db, actor, null, ServiceCentreBody.parse(body({ name: 'Agent' })), WEDNESDAY_11H)).rejects.toBeInstanceOf(AppError);
      expect(await ctx().db.selectFrom('service_centre').select('id').where('name', '=', 'Agent').execute()).toEqual([]);
    });
  });
});
