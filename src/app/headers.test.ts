import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/db.ts';
import { buildTestApp, loginAs } from '../test/http.ts';

/** Issue 9: the security headers of pages, API answers and attachments, asserted once for all. */
describeStores('security headers', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(ctx());
  });
  afterAll(() => app?.close());

  const common = (h: Record<string, unknown>) => {
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(String(h['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
  };

  it('sends nosniff, no referrer, no framing and a script-tight CSP on API answers and errors', async () => {
    for (const url of ['/api/v1/health', '/api/v1/tickets', '/api/v1/nowhere']) {
      const res = await app.inject({ method: 'GET', url });
      common(res.headers);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    }
  });

  it('serves an attachment in a sandbox, as a download unless it is a raster image or a PDF', async () => {
    const agent = await loginAs(app, 'agent@carri.example');
    const boundary = `----b${crypto.randomBytes(4).toString('hex')}`;
    const payload = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`);
    const up = await agent.request({ method: 'POST', url: '/api/v1/attachments', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(up.statusCode).toBe(201);
    const res = await agent.get(`/api/v1/attachments/${up.json().id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="notes.txt"; filename\*=UTF-8''notes.txt$/);
    expect(String(res.headers['content-security-policy'])).toMatch(/^default-src 'none';.*sandbox$/);
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});
