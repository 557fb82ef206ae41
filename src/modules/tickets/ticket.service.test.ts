import { TEST_NOW } from '../../test/clock.ts';
import { expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.ts';
import { brandId, describeStores } from '../../test/db.ts';
import { checkTicketNumber } from '../brands/index.ts';
import { addEntry, listEntries, listHistory } from './entry.service.ts';
import { CreateTicketBody } from './ticket.schemas.ts';
import { searchTickets } from './ticket-search.service.ts';
import { createTicket } from './ticket-create.service.ts';
import { mergeTicket } from './ticket-merge.service.ts';
import { getTicket, listTickets, lookupTicketByNumber, updateTicket } from './ticket.service.ts';

const eilerFields = {
  reproductionSteps: 'Открыть отчёт, нажать экспорт',
  frequency: 'always',
  productVersion: '5.3.2',
  criticality: 'high',
  contactPhone: '+7 916 555-12-34',
  contactEmail: 'client@eiler.example',
};

async function expectAppError(p: Promise<unknown>, code: string): Promise<AppError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describeStores('tickets', (ctx) => {
  it('numbers a new ticket in the brand format with a valid check digit and audits the creation', async () => {
    const { db, actor } = ctx();
    const customer = await actor('client@eiler.example');
    const eiler = await brandId(db, 'eiler');
    const t = await db.transaction().execute((trx) =>
      createTicket(trx, customer, CreateTicketBody.parse({ brandId: eiler, subject: 'Не запускается', description: 'После обновления программа не запускается', customFields: eilerFields }), TEST_NOW),
    );
    expect(t.number).toMatch(/^EI-\d{4}-\d{5}\d$/);
    const brand = await db.selectFrom('brand').select('ticket_number_format').where('id', '=', eiler).executeTakeFirstOrThrow();
    expect(checkTicketNumber(brand.ticket_number_format, t.number)).toBe('valid');
    expect(t.channel).toBe('portal');
    expect(t.status).toBe('new');
    const history = await listHistory(db, await actor('agent@eiler.example'), t.id);
    expect(history.items[0]).toMatchObject({ field: 'created', after: { number: t.number, status: 'new' } });
  });


  it("numbers one brand's tickets in order without a create waiting for another's commit; a failed create's number stays unused", async () => {
    const { db, actor, store } = ctx();
    const customer = await actor('client@eiler.example');
    const eiler = await brandId(db, 'eiler');
    const input = (subject: string) => CreateTicketBody.parse({ brandId: eiler, subject, description: 'Отчёт не строится', customFields: eilerFields });
    const seqOf = (n: string) => Number(n.slice(-6, -1));
    const first = await db.transaction().execute((trx) => createTicket(trx, customer, input('Первый'), TEST_NOW));
    // A create that fails after taking its number (rolled back): the number is not given again.
    await db.transaction().execute(async (trx) => {
      await createTicket(trx, customer, input('Откат'), TEST_NOW);
      throw new Error('rolled back');
    }).catch(() => undefined);
    const third = await db.transaction().execute((trx) => createTicket(trx, customer, input('Третий'), TEST_NOW));
    expect(seqOf(third.number)).toBe(seqOf(first.number) + 2);
    expect(await db.selectFrom('ticket').select('id').where('subject', '=', 'Откат').execute()).toEqual([]);

    if (store !== 'postgres') return; // the embedded store runs one transaction at a time
    // A create of the same brand still open in another transaction: this one neither waits for it
    // nor takes its number.
    const held = await db.startTransaction().execute();
    try {
      const open = await createTicket(held, customer, input('Открыт'), TEST_NOW);
      const meanwhile = await db.transaction().execute((trx) => createTicket(trx, customer, input('Тем временем'), TEST_NOW));
      expect(seqOf(meanwhile.number)).toBe(seqOf(open.number) + 1);
      await held.commit().execute();
    } catch (err) {
      await held.rollback().execute();
      throw err;
    }
  });
  it('refuses a web-form request missing the product version and writes nothing', async () => {
    const { db, actor } = ctx();
    const customer = await actor('client@eiler.example');
    const eiler = await brandId(db, 'eiler');
    const before = await db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { productVersion: _omitted, ...incomplete } = eilerFields;
    const err = await expectAppError(
      db.transaction().execute((trx) => createTicket(trx, customer, CreateTicketBody.parse({ brandId: eiler, subject: 'x', description: 'y', customFields: incomplete }), TEST_NOW)),
      'VALIDATION_FAILED',
    );
    expect(err.details?.errors).toEqual([{ field: 'customFields.productVersion', code: 'required', message: 'is required' }]);
    const after = await db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('lets an agent log a phone request on behalf of a new customer', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const carri = await brandId(db, 'carri');
    const t = await db.transaction().execute((trx) =>
      createTicket(trx, agent, CreateTicketBody.parse({
        brandId: carri, channel: 'phone', subject: 'Écran noir', description: 'Le poste reste sur écran noir',
        serialNumbers: ['cs-123-x', 'CS-123-X', 'CS-999'], requesterEmail: 'nouveau@client.example', requesterName: 'Paul Nouveau',
        customFields: { troubleshootingSteps: 'Redémarrage', physicalAccess: 'yes' },
      }), TEST_NOW),
    );
    expect(t.channel).toBe('phone');
    expect(t.requester).toMatchObject({ name: 'Paul Nouveau', email: 'nouveau@client.example' });
    expect(t.serialNumbers).toEqual(['CS-123-X', 'CS-999']);
  });

  it('enforces the status transitions and stamps resolution', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const [ticket] = (await listTickets(db, agent, { limit: 1, status: ['new'] }, TEST_NOW)).items;
    await expectAppError(updateTicket(db, agent, ticket!.id, { status: 'waiting_parts' }, TEST_NOW), 'TICKET_TRANSITION_NOT_ALLOWED');
    const accepted = await updateTicket(db, agent, ticket!.id, { status: 'accepted' }, TEST_NOW);
    expect(accepted.acceptedAt).not.toBeNull();
    await updateTicket(db, agent, ticket!.id, { status: 'in_progress' }, TEST_NOW);
    const resolved = await updateTicket(db, agent, ticket!.id, { status: 'resolved', priority: 'urgent' }, TEST_NOW);
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.allowedTransitions).toEqual(['closed', 'in_progress']);
    const history = await listHistory(db, agent, ticket!.id);
    expect(history.items.filter((h) => h.field === 'status').map((h) => [h.before, h.after])).toEqual([
      ['new', 'accepted'],
      ['accepted', 'in_progress'],
      ['in_progress', 'resolved'],
    ]);
    expect(history.items.find((h) => h.field === 'priority')).toMatchObject({ before: 'normal', after: 'urgent', actor: { name: 'Sophie Lefèvre' } });
  });

  it("records on each status change its ticket's brand and since when the status it leaves ran (the change before, else the creation)", async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const carri = await brandId(db, 'carri');
    const created = await db.transaction().execute((trx) =>
      createTicket(trx, agent, CreateTicketBody.parse({ brandId: carri, channel: 'phone', subject: 'Stays', description: 'Time in each status', serialNumbers: ['CS-STAY-1'], requesterEmail: 'stays@client.example', customFields: { troubleshootingSteps: 'x', physicalAccess: 'yes' } }), TEST_NOW),
    );
    const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * 3_600_000);
    await updateTicket(db, agent, created.id, { status: 'accepted' }, at(2));
    await updateTicket(db, agent, created.id, { priority: 'high' }, at(3));
    await updateTicket(db, agent, created.id, { status: 'in_progress' }, at(5));
    const rows = await db.selectFrom('ticket_audit').select(['field', 'brand_id', 'at', 'before_since']).where('ticket_id', '=', created.id).orderBy('id').execute();
    expect(rows.map((r) => [r.field, r.brand_id, r.before_since?.toISOString() ?? null])).toEqual([
      ['created', carri, null],
      ['status', carri, TEST_NOW.toISOString()],
      ['priority', carri, null],
      ['status', carri, at(2).toISOString()],
    ]);
    // Moved to a group: every row of its history follows (agents' reports filter on it).
    const group = await db.selectFrom('agent_group').select('id').where('brand_id', '=', carri).executeTakeFirstOrThrow();
    await updateTicket(db, agent, created.id, { groupId: group.id }, at(6));
    const groups = await db.selectFrom('ticket_audit').select('group_id').where('ticket_id', '=', created.id).execute();
    expect(groups.length).toBe(5);
    expect(new Set(groups.map((g) => g.group_id))).toEqual(new Set([group.id]));
  });

  it('reopens a resolved ticket when the customer writes again, and hides internal notes from them', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@smart-id.example');
    const customer = await actor('client@smart-id.example');
    const [ticket] = (await listTickets(db, customer, { limit: 1 }, TEST_NOW)).items;
    await db.transaction().execute((trx) => addEntry(trx, agent, ticket!.id, { kind: 'internal_note', body: 'Client fidèle — geste commercial possible', attachmentIds: [] }, TEST_NOW));
    await updateTicket(db, agent, ticket!.id, { status: 'resolved' }, TEST_NOW);
    await db.transaction().execute((trx) => addEntry(trx, customer, ticket!.id, { kind: 'customer_message', body: 'Tot nu funcționează', attachmentIds: [] }, TEST_NOW));
    expect((await getTicket(db, customer, ticket!.id)).status).toBe('in_progress');
    const seenByCustomer = await listEntries(db, customer, ticket!.id);
    expect(seenByCustomer.items.some((e) => e.kind === 'internal_note')).toBe(false);
    const seenByAgent = await listEntries(db, agent, ticket!.id);
    expect(seenByAgent.items.some((e) => e.kind === 'internal_note')).toBe(true);
    await expectAppError(
      db.transaction().execute((trx) => addEntry(trx, customer, ticket!.id, { kind: 'internal_note', body: 'x', attachmentIds: [] }, TEST_NOW)),
      'FORBIDDEN',
    );
  });

  it('looks up by number, telling a typo from an unknown number', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@carri.example');
    const [ticket] = (await listTickets(db, agent, { limit: 1 }, TEST_NOW)).items;
    expect((await lookupTicketByNumber(db, agent, ticket!.number.toLowerCase())).id).toBe(ticket!.id);
    const typo = ticket!.number.slice(0, -1) + ((Number(ticket!.number.at(-1)) + 1) % 10);
    await expectAppError(lookupTicketByNumber(db, agent, typo), 'TICKET_NUMBER_CHECK_DIGIT_INVALID');
    // A valid number of a brand the agent does not work for is simply not found.
    const other = (await listTickets(db, await actor('agent@eiler.example'), { limit: 1 }, TEST_NOW)).items[0]!;
    await expectAppError(lookupTicketByNumber(db, agent, other.number), 'TICKET_NOT_FOUND');
  });

  it('pages the queue by nearest due time, then first come first served, without gaps or repeats', async () => {
    const { db, actor } = ctx();
    const admin = await actor('admin@apres.example');
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTickets(db, admin, { limit: 3, ...(cursor ? { cursor } : {}) }, TEST_NOW);
      // Tickets without a due time (no policy, or all timers stopped) sort after every due one.
      all.push(...page.items.map((i) => `${i.sla?.dueAt ?? '9999'}|${i.createdAt}|${i.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all).toEqual([...all].sort());
    expect(all.some((k) => !k.startsWith('9999'))).toBe(true);
    expect(all.some((k) => k.startsWith('9999'))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    const total = await db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(all.length).toBe(Number(total.n));
  });

  it('searches in each ticket language, by serial, number and e-mail, within what the searcher may see', async () => {
    const { db, actor } = ctx();
    const admin = await actor('admin@apres.example');
    const fr = await searchTickets(db, admin, { q: 'bourrage', limit: 10 });
    expect(fr.items.map((i) => i.subject)).toContain('Imprimante réseau : bourrages papier répétés');
    const ru = await searchTickets(db, admin, { q: 'экспорта отчётов', limit: 10 });
    expect(ru.items[0]?.subject).toBe('Ошибка при экспорте отчёта в PDF');
    const sv = await searchTickets(db, admin, { q: 'laddningen', limit: 10 });
    expect(sv.items.map((i) => i.subject)).toContain('Laddboxen slutar ladda efter 10 minuter');
    const serial = await searchTickets(db, admin, { q: '220199', limit: 10 });
    expect(serial.items[0]?.subject).toBe('Laddboxen slutar ladda efter 10 minuter');
    const email = await searchTickets(db, admin, { q: 'kund@charge', limit: 10 });
    expect(email.items.length).toBeGreaterThan(0);
    const agent = await actor('agent@carri.example');
    expect((await searchTickets(db, agent, { q: 'laddningen', limit: 10 })).items).toEqual([]);
  });

  it('merges a duplicate into the original, moving its conversation and serials', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    const ca = await brandId(db, 'charge-amps');
    const mk = (subject: string, serial: string) =>
      db.transaction().execute((trx) => createTicket(trx, agent, CreateTicketBody.parse({ brandId: ca, subject, description: subject, serialNumbers: [serial], requesterEmail: 'dup@example.se', channel: 'email' }), TEST_NOW));
    const original = await mk('Laddaren blinkar rött', 'CA-1');
    const duplicate = await mk('Laddaren blinkar rött igen', 'CA-2');
    const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
    await db.transaction().execute((trx) => addEntry(trx, agent, duplicate.id, { kind: 'phone_note', body: 'Kunden ringde', attachmentIds: [] }, later(5)));
    const merged = await mergeTicket(db, agent, duplicate.id, original.id, later(10));
    expect(merged.serialNumbers).toEqual(['CA-1', 'CA-2']);
    const entries = await listEntries(db, agent, original.id);
    expect(entries.items.map((e) => e.kind)).toEqual(['phone_note', 'system']);
    const source = await getTicket(db, agent, duplicate.id);
    expect(source).toMatchObject({ status: 'closed', mergedInto: { id: original.id }, allowedTransitions: [] });
    await expectAppError(mergeTicket(db, agent, original.id, original.id, TEST_NOW), 'TICKET_MERGE_INVALID');
    await expectAppError(mergeTicket(db, agent, duplicate.id, original.id, TEST_NOW), 'TICKET_MERGE_INVALID');
    // The same id in capitals is the same ticket (it once merged a ticket into itself).
    await expectAppError(mergeTicket(db, agent, original.id, original.id.toUpperCase(), TEST_NOW), 'TICKET_MERGE_INVALID');
    expect((await getTicket(db, agent, original.id)).status).not.toBe('closed');
  });

  it('refuses to merge the tickets of two customers, so neither reads the other’s conversation', async () => {
    const { db, actor } = ctx();
    const agent = await actor('agent@charge-amps.example');
    const ca = await brandId(db, 'charge-amps');
    const mk = (email: string) =>
      db.transaction().execute((trx) => createTicket(trx, agent, CreateTicketBody.parse({ brandId: ca, subject: 'Laddaren', description: 'Laddar inte', serialNumbers: ['CA-7'], requesterEmail: email, channel: 'phone' }), TEST_NOW));
    const [mine, theirs] = [await mk('en@kund.example'), await mk('annan@kund.example')];
    const err = await expectAppError(mergeTicket(db, agent, theirs.id, mine.id, TEST_NOW), 'TICKET_MERGE_OTHER_CUSTOMER');
    expect(err.httpStatus).toBe(409);
    expect((await getTicket(db, agent, theirs.id)).mergedInto).toBeNull();
  });
});
