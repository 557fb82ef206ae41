import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandId, describeStores } from '../../test/db.ts';
import { testClock } from '../../test/clock.ts';
import { buildTestApp, loginAs } from '../../test/http.ts';
import { refusedTarget } from './outbound-target.ts';

describe('outbound targets', () => {
  it('refuses loopback, link-local (cloud metadata), private, CGNAT, unspecified and mapped addresses', async () => {
    for (const host of ['127.0.0.1', 'localhost', '169.254.169.254', '10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', '[::1]', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
      expect(await refusedTarget(host, false), host).not.toBeNull();
    }
  });

  it('lets public addresses through, and everything when the installation allows private targets', async () => {
    expect(await refusedTarget('93.184.215.14', false)).toBeNull();
    expect(await refusedTarget('2606:4700::1111', false)).toBeNull();
    expect(await refusedTarget('127.0.0.1', true)).toBeNull();
  });
});

/** Issue 9, finding 9: admin features are not a way to reach what sits behind the app. */
describeStores('admin features and private targets', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(ctx(), testClock(), { allowPrivateTargets: false });
  });
  afterAll(() => app?.close());

  it('refuses a webhook to the metadata service or loopback, and a mailbox server on a private address, by field', async () => {
    const admin = await loginAs(app, 'admin@apres.example');
    const carri = await brandId(ctx().db, 'carri');
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:5432/', 'http://localhost/hook', 'http://[::1]/hook']) {
      const res = await admin.post('/api/v1/admin/webhooks', { brandId: carri, url, events: ['ticket.sla_breached'], active: true });
      expect([url, res.statusCode, res.json().errors?.[0]?.field, res.json().errors?.[0]?.code]).toEqual([url, 400, 'url', 'private_target']);
    }
    const mailbox = await admin.post('/api/v1/admin/mailboxes', {
      brandId: carri, address: 'lan@carri.example', imap: { host: '192.168.0.10', port: 993, secure: true, user: 'u', password: 'p' }, smtp: { host: '127.0.0.1', port: 25, secure: false },
    });
    expect(mailbox.statusCode).toBe(400);
    expect(mailbox.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(['imap.host:private_target', 'smtp.host:private_target']);
    expect(await ctx().db.selectFrom('mailbox').select('id').where('address', '=', 'lan@carri.example').executeTakeFirst()).toBeUndefined();
  });
});
