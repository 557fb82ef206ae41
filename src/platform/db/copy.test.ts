import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeStores } from '../../test/db.ts';
import { copyLine, openCopySession, withoutRowTriggers } from './copy.ts';
import type { Db } from './database.ts';

/** The bulk-load helpers of the imports (issue 11), on both stores. */
describeStores('bulk load', (ctx, store) => {
  const replicationRole = async (trx: Db) =>
    (await sql<{ role: string }>`select current_setting('session_replication_role') as role`.execute(trx)).rows[0]!.role;

  it('copies rows in COPY text format, escapes and arrays included', async () => {
    const session = await openCopySession(ctx().database);
    try {
      await session.db.transaction().execute(async (trx) => {
        await sql`create temp table copied (n int, t text, a text[]) on commit drop`.execute(trx);
        await session.copy('copied', ['n', 't', 'a'], copyLine([1, 'tab\there, line\nbreak, back\\slash', ['x "quoted"', 'y,z']]) + copyLine([2, null, []]));
        const rows = (await sql<{ n: number; t: string | null; a: string[] }>`select n, t, a from copied order by n`.execute(trx)).rows;
        expect(rows).toEqual([
          { n: 1, t: 'tab\there, line\nbreak, back\\slash', a: ['x "quoted"', 'y,z'] },
          { n: 2, t: null, a: [] },
        ]);
      });
    } finally {
      session.release();
    }
  });

  it('turns row triggers off for the transaction only, where the role may', async () => {
    await ctx().db.transaction().execute(async (trx) => {
      // The test roles are superusers on both stores.
      expect(await withoutRowTriggers(trx, ['unit', 'unit_event'])).toBe(true);
      expect(await replicationRole(trx)).toBe('replica');
    });
    expect(await replicationRole(ctx().db)).toBe('origin');
  });

  it('keeps them on, and the transaction usable, for a table with a trigger of its own', async () => {
    await ctx().db.transaction().execute(async (trx) => {
      await sql`create temp table audited (n int) on commit drop`.execute(trx);
      await sql`create function pg_temp.count_row() returns trigger language plpgsql as $$ begin return new; end $$`.execute(trx);
      await sql`create trigger audited_row before insert on audited for each row execute function pg_temp.count_row()`.execute(trx);
      expect(await withoutRowTriggers(trx, ['unit', 'audited'])).toBe(false);
      expect(await replicationRole(trx)).toBe('origin');
    });
  });

  if (store === 'postgres') {
    it('keeps them on, and the transaction usable, for a role that may not turn them off', async () => {
      await sql`do $$ begin if not exists (select from pg_roles where rolname = 'apres_test_plain') then create role apres_test_plain nosuperuser; end if; end $$`.execute(ctx().db);
      await sql`grant select on all tables in schema public to apres_test_plain`.execute(ctx().db);
      await ctx().db.transaction().execute(async (trx) => {
        await sql`set local role apres_test_plain`.execute(trx);
        expect(await withoutRowTriggers(trx, ['unit', 'unit_event'])).toBe(false);
        expect(await replicationRole(trx)).toBe('origin');
        // Still usable after the refused SET: the savepoint took it back.
        expect((await sql<{ one: number }>`select 1 as one`.execute(trx)).rows[0]!.one).toBe(1);
      });
    });
  }

  it('gives new rows ids that grow with time (UUID version 7 layout)', async () => {
    const rows = (await sql<{ id: string }>`select apres_uuid7()::text as id from generate_series(1, 2000)`.execute(ctx().db)).rows.map((r) => r.id);
    expect(new Set(rows).size).toBe(rows.length);
    for (const id of rows) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The first 48 bits are the milliseconds since 1970: now, within a minute.
    const ms = parseInt(rows[0]!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
    // Later ids never sort before earlier ones' milliseconds.
    const later = (await sql<{ id: string }>`select apres_uuid7()::text as id`.execute(ctx().db)).rows[0]!.id;
    expect(later.slice(0, 13) >= rows.at(-1)!.slice(0, 13)).toBe(true);
  });
});
