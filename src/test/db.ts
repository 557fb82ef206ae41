import { createScratchDatabase } from './scratch-database.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { loadActor, type Actor } from '../modules/auth/index.ts';
import { type Database, openPglite, openPostgres } from '../platform/db/database.ts';

export type Store = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const STORES: Store[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database holding the five demo brands, private to the caller. */
export async function createTestDatabase(store: Store): Promise<Database> {
  if (store === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteDump'));
    return openPglite({ loadDataDir: new Blob([dump]) });
  }
  const url = process.env.TEST_DATABASE_URL!;
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL template missing: global setup did not run with TEST_DATABASE_URL');
  const scratch = await createScratchDatabase(url, `apres_t_${crypto.randomBytes(6).toString('hex')}`, { template });
  const database = await openPostgres(scratch.url, 5);
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

export interface StoreContext {
  store: Store;
  database: Database;
  db: Database['db'];
  filesDir: string;
  actor(email: string): Promise<Actor>;
}

/** Runs a suite once per store, each with its own database. */
export function describeStores(name: string, suite: (ctx: () => StoreContext, store: Store) => void) {
  for (const store of STORES) {
    describe(`${name} [${store}]`, () => {
      let ctx: StoreContext | undefined;
      beforeAll(async () => {
        const database = await createTestDatabase(store);
        const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-files-'));
        ctx = {
          store,
          database,
          db: database.db,
          filesDir,
          actor: async (email) => {
            const u = await database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow();
            return (await loadActor(database.db, u.id))!;
          },
        };
      });
      afterAll(async () => {
        if (!ctx) return;
        await ctx.database.close();
        fs.rmSync(ctx.filesDir, { recursive: true, force: true });
      });
      suite(() => {
        if (!ctx) throw new Error('database not ready');
        return ctx;
      }, store);
    });
  }
}

export async function brandId(db: Database['db'], slug: string): Promise<string> {
  return (await db.selectFrom('brand').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}
