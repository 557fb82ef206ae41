import { expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { getTicketSla } from '../sla/index.ts';
import { addEntry, listEntries } from './entry.service.ts';
import { CreateEntryBody, CreateTicketBody } from './ticket.schemas.ts';
import { createTicket } from './ticket-create.service.ts';
import { getTicket } from './ticket.service.ts';

const d = (iso: string) => new Date(iso);
const carriFields = { troubleshootingSteps: 'Redémarré, câble changé', physicalAccess: 'yes' };

/** Issue 14, item 3: "reply and wait for the customer" in one step, so the timer cannot be left running. */
describeStores('reply and wait for the customer', (ctx) => {
  async function phoneTicket(at: Date) {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const body = CreateTicketBody.parse({
      brandId: await brandId(db, 'carri'), subject: 'Imprimante bloquée', description: 'Bourrage papier', serialNumbers: ['CR-1001'], customFields: carriFields,
      channel: 'phone', requesterEmail: 'client@carri.example', requesterName: 'Client Carri',
    });
    return db.transaction().execute((trx) => createTicket(trx, agent, body, at));
  }

  it('adds the reply and sets waiting for the customer in one transaction: the resolution clock pauses', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const t = await phoneTicket(d('2026-11-23T08:00:00Z'));
    await db.transaction().execute((trx) =>
      addEntry(trx, agent, t.id, CreateEntryBody.parse({ kind: 'agent_reply', body: 'Pouvez-vous envoyer une photo ?', thenStatus: 'waiting_customer' }), d('2026-11-23T09:00:00Z')),
    );
    expect((await getTicket(db, agent, t.id)).status).toBe('waiting_customer');
    const sla = await getTicketSla(db, agent, t.id, d('2026-11-23T15:00:00Z'));
    expect(sla.timers.find((x) => x.kind === 'first_response')).toMatchObject({ state: 'met', stoppedAt: '2026-11-23T09:00:00.000Z' });
    expect(sla.timers.find((x) => x.kind === 'resolution')).toMatchObject({ state: 'paused', dueAt: null });
  });

  it('sends and resolves in one step', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const t = await phoneTicket(d('2026-11-23T08:00:00Z'));
    await db.transaction().execute((trx) => addEntry(trx, agent, t.id, CreateEntryBody.parse({ kind: 'agent_reply', body: 'Réglé.', thenStatus: 'resolved' }), d('2026-11-23T09:00:00Z')));
    const after = await getTicket(db, agent, t.id);
    expect(after.status).toBe('resolved');
    expect(after.resolvedAt).toBe('2026-11-23T09:00:00.000Z');
  });

  it('refuses a status the ticket cannot take, names the field and writes no entry', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const t = await phoneTicket(d('2026-11-23T08:00:00Z'));
    const before = (await listEntries(db, agent, t.id)).items.length;
    // `new` is no status a ticket goes back to.
    const err = await db
      .transaction()
      .execute((trx) => addEntry(trx, agent, t.id, CreateEntryBody.parse({ kind: 'agent_reply', body: 'Bonjour', thenStatus: 'new' }), d('2026-11-23T09:00:00Z')))
      .then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('TICKET_TRANSITION_NOT_ALLOWED');
    expect((err as AppError).details?.errors?.[0]?.field).toBe('thenStatus');
    expect((await listEntries(db, agent, t.id)).items.length).toBe(before);
    expect((await getTicket(db, agent, t.id)).status).toBe('new');
  });

  it('lets no customer set a status with a message', async () => {
    const { db, actor } = ctx();
    const customer = await actor('client@carri.example');
    const t = await phoneTicket(d('2026-11-23T08:00:00Z'));
    const err = await db
      .transaction()
      .execute((trx) => addEntry(trx, customer, t.id, CreateEntryBody.parse({ kind: 'customer_message', body: 'Merci', thenStatus: 'resolved' }), d('2026-11-23T09:00:00Z')))
      .then(() => undefined, (e: unknown) => e);
    expect((err as AppError).httpStatus).toBe(403);
    expect((err as AppError).details?.errors?.[0]?.field).toBe('thenStatus');
  });
});
