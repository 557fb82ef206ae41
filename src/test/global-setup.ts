import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { seedDemo } from '../seeds/seed-demo.ts';
import { TEST_NOW } from './clock.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates and seeds once per run: a PGlite data dump that each test file loads (1 s instead of
 * 5 s and a migration), and, when TEST_DATABASE_URL is set, a PostgreSQL template database that
 * each test file clones.
 */
export default async function setup(project: TestProject) {
  // A hostile-date project (vitest.config.ts) seeds at its own instant, on PGlite only.
  const env = { ...process.env, ...project.config.env };
  const now = env.APRES_TEST_NOW ? new Date(env.APRES_TEST_NOW) : TEST_NOW;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-test-'));
  const lite = await openPglite();
  await migrateToLatest(lite.db);
  await seedDemo(lite.db, now);
  const dumpPath = path.join(dir, 'pglite.tar.gz');
  const blob = await lite.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(dumpPath, Buffer.from(await blob.arrayBuffer()));
  await lite.close();
  project.provide('pgliteDump', dumpPath);

  const url = env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `apres_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const store = await openPostgres(withDatabase(url, template), 2);
    await migrateToLatest(store.db);
    await seedDemo(store.db, now);
    await store.close();
    await admin.end();
  }
  project.provide('postgresTemplate', template);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
