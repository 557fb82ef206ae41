import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eDataTemplate: string | null;
  }
}

/**
 * Starts the server once on a fresh embedded store (migrations, demo brands, their invoices) and
 * stops it: each browser test file then starts its own server on a copy of that folder, the way
 * a restarted install starts, instead of migrating and seeding eleven times over.
 */
export default async function setup(project: TestProject) {
  const server = await startServer({ template: null, keep: true });
  await server.stop();
  project.provide('e2eDataTemplate', server.dataDir);
  return () => fs.rmSync(server.dataDir, { recursive: true, force: true });
}
