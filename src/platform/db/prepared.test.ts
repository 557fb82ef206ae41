import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { describeStores } from '../../test/db.ts';
import { PREPARE, preparingPool } from './prepared.ts';

const preparedTexts = async (db: Kysely<unknown>) =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'apres_%'`.execute(db)).rows.map((r) => r.statement);

describeStores('prepared statements', (ctx) => {
  it('prepares what runs inside a transaction once per connection, and nothing outside one', async () => {
    await ctx().db.connection().execute(async (conn) => {
      const db = conn as unknown as Kysely<unknown>;
      await sql`select ${1}::int + 100 as outside`.execute(db);
      expect(await preparedTexts(db)).not.toContain('select $1::int + 100 as outside');
      await sql`begin`.execute(db);
      for (let i = 0; i < 3; i++) {
        const { rows } = await sql<{ n: number }>`select ${i}::int + 200 as n`.execute(db);
        expect(rows[0]!.n).toBe(200 + i);
      }
      // Rolling back to a savepoint leaves the transaction open: still prepared after it.
      await sql`savepoint s1`.execute(db);
      await sql`rollback to savepoint s1`.execute(db);
      await sql`select ${1}::int + 250 as n`.execute(db);
      expect(await preparedTexts(db)).toContain('select $1::int + 250 as n');
      await sql`commit`.execute(db);
      const texts = await preparedTexts(db);
      expect(texts.filter((t) => t === 'select $1::int + 200 as n')).toHaveLength(1);
      // After the commit, the same text outside a transaction runs unnamed: still one.
      await sql`select ${5}::int + 200 as n`.execute(db);
      expect((await preparedTexts(db)).filter((t) => t === 'select $1::int + 200 as n')).toHaveLength(1);
    });
  });

  it("prepares a read outside a transaction that asks for it (PREPARE), as every request's session read does", async () => {
    await ctx().db.connection().execute(async (conn) => {
      const db = conn as unknown as Kysely<unknown>;
      for (let i = 0; i < 2; i++) await sql`select ${PREPARE} ${i}::int + 400 as n`.execute(db);
      expect((await preparedTexts(db)).filter((t) => t === 'select /* apres:prepare */ $1::int + 400 as n')).toHaveLength(1);
    });
  });

  it('names at most so many statements on one connection and runs the others unnamed, with the same results', async () => {
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: preparingPool(ctx().database.pool, { perConnection: 2 }) }) });
    await db.connection().execute(async (conn) => {
      const before = (await preparedTexts(conn)).length;
      await sql`begin`.execute(conn);
      for (let i = 0; i < 5; i++) {
        const { rows } = await sql<{ n: number }>`select ${i}::int + ${sql.lit(300 + i)} as n`.execute(conn);
        expect(rows[0]!.n).toBe(300 + 2 * i);
      }
      await sql`rollback`.execute(conn);
      expect((await preparedTexts(conn)).length - before).toBeLessThanOrEqual(2);
    });
  });

  it('replaces a connection whose prepared statement went stale when the schema changed under it (PostgreSQL)', async () => {
    if (ctx().store !== 'postgres') return; // one process owns an embedded store: nobody migrates under it
    const url = (ctx().database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: preparingPool(new pg.Pool({ connectionString: url, max: 1 }), { replaceStaleConnections: true }) }) });
    try {
      await sql`create table prepared_shape (id int primary key)`.execute(ctx().db);
      await sql`insert into prepared_shape values (1)`.execute(ctx().db);
      const read = () => db.transaction().execute((trx) => sql<Record<string, unknown>>`select * from prepared_shape where id = ${1}`.execute(trx));
      expect((await read()).rows).toEqual([{ id: 1 }]);
      // Another process migrates: the statement prepared on the one connection no longer fits.
      await sql`alter table prepared_shape add column note text`.execute(ctx().db);
      await expect(read()).rejects.toMatchObject({ code: '0A000' });
      // That connection was closed when released; the next one prepares the statement afresh.
      expect((await read()).rows).toEqual([{ id: 1, note: null }]);
    } finally {
      await db.destroy();
    }
  });
});
