import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder (the one holding package.json), found from this file's place: the same
 * answer whether the server runs from its sources (tsx, tests) or from the bundle `npm start`
 * builds into dist/server.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src', 'migrations'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Apres: no project folder (package.json and src/migrations) above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
