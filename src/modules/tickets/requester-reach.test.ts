import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { brandId, describeStores } from '../../test/db.ts';
import { buildTestApp, loginAs } from '../../test/http.ts';

/**
 * Issue 9, finding 2: staff and partners open tickets only for customers within their reach; any
 * other account, of another brand, another chain, or staff, answers like a foreign id (404) and is
 * neither linked to the caller's brand nor revealed.
 */
describeStores('requesters within reach', (ctx) => {
  let app: FastifyInstance;
  const carriFields = { troubleshootingSteps: 'Redémarrage', physicalAccess: 'no' };

  beforeAll(async () => {
    app = await buildTestApp(ctx());
  });
  afterAll(async () => {
    await app?.close();
  });

  const userId = async (email: string) => (await ctx().db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const brandsOf = async (email: string) =>
    (await ctx().db.selectFrom('user_brand as ub').innerJoin('brand as b', 'b.id', 'ub.brand_id').innerJoin('app_user as u', 'u.id', 'ub.user_id').select('b.slug').where('u.email', '=', email).execute()).map((r) => r.slug).sort();

  it('refuses another brand’s customer and any staff or partner account alike, by e-mail or by id, linking nothing', async () => {
    const agent = await loginAs(app, 'agent@carri.example');
    const carri = await brandId(ctx().db, 'carri');
    const body = (extra: Record<string, unknown>) => ({ brandId: carri, channel: 'phone', subject: 'Appel', description: 'Client au téléphone', serialNumbers: ['CS-1'], customFields: carriFields, ...extra });
    const answers = [];
    for (const extra of [
      { requesterEmail: 'client@smart-id.example' },
      { requesterEmail: 'CLIENT@eiler.example' },
      { requesterEmail: 'agent@eiler.example' },
      { requesterEmail: 'reseller@charge-amps.example' },
      { requesterId: await userId('client@smart-id.example') },
      { requesterId: await userId('admin@apres.example') },
    ]) {
      const res = await agent.post('/api/v1/tickets', body(extra));
      answers.push([res.statusCode, res.json().code, res.json().errors?.[0]?.field]);
      // Nothing about the account leaks: no name, no organisation, no role.
      expect(res.body).not.toMatch(/Maria|Иван|Ольга|Anna|Alex|staff|partner/);
    }
    expect(answers).toEqual([
      [404, 'REQUESTER_NOT_FOUND', 'requesterEmail'],
      [404, 'REQUESTER_NOT_FOUND', 'requesterEmail'],
      [404, 'REQUESTER_NOT_FOUND', 'requesterEmail'],
      [404, 'REQUESTER_NOT_FOUND', 'requesterEmail'],
      [404, 'REQUESTER_NOT_FOUND', 'requesterId'],
      [404, 'REQUESTER_NOT_FOUND', 'requesterId'],
    ]);
    expect(await brandsOf('client@smart-id.example')).toEqual(['smart-id']);
    expect(await brandsOf('client@eiler.example')).toEqual(['eiler']);

    // The brand's own customer, and a new address, which becomes a customer of this brand only.
    expect((await agent.post('/api/v1/tickets', body({ requesterEmail: 'client@carri.example' }))).statusCode).toBe(201);
    const created = await agent.post('/api/v1/tickets', body({ requesterEmail: 'nouvelle@cliente.example', requesterName: 'Nouvelle Cliente' }));
    expect(created.statusCode).toBe(201);
    expect(await brandsOf('nouvelle@cliente.example')).toEqual(['carri']);
  });

  it('lets a reseller open tickets for its own customers only, and a distributor for its resellers’ customers', async () => {
    const ca = await brandId(ctx().db, 'charge-amps');
    const body = (extra: Record<string, unknown>) => ({ brandId: ca, subject: 'Laddaren', description: 'Laddar inte', serialNumbers: ['CA-9'], ...extra });
    const reseller = await loginAs(app, 'reseller@charge-amps.example');
    const distributor = await loginAs(app, 'distributor@charge-amps.example');
    // Karin's housing association buys through Laddexperten (Brf Solsidan → Laddexperten → Nordic EV).
    expect((await reseller.post('/api/v1/tickets', body({ requesterEmail: 'kund@charge-amps.example' }))).statusCode).toBe(201);
    expect((await distributor.post('/api/v1/tickets', body({ requesterEmail: 'kund@charge-amps.example' }))).statusCode).toBe(201);
    // A customer of the brand outside the chain, and a customer of another brand.
    const direct = await loginAs(app, 'agent@charge-amps.example');
    expect((await direct.post('/api/v1/tickets', body({ channel: 'phone', requesterEmail: 'direktkund@example.se' }))).statusCode).toBe(201);
    for (const who of [reseller, distributor]) {
      for (const email of ['direktkund@example.se', 'client@carri.example']) {
        const res = await who.post('/api/v1/tickets', body({ requesterEmail: email }));
        expect([res.statusCode, res.json().code]).toEqual([404, 'REQUESTER_NOT_FOUND']);
      }
    }
  });

  it('opens every ticket of a new customer asked at the same moment, under one account (no 500 on the address taken meanwhile)', async () => {
    const agent = await loginAs(app, 'agent@carri.example');
    const carri = await brandId(ctx().db, 'carri');
    const open = (address: string, n: number) =>
      agent.post('/api/v1/tickets', { brandId: carri, channel: 'phone', subject: `Appel ${n}`, description: 'Client au téléphone', serialNumbers: ['CS-1'], customFields: carriFields, requesterEmail: address, requesterName: 'Jeanne Simultanée' });
    // Six first calls of one new customer at once (on PostgreSQL they race on the address).
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => open('jeanne@simultanee.example', n)));
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const accounts = await ctx().db.selectFrom('app_user').select('id').where('email', '=', 'jeanne@simultanee.example').execute();
    expect(accounts).toHaveLength(1);
    expect(new Set(answers.map((r) => r.json().requester.id))).toEqual(new Set([accounts[0]!.id]));
    expect(await brandsOf('jeanne@simultanee.example')).toEqual(['carri']);

    if (ctx().store !== 'postgres') return; // the embedded store runs one transaction at a time
    // Deterministically: the address is taken by a transaction still open when the create arrives;
    // the create waits for its commit and takes that account.
    const held = await ctx().db.startTransaction().execute();
    const theirs = await held.insertInto('app_user').values({ email: 'paul@simultane.example', name: 'Paul', role: 'customer', locale: 'fr', phone: null, organisation_id: null, password_hash: null }).returning('id').executeTakeFirstOrThrow();
    await held.insertInto('user_brand').values({ user_id: theirs.id, brand_id: carri }).execute();
    const pending = open('paul@simultane.example', 7);
    // The create reaches the address and waits on the open transaction's lock.
    const waiting = () => sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`.execute(ctx().db);
    while ((await waiting()).rows[0]!.n === 0) await new Promise((r) => setImmediate(r));
    await held.commit().execute();
    const res = await pending;
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().requester.id).toBe(theirs.id);
  });
});
