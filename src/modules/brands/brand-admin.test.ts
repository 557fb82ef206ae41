import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../test/clock.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs, multipartFile } from '../../test/http.ts';
import { contrastRatio } from '../../shared/contrast.ts';
import { hashPassword } from '../auth/index.ts';

// The smallest valid PNG (1×1, transparent).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>');
const HTML_AS_PNG = Buffer.from('<!doctype html><html><body><script>fetch("/api/v1/auth/me")</script></body></html>');
const JS_AS_PNG = Buffer.from('alert(document.domain);//\x89PNG');

type Brand = { id: string; name: string; locales: string[]; defaultLocale: string; timeZone: string; primaryColour: string | null; primaryTextColour: string | null; logoUrl: string | null; postalAddress: string; ticketNumberFormat: string; intakeForm: { serialsRequired: boolean; fields: { key: string }[] } };
type Problem = { code: string; errors: { field: string; code: string; message: string }[] };

/** Issue 14, item 6: an administrator manages their brands — identity, languages, zone, look, intake form. */
describeStores('brand administration', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  let carriAdmin: Client;
  let agent: Client;
  let carri: string;
  let mecashop: string;
  const body = (b: Brand) => ({ name: b.name, supportEmail: 'sav@carri.example', phone: '+33 1 23 45 67 89', postalAddress: b.postalAddress, locales: b.locales, defaultLocale: b.defaultLocale, timeZone: b.timeZone, ticketNumberFormat: b.ticketNumberFormat, primaryColour: b.primaryColour });

  beforeAll(async () => {
    app = await buildTestApp(ctx(), testClock());
    const db = ctx().db;
    carri = await brandId(db, 'carri');
    mecashop = await brandId(db, 'mecashop');
    // An administrator of CARRI only.
    const user = await db.insertInto('app_user').values({ email: 'admin@carri.example', name: 'Claire Admin', role: 'admin', locale: 'fr', password_hash: await hashPassword('a long enough password') }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('user_brand').values({ user_id: user.id, brand_id: carri }).execute();
    admin = await loginAs(app, 'admin@apres.example');
    carriAdmin = await loginAs(app, 'admin@carri.example', 'a long enough password');
    agent = await loginAs(app, 'agent@carri.example');
  });
  afterAll(async () => app?.close());

  const get = async (c: Client, id: string) => (await c.get(`/api/v1/admin/brands/${id}`)).json() as Brand;

  it("lists only the brands an administrator belongs to; another brand's id answers 404, for reading and writing", async () => {
    const list = (await carriAdmin.get('/api/v1/admin/brands')).json().items as Brand[];
    expect(list.map((b) => b.id)).toEqual([carri]);
    expect((await carriAdmin.get(`/api/v1/admin/brands/${mecashop}`)).statusCode).toBe(404);
    const b = await get(admin, mecashop);
    const put = await carriAdmin.request({ method: 'PUT', url: `/api/v1/admin/brands/${mecashop}`, payload: { ...body(b), name: 'Taken over' } });
    expect(put.statusCode).toBe(404);
    expect((put.json() as Problem).code).toBe('BRAND_NOT_FOUND');
    expect((await carriAdmin.request({ method: 'PUT', url: `/api/v1/admin/brands/${mecashop}/intake-form`, payload: { serialsRequired: false, fields: [] } })).statusCode).toBe(404);
    expect((await carriAdmin.request({ method: 'POST', url: `/api/v1/admin/brands/${mecashop}/logo`, ...multipartFile('logo.png', 'image/png', PNG) })).statusCode).toBe(404);
    expect((await get(admin, mecashop)).name).toBe(b.name);
    // Staff who are not administrators are refused outright.
    expect((await agent.get(`/api/v1/admin/brands/${carri}`)).statusCode).toBe(403);
  });

  it('saves name, addresses, languages, zone, number format and colour, keeping the other settings', async () => {
    const before = await get(carriAdmin, carri);
    const res = await carriAdmin.request({
      method: 'PUT',
      url: `/api/v1/admin/brands/${carri}`,
      payload: { ...body(before), name: 'CARRI Systems SAS', postalAddress: '12 rue des Lilas\n69003 Lyon', locales: ['fr', 'en', 'ro'], defaultLocale: 'en', timeZone: 'America/Montreal', primaryColour: '#FFD43B' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Brand;
    expect(after).toMatchObject({ name: 'CARRI Systems SAS', postalAddress: '12 rue des Lilas\n69003 Lyon', locales: ['fr', 'en', 'ro'], defaultLocale: 'en', timeZone: 'America/Montreal', primaryColour: '#ffd43b' });
    // A light yellow takes black text; the pair reads at 4.5:1 or better.
    expect(after.primaryTextColour).toBe('#000000');
    expect(contrastRatio(after.primaryColour!, after.primaryTextColour!)).toBeGreaterThanOrEqual(4.5);
    // The intake form and the portal rules were not touched; the public brand answers the look.
    expect(after.intakeForm).toEqual(before.intakeForm);
    const row = await ctx().db.selectFrom('brand').select('settings').where('id', '=', carri).executeTakeFirstOrThrow();
    expect((row.settings as { portal: { organisationTickets: boolean } }).portal.organisationTickets).toBe(true);
    const seen = (await agent.get(`/api/v1/brands/${carri}`)).json() as Brand;
    expect(seen).toMatchObject({ primaryColour: '#ffd43b', primaryTextColour: '#000000' });
    // A dark blue takes white text.
    const dark = (await carriAdmin.request({ method: 'PUT', url: `/api/v1/admin/brands/${carri}`, payload: { ...body(after), primaryColour: '#1c3f94' } })).json() as Brand;
    expect(dark.primaryTextColour).toBe('#ffffff');
    expect(contrastRatio('#1c3f94', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('names every bad field and changes nothing', async () => {
    const before = await get(carriAdmin, carri);
    const res = await carriAdmin.request({
      method: 'PUT',
      url: `/api/v1/admin/brands/${carri}`,
      payload: { ...body(before), name: 'Changed', primaryColour: 'blue', timeZone: 'Europe/Atlantis', locales: ['fr', 'de'], defaultLocale: 'sv', ticketNumberFormat: 'CS-{SEQ:6}', supportEmail: 'not-an-address' },
    });
    expect(res.statusCode).toBe(400);
    const p = res.json() as Problem;
    expect(p.code).toBe('VALIDATION_FAILED');
    expect(p.errors.map((e) => [e.field, e.code])).toEqual([
      ['supportEmail', 'invalid_format'],
      ['locales.1', 'invalid_value'],
      ['defaultLocale', 'invalid_value'],
      ['timeZone', 'unknown_time_zone'],
      ['ticketNumberFormat', 'invalid_format'],
      ['primaryColour', 'invalid_format'],
    ]);
    expect(p.errors.find((e) => e.field === 'timeZone')!.message).toContain('Europe/Atlantis');
    expect(await get(carriAdmin, carri)).toEqual(before);
  });

  it('accepts a PNG logo and serves it as such, sandboxed, to anyone', async () => {
    const res = await carriAdmin.request({ method: 'POST', url: `/api/v1/admin/brands/${carri}/logo`, ...multipartFile('logo.png', 'image/png', PNG) });
    expect(res.statusCode, res.body).toBe(200);
    const url = (res.json() as Brand).logoUrl!;
    expect(url).toMatch(new RegExp(`^/api/v1/brands/${carri}/logo\\?v=[0-9a-f]{12}$`));
    const logo = await app.inject({ method: 'GET', url });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.headers['content-security-policy']).toContain('sandbox');
    expect(logo.rawPayload.equals(PNG)).toBe(true);
    expect(((await agent.get(`/api/v1/brands/${carri}`)).json() as Brand).logoUrl).toBe(url);
  });

  it('refuses an SVG with a script, and a script or a page disguised as a PNG, keeping the logo it had', async () => {
    const had = (await get(carriAdmin, carri)).logoUrl;
    for (const [name, type, bytes] of [['logo.svg', 'image/svg+xml', SVG], ['logo.png', 'image/png', HTML_AS_PNG], ['logo.png', 'image/png', JS_AS_PNG], ['logo.svg', 'image/png', SVG]] as const) {
      const res = await carriAdmin.request({ method: 'POST', url: `/api/v1/admin/brands/${carri}/logo`, ...multipartFile(name, type, bytes) });
      expect(res.statusCode, name).toBe(415);
      expect((res.json() as Problem).errors).toEqual([expect.objectContaining({ field: 'file', code: 'type_not_allowed' })]);
    }
    expect((await get(carriAdmin, carri)).logoUrl).toBe(had);
    // Nothing but the stored PNG is ever served from the logo URL.
    const served = await app.inject({ method: 'GET', url: had! });
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('refuses a logo over 256 KiB, and removes the logo on request', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(300 * 1024)]);
    const res = await carriAdmin.request({ method: 'POST', url: `/api/v1/admin/brands/${carri}/logo`, ...multipartFile('big.png', 'image/png', big) });
    expect(res.statusCode).toBe(413);
    expect((res.json() as Problem).errors[0]).toMatchObject({ field: 'file', code: 'too_big' });
    const removed = await carriAdmin.request({ method: 'DELETE', url: `/api/v1/admin/brands/${carri}/logo` });
    expect((removed.json() as Brand).logoUrl).toBeNull();
    expect((await app.inject({ method: 'GET', url: `/api/v1/brands/${carri}/logo` })).statusCode).toBe(404);
  });

  describe('the intake form', () => {
    const field = {
      key: 'orderNumber',
      type: 'text',
      required: true,
      label: { fr: 'Numéro de commande', en: 'Order number', ro: 'Numărul comenzii', ru: 'Номер заказа', sv: 'Ordernummer' },
      help: { fr: 'Sur la facture', en: 'On the invoice' },
    };

    it('names the field at fault: duplicate key, missing label in an offered language, a list without options', async () => {
      const res = await admin.request({
        method: 'PUT',
        url: `/api/v1/admin/brands/${mecashop}/intake-form`,
        payload: { serialsRequired: false, fields: [field, { ...field, label: { en: 'Again' } }, { key: 'colour', type: 'select', label: { fr: 'Couleur' } }] },
      });
      expect(res.statusCode).toBe(400);
      expect((res.json() as Problem).errors.map((e) => [e.field, e.code])).toEqual([
        ['fields.1.key', 'duplicate'],
        ['fields.1.label.fr', 'required'],
        ['fields.2.options', 'required'],
      ]);
    });

    it('enforces a new required field on ticket creation', async () => {
      const mecaAgent = await loginAs(app, 'agent@mecashop.example');
      const res = await admin.request({ method: 'PUT', url: `/api/v1/admin/brands/${mecashop}/intake-form`, payload: { serialsRequired: false, fields: [field] } });
      expect(res.statusCode, res.body).toBe(200);
      const refused = await mecaAgent.post('/api/v1/tickets', { brandId: mecashop, channel: 'phone', subject: 'Pompe bruyante', description: 'x', requesterEmail: 'client@mecashop.example', customFields: {} });
      expect(refused.statusCode).toBe(400);
      expect((refused.json() as Problem).errors).toEqual([expect.objectContaining({ field: 'customFields.orderNumber', code: 'required' })]);
      const ok = await mecaAgent.post('/api/v1/tickets', { brandId: mecashop, channel: 'phone', subject: 'Pompe bruyante', description: 'x', requesterEmail: 'client@mecashop.example', customFields: { orderNumber: 'C-1234' } });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().customFields).toEqual({ orderNumber: 'C-1234' });
      // A saved field keeps its type: values already stored would be misread.
      const retyped = await admin.request({ method: 'PUT', url: `/api/v1/admin/brands/${mecashop}/intake-form`, payload: { serialsRequired: false, fields: [{ ...field, type: 'number' }] } });
      expect((retyped.json() as Problem).errors.map((e) => [e.field, e.code])).toEqual([['fields.0.type', 'not_allowed']]);
    });
  });
});
