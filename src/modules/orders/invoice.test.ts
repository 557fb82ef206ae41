import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileStore } from '../../platform/files/file-store.ts';
import { describeStores } from '../../test/db.ts';
import { buildTestApp, type Client, loginAs, multipartFile } from '../../test/http.ts';
import { issueMissingInvoices } from './invoice.service.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-invoice-'));

/** The text a person reads on the PDF's page, and a check that it renders to an image at all. */
function readPdf(bytes: Buffer, name: string): string {
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', file, path.join(tmp, name)]);
  expect(fs.statSync(path.join(tmp, `${name}.png`)).size).toBeGreaterThan(5_000);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}


/** Issue 11, item 3: invoices — made in the customer's language, served to the order's owner and the brand's staff only. */
describeStores('order invoices', (ctx) => {
  let app: FastifyInstance;
  let camille: Client;
  let ivan: Client;
  let julie: Client;
  const orderId = new Map<string, string>();

  beforeAll(async () => {
    app = await buildTestApp(ctx());
    expect(await issueMissingInvoices(ctx().db, new FileStore(ctx().filesDir), ['mecashop', 'eiler', 'smart-id'])).toBeGreaterThan(2);
    expect(await issueMissingInvoices(ctx().db, new FileStore(ctx().filesDir), ['mecashop'])).toBe(0);
    camille = await loginAs(app, 'client@mecashop.example');
    ivan = await loginAs(app, 'client@eiler.example');
    julie = await loginAs(app, 'agent@mecashop.example');
    for (const o of await ctx().db.selectFrom('customer_order').select(['id', 'external_id']).execute()) orderId.set(o.external_id, o.id);
  });
  afterAll(() => app?.close());

  it('gives the customer the invoice of their order, in French, with the serial number and the payment', async () => {
    const list = (await camille.get('/api/v1/orders')).json() as { items: { id: string; number: string; invoice: { number: string } | null }[] };
    const order = list.items.find((o) => o.number === 'CMD-2026-118842')!;
    expect(order.invoice).toEqual({ number: 'F-CMD-2026-118842' });
    const res = await camille.get(`/api/v1/orders/${order.id}/invoice`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="F-CMD-2026-118842.pdf"/);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    const text = readPdf(res.rawPayload, 'mecashop');
    expect(text).toContain('Facture n° F-CMD-2026-118842');
    expect(text).toContain('TD-4521-88');
    expect(text).toMatch(/Conservez cette facture/);
  });

  it('writes a Russian customer’s invoice in Russian, in letters a reader can read', async () => {
    const list = (await ivan.get('/api/v1/orders')).json() as { items: { id: string; number: string; invoice: unknown }[] };
    expect(list.items.length).toBeGreaterThan(0);
    const res = await ivan.get(`/api/v1/orders/${list.items[0]!.id}/invoice`);
    expect(res.statusCode).toBe(200);
    const text = readPdf(res.rawPayload, 'eiler');
    expect(text).toContain('Счёт №');
    expect(text).toContain('Сохраните этот счёт');
  });

  it('answers another customer, and another brand’s agent, exactly as for an order that does not exist', async () => {
    const id = orderId.get('CMD-2026-118842')!;
    for (const who of [ivan, await loginAs(app, 'agent@eiler.example')]) {
      const res = await who.get(`/api/v1/orders/${id}/invoice`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'INVOICE_NOT_FOUND' });
    }
    expect((await camille.get('/api/v1/orders/00000000-0000-4000-8000-000000000000/invoice')).statusCode).toBe(404);
    expect((await julie.get(`/api/v1/orders/${id}/invoice`)).statusCode).toBe(200);
  });

  it('lets the brand’s agent attach the shop’s own PDF, refuses a file that is not one, and the customer may not', async () => {
    const id = orderId.get('CMD-2026-118842')!;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0a5a3a40000000049454e44ae426082', 'hex');
    const upPng = await julie.request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('facture.pdf', 'application/pdf', png) });
    expect(upPng.statusCode).toBe(201);
    const refused = await julie.request({ method: 'PUT', url: `/api/v1/orders/${id}/invoice`, payload: { attachmentId: upPng.json().id, number: 'FA-2026-0001' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'attachmentId', code: 'invalid_type', message: 'the file is image/png, not application/pdf' }]);

    const shopPdf = (await camille.get(`/api/v1/orders/${id}/invoice`)).rawPayload;
    const upPdf = await julie.request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('FA-2026-0001.pdf', 'application/pdf', shopPdf) });
    const byCustomer = await camille.request({ method: 'PUT', url: `/api/v1/orders/${id}/invoice`, payload: { attachmentId: upPdf.json().id, number: 'FA-2026-0001' } });
    expect(byCustomer.statusCode).toBe(403);
    const ok = await julie.request({ method: 'PUT', url: `/api/v1/orders/${id}/invoice`, payload: { attachmentId: upPdf.json().id, number: 'FA-2026-0001' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ number: 'FA-2026-0001', filename: 'FA-2026-0001.pdf' });
    const list = (await camille.get('/api/v1/orders')).json() as { items: { number: string; invoice: { number: string } | null }[] };
    expect(list.items.find((o) => o.number === 'CMD-2026-118842')!.invoice).toEqual({ number: 'FA-2026-0001' });
    // Another agent's upload is nobody else's to attach.
    const other = await loginAs(app, 'agent@carri.example');
    const otherUp = await other.request({ method: 'POST', url: '/api/v1/attachments', ...multipartFile('x.pdf', 'application/pdf', shopPdf) });
    const stolen = await julie.request({ method: 'PUT', url: `/api/v1/orders/${id}/invoice`, payload: { attachmentId: otherUp.json().id, number: 'X' } });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors[0]).toMatchObject({ field: 'attachmentId', message: 'no such upload of yours' });
  });

  it('takes the order lines an ERP pushes, refuses a broken push whole with each field named, and changes nothing when pushed again', async () => {
    const admin = await loginAs(app, 'admin@apres.example');
    const row = { order_id: 'ERP-900', line_id: '1', ordered_on: '2026-03-02', customer_email: 'erp.buyer@example.fr', country: 'FR', currency: 'EUR', model: 'TD-46', quantity: 1, unit_price: '349,90', serials: `TD-ERP-${ctx().store}` };
    const broken = await admin.post('/api/v1/admin/orders/import', { brand: 'mecashop', rows: [row, { ...row, line_id: '2', model: 'NOPE', serials: null }] });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'ORDER_IMPORT_REFUSED', errors: [{ field: 'rows.1.model', code: 'unknown_model' }] });
    expect(await ctx().db.selectFrom('customer_order').select('id').where('external_id', '=', 'ERP-900').execute()).toEqual([]);
    const pushed = await admin.post('/api/v1/admin/orders/import', { brand: 'mecashop', rows: [row] });
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json()).toMatchObject({ imported: 1, orders: { created: 1 }, units: { created: 1 }, errors: [] });
    const again = await admin.post('/api/v1/admin/orders/import', { brand: 'mecashop', rows: [row] });
    expect(again.json()).toMatchObject({ imported: 1, orders: { created: 0, updated: 0, unchanged: 1 }, units: { created: 0, unchanged: 1 } });
    expect((await julie.post('/api/v1/admin/orders/import', { brand: 'mecashop', rows: [row] })).statusCode).toBe(403);
    expect((await admin.post('/api/v1/admin/orders/import', { brand: 'nope', rows: [row] })).statusCode).toBe(404);
    const unknownColumn = await admin.post('/api/v1/admin/orders/import', { brand: 'mecashop', rows: [{ ...row, colour: 'red' }] });
    expect(unknownColumn.statusCode).toBe(400);
    expect(unknownColumn.json().errors[0]).toMatchObject({ field: 'rows', message: expect.stringContaining('unknown column: colour') });
  });
});
