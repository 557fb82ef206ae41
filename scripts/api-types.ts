/**
 * The web app's API contract, generated: builds the server's OpenAPI document (the routes' zod
 * schemas) and writes its TypeScript types to web/src/api/schema.d.ts with openapi-typescript.
 * The web's request and response types are taken from there, never written by hand, so a server
 * change the web does not follow fails the web's type check.
 *
 *   npm run api:types              regenerate (also part of `npm run build:web`)
 *   tsx scripts/api-types.ts --check   fail if the checked-in file is not what the server says (CI)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../src/app/app.ts';
import { createServices } from '../src/app/services.ts';
import { systemClock } from '../src/platform/clock/clock.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { openPglite } from '../src/platform/db/database.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = path.join(ROOT, 'web/src/api/schema.d.ts');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-api-types-'));
  // Routes are registered without touching the database: an empty embedded one is enough.
  const database = await openPglite();
  try {
    const services = createServices({ ...loadConfig({ APRES_DATA_DIR: dir }), filesDir: dir }, database, systemClock);
    const app = await buildApp({ ...services, logger: false });
    await app.ready();
    const document = app.swagger();
    await app.close();
    const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
    const header = '/**\n * Generated from the server\'s OpenAPI document by scripts/api-types.ts (npm run api:types).\n * Do not edit: change the route\'s zod schema and regenerate.\n */\n\n';
    const text = header + astToString(ast);
    if (process.argv.includes('--check')) {
      const current = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : '';
      if (current !== text) {
        console.error(`web/src/api/schema.d.ts is not what the server's routes say: run \`npm run api:types\` and commit it.`);
        process.exitCode = 1;
        return;
      }
      console.log('web API contract: web/src/api/schema.d.ts matches the server');
      return;
    }
    fs.writeFileSync(TARGET, text);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`api-types failed: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
