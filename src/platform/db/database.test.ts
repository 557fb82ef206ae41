import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStores } from '../../test/db.ts';
import { seedDemo } from '../../seeds/seed-demo.ts';
import { DataDirLockedError, lockDataDir } from './database.ts';
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
    expect(fs.readFileSync(path.join(d, 'apres.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(d, 'apres.lock'))).toBe(false);
  });
});

describeStores('migrations and demo seed', (ctx) => {
  it('are idempotent on restart', async () => {
    const { db } = ctx();
    const count = async () => Number((await db.selectFrom('ticket').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(await migrateToLatest(db)).toEqual([]);
    expect((await seedDemo(db)).created).toBe(false);
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
