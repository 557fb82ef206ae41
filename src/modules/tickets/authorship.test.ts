import { TEST_NOW } from '../../test/clock.ts';
import { expect, it } from 'vitest';
import { brandId, describeStores } from '../../test/db.ts';
import { addEntry, listEntries } from './entry.service.ts';
import { CreateEntryBody, CreateTicketBody } from './ticket.schemas.ts';
import { createTicket } from './ticket-create.service.ts';
import { getTicket } from './ticket.service.ts';

describeStores('authorship along the reseller chain', (ctx) => {
  it('shows a case a reseller opened, and what it writes, as written on behalf of the end customer', async () => {
    const { db, actor } = ctx();
    const reseller = await actor('reseller@charge-amps.example');
    const customer = await actor('kund@charge-amps.example');
    const agent = await actor('agent@charge-amps.example');
    const ca = await brandId(db, 'charge-amps');
    const opened = await db.transaction().execute((trx) =>
      createTicket(trx, reseller, CreateTicketBody.parse({ brandId: ca, subject: 'Laddboxen svarar inte', description: 'Kunden säger att laddboxen inte svarar.', serialNumbers: ['CA-HALO-330001'], customFields: { reseller: 'Laddexperten AB', purchaseDate: '2025-03-14' }, requesterEmail: 'kund@charge-amps.example' }), TEST_NOW),
    );
    for (const viewer of [agent, customer, reseller]) {
      const ticket = await getTicket(db, viewer, opened.id);
      expect(ticket.requester.name).toBe('Karin Nilsson');
      expect(ticket.openedBy).toEqual({ id: reseller.userId, name: 'Anna Berg (Laddexperten)', role: 'reseller', organisation: 'Laddexperten AB' });
    }

    let minutes = 0;
    const write = (who: typeof agent, kind: 'customer_message' | 'agent_reply', body: string) =>
      db.transaction().execute((trx) => addEntry(trx, who, opened.id, CreateEntryBody.parse({ kind, body }), new Date(TEST_NOW.getTime() + ++minutes * 60_000)));
    const added = await write(reseller, 'customer_message', 'Kunden har startat om laddboxen.');
    expect(added.onBehalfOf).toEqual({ id: customer.userId, name: 'Karin Nilsson' });
    await write(agent, 'agent_reply', 'Tack, vi tittar på loggarna.');
    await write(customer, 'customer_message', 'Den blinkar fortfarande.');

    const entries = (await listEntries(db, agent, opened.id)).items.filter((e) => e.kind !== 'system');
    expect(entries.map((e) => [e.author?.name, e.onBehalfOf?.name ?? null])).toEqual([
      ['Anna Berg (Laddexperten)', 'Karin Nilsson'],
      ['Erik Lindqvist', null],
      ['Karin Nilsson', null],
    ]);
    expect(entries[0]?.author?.organisation).toBe('Laddexperten AB');
  });

  it('names no one else when the customer opens the case', async () => {
    const { db, actor } = ctx();
    const customer = await actor('kund@charge-amps.example');
    const ca = await brandId(db, 'charge-amps');
    const opened = await db.transaction().execute((trx) =>
      createTicket(trx, customer, CreateTicketBody.parse({ brandId: ca, subject: 'Kabeln', description: 'Kabeln är skadad.', serialNumbers: ['CA-AURA-330002'] }), TEST_NOW),
    );
    expect((await getTicket(db, customer, opened.id)).openedBy).toBeNull();
  });
});
