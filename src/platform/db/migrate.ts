import fs from 'node:fs/promises';
import path from 'node:path';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

import { PROJECT_ROOT } from '../paths/project-root.ts';

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'src', 'migrations');

/** SQL-first migrations: each `NNNN_name.sql` file in src/migrations is one migration, run in name order. */
class SqlFolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      const text = await fs.readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      out[file.replace(/\.sql$/, '')] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return out;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator needs no table types
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // A restart finds every migration applied: one read says so, without the migrator's lock and
  // table checks (a second of a restart on the embedded store). Anything else goes the full way.
  if (await allApplied(db)) return [];
  const migrator = new Migrator({ db, provider: new SqlFolderProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator needs no table types
async function allApplied(db: Kysely<any>): Promise<boolean> {
  const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, ''));
  const table = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  if (!table.rows[0]?.t) return false;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  // Exactly the same set: a database ahead of these files (an older Apres) goes to the migrator, which refuses it.
  return files.length > 0 && applied.size === files.length && files.every((f) => applied.has(f));
}
