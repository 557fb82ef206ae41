/**
 * Ticket benchmark: creates N tickets through the HTTP API with C concurrent clients, then
 * measures the agent queue (first page and a page reached by following the cursor), lookup by
 * ticket number and full-text search, and reports the server's peak memory.
 *
 *   npm run bench -- [--tickets 100000] [--clients 4] [--samples 200] [--depth 5]
 *                    [--preload 0] [--requesters 1000] [--seed 42] [--max-create-seconds 0] [--keep] [--existing]
 *
 * Store: PostgreSQL when DATABASE_URL is set (a fresh database apres_bench_<time> is created on
 * that server and dropped at the end unless --keep), else PGlite in a fresh temporary folder.
 * The server runs as a child process on a free port. The benchmark never asserts; it prints.
 */
import { createScratchDatabase } from '../src/test/scratch-database.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Database, lockDataDir, openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seeds/seed-demo.ts';
import { DEMO_TICKETS } from '../src/seeds/demo-tickets.ts';
import { AGENT_EMAIL, BRAND_SLUGS, BRAND_WEIGHTS, type BrandSlug, CHANNELS_BY_BRAND, makeTicket, requesterPool, SEARCH_TERMS } from './lib/corpus.ts';
import { ApiClient } from './lib/http.ts';
import { NumberReservoir, preload } from './lib/preload.ts';
import { Rng } from './lib/rng.ts';
import { cpuPerOperation, cpuSnapshot, describeCpu, type CpuPerOperation } from './lib/cpu.ts';
import { memoryOf, type ServerProcess, startServer } from './lib/server.ts';
import { fmtInt, fmtMs, Samples, table } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OPEN_STATUSES = ['new', 'accepted', 'in_progress', 'waiting_customer', 'waiting_parts', 'waiting_third_party'] as const;

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string' },
    clients: { type: 'string', default: '4' },
    samples: { type: 'string', default: '200' },
    depth: { type: 'string', default: '5' },
    preload: { type: 'string', default: '0' },
    requesters: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    'max-create-seconds': { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
    existing: { type: 'boolean', default: false },
  },
  strict: true,
});

function intArg(name: string, raw: string | undefined, fallback: number): number {
  const v = raw === undefined || raw === '' ? fallback : Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number, got ${raw}`);
  return v;
}

const opts = {
  tickets: intArg('tickets', args.tickets ?? process.env.BENCH_TICKETS, 100_000),
  clients: Math.max(1, intArg('clients', args.clients, 4)),
  samples: Math.max(1, intArg('samples', args.samples, 200)),
  depth: Math.max(2, intArg('depth', args.depth, 5)),
  preload: intArg('preload', args.preload, 0),
  requesters: Math.max(1, intArg('requesters', args.requesters, 1000)),
  seed: intArg('seed', args.seed, 42),
  /** Stop creating after this long (0: no limit) and measure the reads at the size reached. */
  maxCreateSeconds: intArg('max-create-seconds', args['max-create-seconds'], 0),
  keep: args.keep ?? false,
  /** Measure the database DATABASE_URL names as it is (a kept preload): no new database, none dropped. */
  existing: args.existing ?? false,
};

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

interface Store {
  kind: 'postgres' | 'pglite';
  label: string;
  childEnv: Record<string, string | undefined>;
  open(): Promise<{ database: Database; release: () => void }>;
  cleanup(): Promise<void>;
}

async function prepareStore(): Promise<Store> {
  const url = process.env.DATABASE_URL;
  if (url && opts.existing) {
    log(`using the existing database ${new URL(url).pathname.slice(1)} as it is`);
    return {
      kind: 'postgres',
      label: `PostgreSQL (existing database ${new URL(url).pathname.slice(1)})`,
      childEnv: { DATABASE_URL: url },
      open: async () => ({ database: await openPostgres(url, 4), release: () => {} }),
      cleanup: async () => {},
    };
  }
  if (opts.existing) throw new Error('--existing needs DATABASE_URL');
  if (url) {
    const scratch = await createScratchDatabase(url, `apres_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`);
    const { name, serverVersion: version } = scratch;
    const benchUrl = new URL(scratch.url);
    log(`PostgreSQL ${version}: created database ${name}`);
    return {
      kind: 'postgres',
      label: `PostgreSQL ${version} (database ${name})`,
      childEnv: { DATABASE_URL: benchUrl.toString() },
      open: async () => ({ database: await openPostgres(benchUrl.toString(), 4), release: () => {} }),
      cleanup: async () => {
        if (opts.keep) {
          log(`kept database ${name}: ${benchUrl.toString()}`);
          return;
        }
        await scratch.drop();
        log(`dropped database ${name}`);
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-bench-'));
  log(`PGlite in ${dataDir}`);
  return {
    kind: 'pglite',
    label: 'PGlite (embedded PostgreSQL in WASM)',
    childEnv: { APRES_DATA_DIR: dataDir, DATABASE_URL: undefined },
    open: async () => {
      const release = lockDataDir(dataDir);
      return { database: await openPglite({ dataDir: path.join(dataDir, 'pg') }), release };
    },
    cleanup: async () => {
      if (opts.keep) {
        log(`kept data folder ${dataDir}`);
        return;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Results {
  store: string;
  preloaded: number;
  preloadSeconds: number;
  created: number;
  createErrors: number;
  createSeconds: number;
  createLatency: Samples;
  createCpu: CpuPerOperation;
  reads: { label: string; samples: Samples }[];
  serverPeakAfterCreatesMb: number | undefined;
  serverPeakMb: number | undefined;
  serverRssMb: number | undefined;
}

async function createPhase(server: ServerProcess, agents: Map<BrandSlug, ApiClient>, brandIds: Map<BrandSlug, string>, rng: Rng, pool: ReturnType<typeof requesterPool>, reservoir: NumberReservoir) {
  const latency = new Samples();
  let next = 0;
  let created = 0;
  const cpuBefore = cpuSnapshot(server.pid);
  const t0 = performance.now();
  let lastCount = 0;
  let lastAt = t0;
  const progress = setInterval(() => {
    const now = performance.now();
    const rss = memoryOf(server.pid);
    log(
      `created ${fmtInt(created)} / ${fmtInt(opts.tickets)}  ${((created - lastCount) / ((now - lastAt) / 1000)).toFixed(1)}/s now, ` +
        `${(created / ((now - t0) / 1000)).toFixed(1)}/s overall, errors ${latency.errors}, server RSS ${rss ? rss.rssMb.toFixed(0) : '?'} MB`,
    );
    lastCount = created;
    lastAt = now;
  }, 10_000);

  const stopAt = opts.maxCreateSeconds > 0 ? t0 + opts.maxCreateSeconds * 1000 : Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (next < opts.tickets && performance.now() < stopAt) {
      next++;
      const brand = rng.weighted(BRAND_WEIGHTS);
      const people = pool[brand];
      const requester = people[Math.floor(people.length * rng.next() ** 2)]!;
      const t = makeTicket(rng, brand, requester);
      const body = {
        brandId: brandIds.get(brand)!,
        subject: t.subject,
        description: t.description,
        serialNumbers: t.serialNumbers,
        customFields: t.customFields,
        priority: t.priority,
        channel: rng.weighted(CHANNELS_BY_BRAND[brand]),
        requesterEmail: requester.email,
        requesterName: requester.name,
        requesterLocale: requester.locale,
      };
      try {
        // The web app sends one Idempotency-Key per form; so does the benchmark.
        const res = await agents.get(brand)!.post<{ number: string }>('/tickets', body, { 'idempotency-key': crypto.randomUUID() });
        if (res.status === 201) {
          latency.add(res.ms);
          created++;
          reservoir.offer({ brand, number: res.body.number });
        } else {
          latency.fail(`HTTP ${res.status} ${res.text.slice(0, 300)}`);
        }
      } catch (err) {
        latency.fail(String(err));
      }
      if (latency.errors > 50 && latency.errors > created) throw new Error(`too many create errors: ${latency.errorExamples.join(' | ')}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.clients }, worker));
  } finally {
    clearInterval(progress);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuPerOperation(cpuBefore, cpuSnapshot(server.pid), created);
  // Fewer than asked: the time limit stopped the creates, or some failed (counted as errors).
  if (created + latency.errors < opts.tickets) log(`stopped creating at the --max-create-seconds limit (${opts.maxCreateSeconds} s)`);
  log(`created ${fmtInt(created)} tickets in ${seconds.toFixed(1)} s (${(created / seconds).toFixed(1)}/s), errors ${latency.errors}`);
  for (const e of latency.errorExamples) log(`  create error: ${e}`);
  return { created, seconds, latency, cpu };
}

async function measure(
  label: string,
  warmups: number,
  count: number,
  one: (i: number, s: Samples, warmup: boolean) => Promise<void>,
): Promise<{ label: string; samples: Samples }> {
  const warm = new Samples();
  for (let i = 0; i < warmups; i++) await one(i, warm, true);
  const s = new Samples();
  const t0 = performance.now();
  let lastLog = t0;
  for (let i = 0; i < count; i++) {
    await one(i, s, false);
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(`  ${label}: ${i + 1} / ${count}, p50 so far ${fmtMs(s.percentile(50))} ms`);
    }
  }
  log(`${label}: ${s.count} samples in ${((performance.now() - t0) / 1000).toFixed(1)} s, p50 ${fmtMs(s.percentile(50))} ms, p99 ${fmtMs(s.percentile(99))} ms, errors ${s.errors}`);
  for (const e of s.errorExamples) log(`  error: ${e}`);
  return { label, samples: s };
}

interface Page {
  items: { number: string }[];
  nextCursor: string | null;
}

async function readPhase(agents: Map<BrandSlug, ApiClient>, admin: ApiClient, rng: Rng, reservoir: NumberReservoir) {
  const reads: { label: string; samples: Samples }[] = [];
  const statusQuery = OPEN_STATUSES.map((s) => `status=${s}`).join('&');
  const brandOf = (i: number) => BRAND_SLUGS[i % BRAND_SLUGS.length]!;
  const record = (s: Samples, res: { status: number; ms: number; text: string }, what: string) => {
    if (res.status === 200) s.add(res.ms);
    else s.fail(`${what}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  };

  // (a) The agent queue: open statuses, oldest first, 50 a page; then the cursor, page by page.
  const deep = new Samples();
  const between = new Samples();
  reads.push(
    await measure(`queue page 1 (open statuses)`, 5, opts.samples, async (i, s, warmup) => {
      const agent = agents.get(brandOf(i))!;
      const first = await agent.get<Page>(`/tickets?${statusQuery}&limit=50`);
      record(s, first, 'queue');
      if (warmup) return;
      let cursor = first.body?.nextCursor ?? null;
      for (let page = 2; page <= opts.depth && cursor; page++) {
        const res = await agent.get<Page>(`/tickets?${statusQuery}&limit=50&cursor=${encodeURIComponent(cursor)}`);
        record(page === opts.depth ? deep : between, res, `queue page ${page}`);
        cursor = res.body?.nextCursor ?? null;
      }
    }),
  );
  reads.push({ label: `queue pages 2–${opts.depth - 1} (cursor)`, samples: between });
  reads.push({ label: `queue page ${opts.depth} (cursor)`, samples: deep });
  // The web app's default queue view: no status filter (every ticket, oldest first).
  reads.push(
    await measure('queue page 1, no filter (web default)', 3, Math.min(opts.samples, 50), async (i, s) => {
      record(s, await agents.get(brandOf(i))!.get<Page>('/tickets?limit=50'), 'queue');
    }),
  );

  // (b) Lookup by number: random existing numbers the agent may see.
  reads.push(
    await measure('lookup by number', 5, opts.samples, async (_i, s) => {
      const known = rng.pick(reservoir.items);
      record(s, await agents.get(known.brand)!.get(`/tickets/lookup?number=${encodeURIComponent(known.number)}`), `lookup ${known.number}`);
    }),
  );

  // (c) Full-text search in the brand's languages, as that brand's agent; then as the admin.
  const hits = new Samples();
  reads.push(
    await measure('search (agent, own brand)', 5, opts.samples, async (i, s) => {
      const brand = brandOf(i);
      const q = rng.pick(SEARCH_TERMS[brand]);
      const res = await agents.get(brand)!.get<{ items: unknown[] }>(`/search?q=${encodeURIComponent(q)}&limit=50`);
      record(s, res, `search ${q}`);
      if (res.status === 200) hits.add(res.body.items.length);
    }),
  );
  log(`search: median ${hits.percentile(50)} hits returned per query (limit 50)`);
  reads.push(
    await measure('search (admin, all brands)', 3, Math.min(opts.samples, 50), async (i, s) => {
      const q = rng.pick(SEARCH_TERMS[brandOf(i)]);
      record(s, await admin.get(`/search?q=${encodeURIComponent(q)}&limit=50`), `search ${q}`);
    }),
  );
  return reads;
}

async function main() {
  const rng = new Rng(opts.seed);
  const pool = requesterPool(new Rng(opts.seed + 1), opts.requesters);
  const reservoir = new NumberReservoir(5000, new Rng(opts.seed + 2));
  log(`options: ${JSON.stringify(opts)}`);
  const store = await prepareStore();
  let server: ServerProcess | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await server?.stop().catch(() => {});
    await store.cleanup().catch((err: unknown) => log(`cleanup failed: ${String(err)}`));
  };
  process.once('SIGINT', () => {
    log('interrupted');
    void cleanup().then(() => process.exit(130));
  });

  try {
    let preloaded = 0;
    let preloadSeconds = 0;
    if (opts.preload > 0) {
      const { database, release } = await store.open();
      try {
        await migrateToLatest(database.db);
        await seedDemo(database.db, new Date());
        const r = await preload(database, {
          count: opts.preload,
          rng: new Rng(opts.seed + 3),
          pool,
          reservoir,
          concurrency: store.kind === 'postgres' ? 3 : 1,
          log,
        });
        preloaded = r.inserted;
        preloadSeconds = r.seconds;
      } finally {
        await database.close();
        release();
      }
    }

    log('starting the server…');
    const t0 = performance.now();
    server = await startServer({ root: ROOT, env: { ...store.childEnv, APRES_SEED_DEMO: 'true' } });
    log(`server pid ${server.pid} at ${server.baseUrl}, up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const agents = new Map<BrandSlug, ApiClient>();
    for (const b of BRAND_SLUGS) agents.set(b, await ApiClient.login(server.baseUrl, AGENT_EMAIL[b], DEMO_PASSWORD));
    const admin = await ApiClient.login(server.baseUrl, 'admin@apres.example', DEMO_PASSWORD);
    const brands = await admin.get<{ items: { id: string; slug: string }[] }>('/brands');
    const brandIds = new Map(brands.body.items.map((b) => [b.slug as BrandSlug, b.id]));

    const c = await createPhase(server, agents, brandIds, rng, pool, reservoir);
    const afterCreates = memoryOf(server.pid);
    const reads = await readPhase(agents, admin, rng, reservoir);
    const mem = memoryOf(server.pid);
    await server.stop();

    const results: Results = {
      store: store.label,
      preloaded,
      preloadSeconds,
      created: c.created,
      createErrors: c.latency.errors,
      createSeconds: c.seconds,
      createLatency: c.latency,
      createCpu: c.cpu,
      reads,
      serverPeakAfterCreatesMb: afterCreates?.peakMb,
      serverPeakMb: mem?.peakMb,
      serverRssMb: mem?.rssMb,
    };
    printResults(results);
  } finally {
    await cleanup();
  }
}

function printResults(r: Results) {
  const total = DEMO_TICKETS.length + r.preloaded + r.created;
  const self = memoryOf('self');
  const mb = (v: number | undefined) => (v === undefined ? '?' : `${v.toFixed(0)} MB`);
  const rows = [
    ['create ticket (POST /tickets)', String(r.createLatency.count), fmtMs(r.createLatency.percentile(50)), fmtMs(r.createLatency.percentile(95)), fmtMs(r.createLatency.percentile(99)), fmtMs(r.createLatency.max), String(r.createErrors)],
    ...r.reads.map(({ label, samples: s }) => [label, String(s.count), fmtMs(s.percentile(50)), fmtMs(s.percentile(95)), fmtMs(s.percentile(99)), fmtMs(s.max), String(s.errors)]),
  ];
  const out = [
    '',
    'Apres ticket benchmark',
    `  store            ${r.store}`,
    `  tickets total    ${fmtInt(total)}  (demo ${DEMO_TICKETS.length} + preloaded ${fmtInt(r.preloaded)}${r.preloaded ? ` in ${r.preloadSeconds.toFixed(0)} s` : ''} + created over HTTP ${fmtInt(r.created)})`,
    `  creates          ${(r.created / r.createSeconds).toFixed(1)} tickets/s  (${fmtInt(r.created)} in ${r.createSeconds.toFixed(1)} s, ${opts.clients} concurrent clients, ${r.createErrors} errors)` +
      (r.created + r.createErrors < opts.tickets ? `  — stopped at the ${opts.maxCreateSeconds} s limit, ${fmtInt(opts.tickets)} asked` : ''),
    `  ${describeCpu(r.createCpu, 'create', 1000)}`,
    `  reads            one client, sequential; ${opts.samples} samples each unless shown; cursor followed to page ${opts.depth}`,
    '',
    table(['latency (ms)', 'n', 'p50', 'p95', 'p99', 'max', 'errors'], rows, [false, true, true, true, true, true, true]),
    '',
    `  server peak RSS  ${mb(r.serverPeakMb)}  (VmHWM; ${mb(r.serverPeakAfterCreatesMb)} after the creates, RSS at the end ${mb(r.serverRssMb)})`,
    `  bench peak RSS   ${mb(self?.peakMb)}`,
    '',
  ];
  console.log(out.join('\n'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
