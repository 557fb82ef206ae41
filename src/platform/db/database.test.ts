import { sql } from 'kysely';
import { TEST_NOW } from '../../test/clock.ts';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStores } from '../../test/db.ts';
import { createScratchDatabase } from '../../test/scratch-database.ts';
import { seedDemo } from '../../seeds/seed-demo.ts';
import { DataDirLockedError, lockDataDir, openPostgres } from './database.ts';
import { migrateToLatest } from './migrate.ts';

describe('embedded data folder lock', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'apres-lock-'));

  it('refuses a folder held by another live process, naming it and the way out', () => {
    const d = dir();
    // Our parent process is alive and is not us: it stands for the first Apres process.
    fs.writeFileSync(path.join(d, 'apres.lock'), String(process.ppid));
    expect(() => lockDataDir(d)).toThrowError(DataDirLockedError);
    expect(() => lockDataDir(d)).toThrowError(new RegExp(`pid ${process.ppid}.*APRES_DATA_DIR.*DATABASE_URL`, 's'));
  });

  it('takes over the lock of a process that died, and releases its own', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'apres.lock'), '2147483646');
    const release = lockDataDir(d);
    expect(fs.readFileSync(path.join(d, 'apres.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+$`));
    release();
    expect(fs.existsSync(path.join(d, 'apres.lock'))).toBe(false);
  });

  it('takes over the lock a process killed with SIGKILL left behind', async () => {
    const d = dir();
    const database = new URL('./database.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { lockDataDir } from ${JSON.stringify(database)}; lockDataDir(${JSON.stringify(d)}); console.log('locked'); setInterval(() => {}, 1000);`], {
      cwd: path.resolve(path.dirname(database), '../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => c.toString().includes('locked') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited with ${code} before locking`)));
    });
    // While it lives, the folder is its own.
    expect(() => lockDataDir(d)).toThrowError(new RegExp(`pid ${child.pid}`));
    child.kill('SIGKILL');
    await exited;
    expect(fs.readFileSync(path.join(d, 'apres.lock'), 'utf8')).toMatch(new RegExp(`^${child.pid}\\b`));
    const release = lockDataDir(d);
    expect(fs.readFileSync(path.join(d, 'apres.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid}\\b`));
    release();
  });

  it('takes over a lock whose pid now belongs to another process, told apart by its start time', () => {
    const d = dir();
    // Our parent is alive, but it is not the process that wrote this lock: that one started at tick 1.
    fs.writeFileSync(path.join(d, 'apres.lock'), `${process.ppid} 1`);
    const release = lockDataDir(d);
    release();
    // With the parent's real start time, the lock is the parent's and stays.
    const stat = fs.readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    fs.writeFileSync(path.join(d, 'apres.lock'), `${process.ppid} ${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`);
    expect(() => lockDataDir(d)).toThrowError(DataDirLockedError);
  });
});

describeStores('migrations and demo seed', (ctx) => {
  it('are idempotent on restart', async () => {
    const { db } = ctx();
    const count = async () => Number((await db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(await migrateToLatest(db)).toEqual([]);
    expect((await seedDemo(db, TEST_NOW)).created).toBe(false);
    // A database that ran a migration these files do not have (a newer Apres) is refused, not taken as up to date.
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_a_newer_apres', now()::text)`.execute(db);
    await expect(migrateToLatest(db)).rejects.toThrow(/9999_from_a_newer_apres/);
    await sql`delete from kysely_migration where name = '9999_from_a_newer_apres'`.execute(db);
    expect(await migrateToLatest(db)).toEqual([]);
    expect(await count()).toBe(before);
    const brands = await db.selectFrom('brand').select(['slug', 'time_zone', 'default_locale']).orderBy('slug').execute();
    expect(brands).toEqual([
      { slug: 'carri', time_zone: 'Europe/Paris', default_locale: 'fr' },
      { slug: 'charge-amps', time_zone: 'Europe/Stockholm', default_locale: 'sv' },
      { slug: 'eiler', time_zone: 'Europe/Moscow', default_locale: 'ru' },
      { slug: 'mecashop', time_zone: 'Europe/Paris', default_locale: 'fr' },
      { slug: 'smart-id', time_zone: 'Europe/Bucharest', default_locale: 'ro' },
    ]);
  });
});

// PostgreSQL only: PGlite has no server to end a connection.
if (process.env.TEST_DATABASE_URL) describe('PostgreSQL pool', () => {
  it('survives the server ending an idle connection, and opens a new one', async () => {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, `apres_pool_${process.pid}`);
    const errors: Error[] = [];
    const database = await openPostgres(scratch.url, 2, (err) => errors.push(err));
    try {
      const pid = (await database.pool.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      // Another session ends ours while it sits idle in the pool.
      const other = await openPostgres(scratch.url, 1);
      await other.pool.query('select pg_terminate_backend($1)', [pid]);
      await other.close();
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(errors.map((e) => (e as Error & { code?: string }).code)).toEqual(['57P01']);
      expect((await database.pool.query<{ one: number }>('select 1 as one')).rows[0]!.one).toBe(1);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});
