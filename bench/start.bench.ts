/**
 * Start benchmark (issue 15): what `npm start` costs on the embedded store, as an admin sees it.
 *
 *   npm run bench:start -- [--restarts 3] [--idle-seconds 10]
 *
 * Builds what is stale first (`node scripts/start.mjs --build`, as the first `npm start` of a
 * checkout does), then on a fresh data folder: the first start (migrations and demo brands), then
 * restarts of the same folder. Each start is `npm start`, timed from the spawn to the first
 * answered `GET /api/v1/health`; after each, the whole process tree (npm, its shell, the server)
 * idles --idle-seconds and its resident memory is summed from /proc, and the server's alone. The server's own
 * start-up line (where its time went) is printed with each start. Never asserts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../src/test/support.ts';
import { table } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { restarts: { type: 'string', default: '3' }, 'idle-seconds': { type: 'string', default: '10' } },
  strict: true,
});
const restarts = Math.max(1, Number(args.restarts) || 3);
const idleSeconds = Math.max(1, Number(args['idle-seconds']) || 10);
const log = (m: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
function treeRssMb(root: number): { mb: number; processes: number; pids: number[] } {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* gone meanwhile */
    }
  }
  let kb = 0;
  let processes = 0;
  const pids: number[] = [];
  const visit = (pid: number) => {
    try {
      kb += Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      processes++;
      pids.push(pid);
    } catch {
      return;
    }
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return { mb: kb / 1024, processes, pids };
}

interface Run { label: string; seconds: number; startLine: string; idle: { mb: number; processes: number }; server: number }

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

async function startOnce(label: string, dataDir: string): Promise<Run> {
  const port = await freePort();
  const smtpPort = await freePort();
  const env = { ...process.env, NODE_ENV: 'production', PORT: String(port), APRES_SMTP_PORT: String(smtpPort), HOST: '127.0.0.1', APRES_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const t0 = performance.now();
  // `npm start` itself: its process, the shell it runs and the server are the tree an admin starts.
  const child: ChildProcess = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  let seconds = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up (code ${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      await res.text();
      if (res.ok) {
        seconds = (performance.now() - t0) / 1000;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await sleep(10);
  }
  await sleep(idleSeconds * 1000);
  const idle = treeRssMb(child.pid!);
  const serverPid = idle.pids.find((p) => /^\S*node\b.*scripts\/start\.mjs/.test(safeRead(`/proc/${p}/cmdline`)));
  const server = serverPid ? treeRssMb(serverPid).mb : Number.NaN;
  // Ctrl-C in the terminal: SIGINT to the whole process group; then the server must be gone too.
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  while (serverPid && fs.existsSync(`/proc/${serverPid}`)) await sleep(20);
  const startLine = /Apres: started in [^\n]*/.exec(output)?.[0] ?? '(no start-up line)';
  log(`${label}: first answer after ${seconds.toFixed(2)} s; idle RSS ${idle.mb.toFixed(0)} MB over ${idle.processes} processes (the server ${server.toFixed(0)} MB); ${startLine}`);
  return { label, seconds, startLine, idle, server };
}

log('building what is stale (node scripts/start.mjs --build)');
const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--build'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) throw new Error('the build failed');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-start-bench-'));
const runs: Run[] = [];
try {
  runs.push(await startOnce('first start (migrations, demo brands)', dataDir));
  for (let i = 1; i <= restarts; i++) runs.push(await startOnce(`restart ${i}`, dataDir));
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const restartSeconds = runs.slice(1).map((r) => r.seconds).sort((a, b) => a - b);
const restartIdle = runs.slice(1).map((r) => r.idle.mb).sort((a, b) => a - b);
const restartServer = runs.slice(1).map((r) => r.server).sort((a, b) => a - b);
console.log(`\nApres start benchmark (embedded store, node ${process.version}, ${os.cpus().length} cores)\n`);
console.log(
  table(
    ['start', 'to first answer (s)', `idle RSS after ${idleSeconds} s: npm start's tree (MB)`, 'processes', 'the server alone (MB)'],
    runs.map((r) => [r.label, r.seconds.toFixed(2), r.idle.mb.toFixed(0), String(r.idle.processes), r.server.toFixed(0)]),
    [false, true, true, true, true],
  ),
);
console.log(`\n  restart, median  ${restartSeconds[Math.floor(restartSeconds.length / 2)]!.toFixed(2)} s`);
console.log(`  idle RSS, median ${restartIdle[Math.floor(restartIdle.length / 2)]!.toFixed(0)} MB (npm start's whole process tree), ${restartServer[Math.floor(restartServer.length / 2)]!.toFixed(0)} MB (the server alone)`);
for (const r of runs) console.log(`  ${r.label}: ${r.startLine}`);
