// `npm start`: runs the server compiled ahead of time (dist/server) with the web app (dist/web),
// building either one first only when its sources changed since it was last built. A restart of
// an unchanged checkout therefore neither rebuilds the web app nor transpiles the server.
// Plain JavaScript on purpose: the launcher itself needs no compiler, and it becomes the server
// (no second process).
//
//   node scripts/start.mjs           build what is stale, then run the server
//   node scripts/start.mjs --build   build what is stale, and stop there
//
// `npm run dev` keeps running the sources through tsx.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.sources';

/** A fingerprint of the files a build reads: their paths, sizes and modification times. */
function fingerprint(inputs, skip) {
  const hash = crypto.createHash('sha256');
  const visit = (rel) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs) || skip(rel)) return;
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name));
    } else {
      hash.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const i of inputs) visit(i);
  return hash.digest('hex');
}

const isTest = (rel) => /\.test\.tsx?$/.test(rel) || rel.startsWith(path.join('src', 'test'));

const TARGETS = [
  {
    name: 'server',
    out: 'dist/server',
    inputs: ['src', 'package-lock.json', 'scripts/start.mjs'],
    skip: (rel) => isTest(rel) || rel.endsWith('.md') || rel.includes(`${path.sep}fixtures`),
    async build(outDir) {
      const esbuild = await import('esbuild');
      await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: ['src/main.ts'],
        outdir: outDir,
        bundle: true,
        splitting: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        sourcemap: true,
        logLevel: 'warning',
      });
    },
  },
  {
    name: 'web app',
    out: 'dist/web',
    inputs: ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'src/shared', 'package-lock.json'],
    skip: isTest,
    async build(outDir) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', outDir], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`the web app's build failed (exit code ${r.status})`);
    },
  },
];

/** Builds each target whose sources changed into a fresh folder, then swaps it in: a build cut short leaves the last good one. */
export async function buildIfStale() {
  for (const t of TARGETS) {
    const out = path.join(ROOT, t.out);
    const stamp = fingerprint(t.inputs, t.skip);
    const stampFile = path.join(out, STAMP);
    if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) continue;
    const started = performance.now();
    console.log(`Apres: building the ${t.name} (its sources changed since the last build)…`);
    const tmp = `${out}.building-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    try {
      await t.build(tmp);
      fs.writeFileSync(path.join(tmp, STAMP), stamp);
      fs.rmSync(out, { recursive: true, force: true });
      fs.renameSync(tmp, out);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    console.log(`Apres: built the ${t.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildIfStale();
  if (!process.argv.includes('--build')) {
    // Source maps cost about a second of every start (measured): stack traces then name the
    // bundle's lines. NODE_OPTIONS=--enable-source-maps npm start maps them back to the sources.
    await import(pathToFileURL(path.join(ROOT, 'dist/server/main.js')).href);
  }
}
