import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { TEST_NOW } from '../../test/clock.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { CreateEntryBody, CreateTicketBody } from './ticket.schemas.ts';
import { addEntry } from './entry.service.ts';
import { createTicket } from './ticket-create.service.ts';
import { mergeTicket } from './ticket-merge.service.ts';
import { searchTickets } from './ticket-search.service.ts';

/**
 * The search document (migration 0024) is kept by triggers in the writing transaction: whatever
 * writes a ticket or its conversation, search sees the change at once, and internal notes never.
 */
describeStores('ticket search document', (ctx) => {
  const at = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
  let requesters = 0;
  const newTicket = async (subject: string, description: string, minutes = 0, requester = `doc.search.${++requesters}@example.fr`) => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    const brand = await brandId(db, 'charge-amps');
    return db.transaction().execute((trx) =>
      createTicket(trx, agent, CreateTicketBody.parse({ brandId: brand, subject, description, serialNumbers: ['CA-DOC-1'], requesterEmail: requester, requesterName: 'Lucie Fabre', channel: 'phone' }), at(minutes)),
    );
  };
  const found = async (q: string, as = 'agent@charge-amps.example') => {
    const { db, actor } = ctx();
    return (await searchTickets(db, await actor(as), { q, limit: 100 })).items.map((i) => i.number);
  };

  it('finds a ticket by the words of a reply at once, never by an internal note', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    const t = await newTicket('Imprimante hors service', 'Le voyant clignote en orange');
    await db.transaction().execute((trx) => addEntry(trx, agent, t.id, CreateEntryBody.parse({ kind: 'agent_reply', body: 'Remplacez le fusible zéphyrin du bloc arrière' }), at(5)));
    await db.transaction().execute((trx) => addEntry(trx, agent, t.id, CreateEntryBody.parse({ kind: 'internal_note', body: 'Client xylophonique, à surveiller' }), at(6)));
    expect(await found('zéphyrin')).toContain(t.number);
    expect(await found('xylophonique')).not.toContain(t.number);
    expect(await found('xylophonique', 'admin@apres.example')).not.toContain(t.number);
    // Subject and description still count, and weigh more than the conversation.
    expect(await found('voyant clignote')).toContain(t.number);
  });

  it('follows an edited subject, a deleted entry and a merge', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    const a = await newTicket('Onduleur quetzalcoatl bruyant', 'Bruit au démarrage', 0, 'doc.merge@example.fr');
    await sql`update ticket set subject = 'Onduleur silencieux' where id = ${a.id}`.execute(db);
    expect(await found('quetzalcoatl')).not.toContain(a.number);
    expect(await found('silencieux')).toContain(a.number);

    const reply = await db.transaction().execute((trx) => addEntry(trx, agent, a.id, CreateEntryBody.parse({ kind: 'agent_reply', body: 'Essai du module brontosaure' }), at(5)));
    expect(await found('brontosaure')).toContain(a.number);
    await sql`delete from ticket_entry where id = ${reply.id}`.execute(db);
    expect(await found('brontosaure')).not.toContain(a.number);

    const b = await newTicket('Serveur ptérodactyle en panne', 'Ne démarre plus', 1, 'doc.merge@example.fr');
    await db.transaction().execute((trx) => addEntry(trx, agent, b.id, CreateEntryBody.parse({ kind: 'agent_reply', body: 'Carte mère diplodocus à changer' }), at(5)));
    await mergeTicket(db, agent, b.id, a.id, at(10));
    // The merged ticket's conversation moved to the target: its words find the target.
    expect(await found('diplodocus')).toContain(a.number);
    const doc = await db.selectFrom('ticket_search').select(sql<string>`doc::text`.as('doc')).where('ticket_id', '=', b.id).executeTakeFirstOrThrow();
    expect(doc.doc).not.toContain('diplodocus');
  });

  it('keeps a very long thread writable and searchable up to the cap', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    const t = await newTicket('Journal de diagnostic', 'Trace complète en pièce jointe');
    // Eleven replies of ~90 KB of distinct words each: the eleventh passes 900 000 bytes.
    for (let r = 0; r < 11; r++) {
      const words = Array.from({ length: 9000 }, (_, i) => `mot${r}x${i}`).join(' ');
      const body = r === 0 ? `premier ammonite ${words}` : r === 10 ? `dernier trilobite ${words}` : words;
      await db.transaction().execute((trx) => addEntry(trx, agent, t.id, CreateEntryBody.parse({ kind: 'agent_reply', body: body.slice(0, 99_000) }), at(r + 1)));
    }
    const row = await db.selectFrom('ticket_search').select('doc_bytes').where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.doc_bytes).toBeLessThanOrEqual(1_000_000);
    expect(row.doc_bytes).toBeGreaterThan(850_000);
    expect(await found('ammonite')).toContain(t.number);
    expect(await found('trilobite')).not.toContain(t.number);
    // A rebuild (here: the subject edited) applies the same cap, entry by entry in order.
    await sql`update ticket set subject = 'Journal de diagnostic complet' where id = ${t.id}`.execute(db);
    expect(await found('ammonite')).toContain(t.number);
    expect(await found('trilobite')).not.toContain(t.number);
  });

  it('ranks every match when few, the newest matches when a word is too common', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    const made = [];
    // Forty days apart: each in a 30-day period of its own, read newest first.
    for (let i = 0; i < 5; i++) made.push(await newTicket(`Tambour mégalosaure ${i}`, 'Bourrage papier répété', 100 + i * 40 * 24 * 60));
    const search = (bounds: { candidates: number; recent: number }) => searchTickets(db, agent, { q: 'mégalosaure', limit: 50 }, bounds);
    // Five matches, ranked in full.
    expect((await search({ candidates: 10, recent: 2 })).items.map((i) => i.number).sort()).toEqual(made.map((t) => t.number).sort());
    // Past the bound: only the two newest are ranked and returned.
    expect((await search({ candidates: 3, recent: 2 })).items.map((i) => i.number).sort()).toEqual([made[3]!.number, made[4]!.number].sort());
    // The filters apply while reading back in time: the oldest match is found when it alone passes.
    await sql`update ticket set status = 'waiting_third_party' where id = ${made[0]!.id}`.execute(db);
    const filtered = await searchTickets(db, agent, { q: 'mégalosaure', status: ['waiting_third_party'], limit: 50 }, { candidates: 3, recent: 2 });
    expect(filtered.items.map((i) => i.number)).toEqual([made[0]!.number]);
  });
  it("takes a common word's newest matches from the newest period, filters applied", async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    // Far after the other tests' tickets: these are the newest period's only ones.
    const base = 100 + 400 * 24 * 60;
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await newTicket(`Kabel stegosaurus ${i}`, 'Kabeln är trasig', base + i));
    const search = (extra: { status?: ('new' | 'waiting_parts')[] } = {}) => searchTickets(db, agent, { q: 'stegosaurus', limit: 50, ...extra }, { candidates: 10, recent: 2 });
    // Four matches in the newest period, two wanted: the two newest, without counting the rest.
    expect((await search()).items.map((i) => i.number).sort()).toEqual([made[2]!.number, made[3]!.number].sort());
    // A filter only the oldest two pass: still exact, the newest that pass.
    await sql`update ticket set status = 'waiting_parts' where id in (${made[0]!.id}, ${made[1]!.id})`.execute(db);
    expect((await search({ status: ['waiting_parts'] })).items.map((i) => i.number).sort()).toEqual([made[0]!.number, made[1]!.number].sort());
  });
});
