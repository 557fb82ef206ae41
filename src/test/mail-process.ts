/**
 * Test helpers for Apres processes: a fresh database a child process can open (a PGlite folder
 * loaded from the test dump, or a PostgreSQL database cloned from the test template), and
 * src/test/mail-node.ts (or src/main.ts) as a child process that can be killed.
 */
import { createScratchDatabase } from './scratch-database.ts';
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../platform/db/database.ts';
import type { Store } from './db.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProcessStore {
  store: Store;
  /** Folder for files and raw mail (and the PGlite data on that store). */
  dataDir: string;
  /** What a child process needs in its environment to open this store. */
  env: Record<string, string>;
  /** Opens the store in the test process; on PGlite only while no child holds it. */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** A migrated, seeded database of its own that child processes open through their environment. */
export async function createProcessStore(store: Store): Promise<ProcessStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-proc-'));
  if (store === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteDump'));
    const lite = await openPglite({ dataDir: path.join(dataDir, 'pg'), loadDataDir: new Blob([dump]) });
    await lite.close();
    return {
      store,
      dataDir,
      env: { APRES_DATA_DIR: dataDir },
      open: () => openPglite({ dataDir: path.join(dataDir, 'pg') }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL template missing: global setup did not run with TEST_DATABASE_URL');
  const scratch = await createScratchDatabase(url, `apres_p_${crypto.randomBytes(6).toString('hex')}`, { template });
  const dbUrl = scratch.url;
  return {
    store,
    dataDir,
    env: { DATABASE_URL: dbUrl, APRES_DATA_DIR: dataDir },
    open: () => openPostgres(dbUrl, 3),
    drop: async () => {
      await scratch.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface AppProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves when the process has exited, however. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stdout line for which `test` holds. */
  waitForLine(test: (line: string) => boolean, timeoutMs: number, what: string): Promise<string>;
  /** What it wrote, for failure messages. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns `node --import tsx <script>` (not the tsx wrapper: the pid is the Apres process itself,
 * so SIGKILL reaches it and its lock file names it).
 */
export function spawnApp(script: string, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let lastStatus = '';
  let partial = '';
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  child.stdout!.on('data', (c: Buffer) => {
    const lines = (partial + c.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('status ')) lastStatus = line;
      else out = (out + line + '\n').slice(-20_000);
      for (const w of [...waiters]) {
        if (w.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => {
    out = (out + c.toString()).slice(-20_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    child,
    pid: child.pid!,
    exited,
    output: () => `${out}${lastStatus ? `(last: ${lastStatus})\n` : ''}`,
    waitForLine(test, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; process output:\n${out}(last: ${lastStatus})`)), timeoutMs);
        const w = {
          test,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        waiters.push(w);
        void exited.then(({ code, signal }) => {
          if (!waiters.includes(w)) return;
          clearTimeout(timer);
          reject(new Error(`process exited (${code ?? signal}) while waiting for ${what}; output:\n${out}`));
        });
      });
    },
    async kill(signal) {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}
