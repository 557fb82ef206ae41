import { TEST_NOW } from '../../test/clock.ts';
import { expect, it } from 'vitest';
import { brandId, describeStores } from '../../test/db.ts';
import { CreateTicketBody } from './ticket.schemas.ts';
import { searchTickets, toSegments } from './ticket-search.service.ts';
import { createTicket } from './ticket-create.service.ts';
import { listTickets } from './ticket.service.ts';

describeStores('ticket search', (ctx) => {
  it("finds tickets by the requester's name, accents and case folded, words in any order", async () => {
    const { db, actor } = ctx();
    const admin = await actor('admin@apres.example');
    const subjectsOf = async (q: string) => (await searchTickets(db, admin, { q, limit: 50 })).items.map((i) => i.requester.name);
    expect(await subjectsOf('Ionescu')).toContain('Maria Ionescu');
    expect(await subjectsOf('ionescu maria')).toContain('Maria Ionescu');
    expect(await subjectsOf('camille')).toContain('Camille Bernard');
    expect(await subjectsOf('ПЕТРОВ')).toContain('Иван Петров');
    expect(await subjectsOf('camille')).not.toContain('Maria Ionescu');

    const agent = await actor('agent@charge-amps.example');
    const ca = await brandId(db, 'charge-amps');
    await db.transaction().execute((trx) =>
      createTicket(trx, agent, CreateTicketBody.parse({ brandId: ca, subject: 'Laddaren startar inte', description: 'Laddaren startar inte efter strömavbrott', serialNumbers: ['CA-SEARCH-1'], requesterEmail: 'stefanescu@example.ro', requesterName: 'Françoise Ștefănescu', channel: 'phone' }), TEST_NOW),
    );
    expect(await subjectsOf('stefanescu')).toContain('Françoise Ștefănescu');
    expect(await subjectsOf('FRANCOISE')).toContain('Françoise Ștefănescu');
  });

  it('finds tickets by the organisation and by the reseller they came through', async () => {
    const { db, actor } = ctx();
    const admin = await actor('admin@apres.example');
    const byOrg = await searchTickets(db, admin, { q: 'imprimerie martin', limit: 50 });
    expect(byOrg.items.map((i) => i.requester.name)).toContain('Jean Dupont');
    const byReseller = await searchTickets(db, admin, { q: 'laddexperten', limit: 50 });
    expect(byReseller.items.map((i) => i.requester.name)).toContain('Karin Nilsson');
    // The searcher's visibility still decides: another brand's agent sees none of them.
    const carriAgent = await actor('agent@carri.example');
    expect((await searchTickets(db, carriAgent, { q: 'laddexperten', limit: 50 })).items).toEqual([]);
  });

  it('narrows the hits by status, assignee and opening date on the server, and the list by opening date', async () => {
    const { db, actor } = ctx();
    const admin = await actor('admin@apres.example');
    const all = (await searchTickets(db, admin, { q: 'ionescu', limit: 50 })).items;
    expect(all.length).toBeGreaterThan(1);
    const one = all[0]!;
    const byStatus = await searchTickets(db, admin, { q: 'ionescu', status: [one.status], limit: 50 });
    expect(byStatus.items.every((i) => i.status === one.status)).toBe(true);
    expect(byStatus.items.map((i) => i.id)).toContain(one.id);
    const otherStatuses = await searchTickets(db, admin, { q: 'ionescu', status: ['closed'], limit: 50 });
    expect(otherStatuses.items.every((i) => i.status === 'closed')).toBe(true);
    const unassigned = await searchTickets(db, admin, { q: 'ionescu', assigneeId: 'none', limit: 50 });
    expect(unassigned.items.every((i) => i.assignee === null)).toBe(true);
    const after = await searchTickets(db, admin, { q: 'ionescu', createdFrom: one.createdAt, limit: 50 });
    expect(after.items.every((i) => i.createdAt >= one.createdAt)).toBe(true);
    const before = await searchTickets(db, admin, { q: 'ionescu', createdBefore: one.createdAt, limit: 50 });
    expect(before.items.every((i) => i.createdAt < one.createdAt)).toBe(true);
    expect(after.items.length + before.items.length).toBe(all.length);
    // The queue's list takes the same opening dates.
    const listed = await listTickets(db, admin, { limit: 200, createdFrom: one.createdAt }, TEST_NOW);
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((i) => i.createdAt >= one.createdAt)).toBe(true);
    const older = await listTickets(db, admin, { limit: 200, createdBefore: one.createdAt }, TEST_NOW);
    expect(older.items.every((i) => i.createdAt < one.createdAt)).toBe(true);
  });

  it('marks the matched words as runs of plain text, never as HTML', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    const ca = await brandId(db, 'charge-amps');
    await db.transaction().execute((trx) =>
      createTicket(trx, agent, CreateTicketBody.parse({ brandId: ca, serialNumbers: ['CA-SEARCH-2'], subject: 'Onduleur <b>zorglub</b> en panne', description: 'Le voyant <script>alert(1)</script> du zorglub clignote.', requesterEmail: 'x@example.se', requesterName: 'Xavier', channel: 'phone' }), TEST_NOW),
    );
    const [hit] = (await searchTickets(db, agent, { q: 'zorglub', limit: 5 })).items;
    expect(hit?.subjectHighlight.map((s) => s.text).join('')).toBe('Onduleur <b>zorglub</b> en panne');
    expect(hit?.subjectHighlight.filter((s) => s.match).map((s) => s.text)).toEqual(['zorglub']);
    expect(hit?.headline.filter((s) => s.match).map((s) => s.text)).toEqual(['zorglub']);
  });

  it('cuts a marked headline into runs', () => {
    expect(toSegments('a \uE000b\uE001 c \uE000d\uE001')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c ', match: false },
      { text: 'd', match: true },
    ]);
  });
});
