import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileStore } from '../../../platform/files/file-store.ts';
import { JobQueue } from '../../../platform/jobs/job-queue.ts';
import { testClock } from '../../../test/clock.ts';
import { brandId, describeStores } from '../../../test/db.ts';
import { buildTestApp, type Client, loginAs } from '../../../test/http.ts';
import { until } from '../../../test/support.ts';
import { registerEmailWorkers } from '../email-worker.ts';
import { ticketMail } from '../outbound/index.ts';

type OutboxItem = { kind: string; subject: string; bodyText: string; ticketId: string | null };
type Template = { template: string; variables: string[]; languages: { locale: string; subject: string; body: string; defaultSubject: string; defaultBody: string; overridden: boolean }[] };
type Problem = { code: string; errors: { field: string; code: string; message: string }[] };

/** Issue 14, item 6: a brand words its customer mails per language, previews them, and its wording is what is sent. */
describeStores('mail templates per brand and language', (ctx) => {
  let app: FastifyInstance;
  let admin: Client;
  let agent: Client;
  let jobs: JobQueue;
  let carri: string;
  const url = (template: string, locale: string) => `/api/v1/admin/brands/${carri}/mail-templates/${template}/${locale}`;
  const wording = {
    subject: '[{{number}}] CARRI a bien noté votre appel : {{subject}}',
    body: 'Bonjour de la part de CARRI. Votre appel ({{channel}}) porte le numéro {{number}}, reçu le {{receivedAt}}.\nMerci de répondre à ce message pour le confirmer.',
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx());
    const { database, db, filesDir } = ctx();
    // The app only enqueues; this process plays the mail worker.
    jobs = new JobQueue(database);
    const email = { db, jobs, files: new FileStore(path.join(filesDir, 'files')), rawStore: new FileStore(path.join(filesDir, 'raw')), maxMessageBytes: 1_000_000, clock: testClock() };
    registerEmailWorkers(jobs, email, ticketMail(email));
    await jobs.start();
    carri = await brandId(db, 'carri');
    admin = await loginAs(app, 'admin@apres.example');
    agent = await loginAs(app, 'agent@carri.example');
  });
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
  });

  const templates = async () => (await admin.get(`/api/v1/admin/brands/${carri}/mail-templates`)).json().items as Template[];

  it('lists each mail with its variables and its default text in five languages, the brand’s languages first', async () => {
    const confirm = (await templates()).find((t) => t.template === 'confirmation_request')!;
    expect(confirm.variables).toEqual(['number', 'subject', 'receivedAt', 'channel']);
    expect(confirm.languages.map((l) => l.locale)).toEqual(['fr', 'en', 'ro', 'ru', 'sv']);
    const fr = confirm.languages[0]!;
    expect(fr).toMatchObject({ overridden: false, subject: fr.defaultSubject, body: fr.defaultBody });
    expect(fr.defaultSubject).toContain('{{number}}');
    expect((await templates()).map((t) => t.template)).toEqual(['acknowledgment', 'confirmation_request', 'schedule_change', 'quote']);
  });

  it('refuses an unknown variable, naming it and the field, and saves nothing', async () => {
    const res = await admin.request({ method: 'PUT', url: url('confirmation_request', 'fr'), payload: { subject: wording.subject, body: `${wording.body}\nVotre conseiller : {{agentName}}` } });
    expect(res.statusCode).toBe(400);
    const p = res.json() as Problem;
    expect(p.errors).toEqual([expect.objectContaining({ field: 'body', code: 'unknown_variable' })]);
    expect(p.errors[0]!.message).toContain('{{agentName}}');
    const preview = await admin.post(`${url('confirmation_request', 'fr')}/preview`, { subject: 'Ticket {{nummer}}', body: wording.body });
    expect((preview.json() as Problem).errors.map((e) => [e.field, e.code])).toEqual([['subject', 'unknown_variable']]);
    expect((await templates()).find((t) => t.template === 'confirmation_request')!.languages[0]!.overridden).toBe(false);
  });

  it('previews the whole letter with sample values, greeting, number and signature included', async () => {
    const res = await admin.post(`${url('confirmation_request', 'fr')}/preview`, wording);
    expect(res.statusCode, res.body).toBe(200);
    const { subject, text } = res.json() as { subject: string; text: string };
    expect(subject).toMatch(/^\[CS-\d{4}-000123-\d\] CARRI a bien noté votre appel : Le chargeur s’arrête au bout de dix minutes$/);
    expect(text).toMatch(/^Bonjour Camille Martin,\n\nBonjour de la part de CARRI\. Votre appel \(téléphone\) porte le numéro CS-\d{4}-000123-\d, reçu le /);
    expect(text).not.toContain('{{');
    expect(text).toContain('CARRI Systems');
  });

  it('sends the brand’s wording in the customer’s language (read in the outbox), and the default again after a reset', async () => {
    expect((await admin.request({ method: 'PUT', url: url('confirmation_request', 'fr'), payload: wording })).statusCode).toBe(204);
    const call = async (subject: string) => {
      const res = await agent.post('/api/v1/tickets', { brandId: carri, channel: 'phone', subject, description: 'Appel du client', requesterEmail: 'client@carri.example', serialNumbers: ['CS540-0815-B2'], customFields: { troubleshootingSteps: 'Redémarrage', physicalAccess: 'yes' } });
      expect(res.statusCode, res.body).toBe(201);
      const ticket = res.json() as { id: string; number: string };
      const mail = await until('the confirmation in the outbox', async () => ((await admin.get('/api/v1/admin/outbox')).json().items as OutboxItem[]).find((m) => m.ticketId === ticket.id));
      return { ticket, mail };
    };
    const { ticket, mail } = await call('Imprimante bloquée');
    expect(mail.kind).toBe('confirmation_request');
    expect(mail.subject).toBe(`[${ticket.number}] CARRI a bien noté votre appel : Imprimante bloquée`);
    expect(mail.bodyText).toContain(`Votre appel (téléphone) porte le numéro ${ticket.number}, reçu le `);
    expect(mail.bodyText).toContain('Merci de répondre à ce message pour le confirmer.');
    // The greeting, the footer with the number and the signature stay the brand's letter.
    expect(mail.bodyText).toMatch(/^Bonjour Jean Dupont,/);
    expect((await templates()).find((t) => t.template === 'confirmation_request')!.languages[0]!.overridden).toBe(true);

    expect((await admin.request({ method: 'DELETE', url: url('confirmation_request', 'fr') })).statusCode).toBe(204);
    const again = await call('Imprimante bloquée encore');
    expect(again.mail.subject).not.toContain('CARRI a bien noté');
    expect(again.mail.subject).toContain(again.ticket.number);
  });

  it("answers 404 for a brand the administrator does not manage, and 403 to an agent", async () => {
    const db = ctx().db;
    const user = await db.insertInto('app_user').values({ email: 'admin@eiler.example', name: 'Pavel Admin', role: 'admin', locale: 'ru', password_hash: (await db.selectFrom('app_user').select('password_hash').where('email', '=', 'admin@apres.example').executeTakeFirstOrThrow()).password_hash }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('user_brand').values({ user_id: user.id, brand_id: await brandId(db, 'eiler') }).execute();
    const eilerAdmin = await loginAs(app, 'admin@eiler.example');
    expect((await eilerAdmin.get(`/api/v1/admin/brands/${carri}/mail-templates`)).statusCode).toBe(404);
    expect((await eilerAdmin.request({ method: 'PUT', url: url('acknowledgment', 'fr'), payload: wording })).statusCode).toBe(404);
    expect((await eilerAdmin.post(`${url('acknowledgment', 'fr')}/preview`, wording)).statusCode).toBe(404);
    expect((await agent.get(`/api/v1/admin/brands/${carri}/mail-templates`)).statusCode).toBe(403);
  });
});
