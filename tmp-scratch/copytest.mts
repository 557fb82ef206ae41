import { openPglite } from '/work/main/src/platform/db/database.ts';
const d = await openPglite();
const c = await d.pool.connect();
await c.query('begin');
await c.query('create temp table t (a int, b text)');
const t0 = performance.now();
for (let i = 0; i < 200000; i += 20000) { let x=''; for (let j=i;j<i+20000;j++) x += `${j}\thello ${j}\n`; await d.pglite!.query("copy t from '/dev/blob'", [], { blob: new Blob([x]) }); }
console.log('copied', performance.now()-t0);
console.log((await c.query('select count(*) from t')).rows);
await c.query('rollback');
console.log((await c.query("select count(*) from pg_tables where tablename='t'")).rows);
c.release(); await d.close();
