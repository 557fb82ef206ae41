/**
 * SLA benchmark, in sections:
 *   calendar   due-time computations per second (48 working hours on the carri calendar: lunch
 *              break and French holidays) with the engine, beside the minute-by-minute oracle on
 *              the same inputs, and whether the two agree. No database.
 *
 *   recompute  the time to recompute the timers of N open tickets of one brand after a calendar
 *              change (a closure added), on PGlite or PostgreSQL, in batches as the job does.
 *
 *   npm run bench:sla -- [--section calendar|recompute|all] [--samples 20000] [--oracle-samples 200]
 *                        [--minutes 2880] [--year 2026] [--seed 42] [--tickets 100000] [--store pglite|postgres]
 *
 * A section is a function in SECTIONS and gets its own --section name. Prints, never asserts.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { BusinessCalendar, SEED_CALENDARS } from '../src/modules/calendars/index.ts';
import { createOracle } from '../src/modules/calendars/index.ts';
import { Rng } from './lib/rng.ts';
import { recomputeSection } from './lib/sla-recompute.ts';
import { fmtInt, Samples, table } from './lib/stats.ts';

export interface BenchOptions {
  samples: number;
  oracleSamples: number;
  minutes: number;
  year: number;
  seed: number;
  /** recompute section: open tickets to preload, and the store. */
  tickets: number;
  store: string;
}

export interface Section {
  description: string;
  run(opts: BenchOptions): Promise<void>;
}

const MINUTE_MS = 60_000;

/** Minute-aligned instants spread uniformly over a UTC year (the oracle works on whole minutes). */
function randomInstants(rng: Rng, n: number, year: number): Date[] {
  const start = Date.UTC(year, 0, 1);
  const minutes = (Date.UTC(year + 1, 0, 1) - start) / MINUTE_MS;
  return Array.from({ length: n }, () => new Date(start + rng.int(0, minutes - 1) * MINUTE_MS));
}

function fmtUs(ms: number): string {
  const us = ms * 1000;
  return us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2);
}

function timed(inputs: Date[], compute: (from: Date) => Date): { results: Date[]; samples: Samples; totalMs: number } {
  const samples = new Samples();
  const results: Date[] = [];
  const t0 = performance.now();
  for (const from of inputs) {
    const s = performance.now();
    results.push(compute(from));
    samples.add(performance.now() - s);
  }
  return { results, samples, totalMs: performance.now() - t0 };
}

export async function calendarSection(opts: BenchOptions): Promise<void> {
  const seed = SEED_CALENDARS.carriHotline;
  const inputs = randomInstants(new Rng(opts.seed), opts.samples, opts.year);
  const oracleInputs = inputs.slice(0, Math.min(opts.oracleSamples, inputs.length));

  const cal = new BusinessCalendar(seed.definition);
  const due = (from: Date) => cal.addWorkingMinutes(from, opts.minutes).at;
  const cold = timed(inputs, due);
  const warm = timed(inputs, due);
  // A second warm pass, so the figure is not the JIT's first look at the hot loop.
  const warm2 = timed(inputs, due);
  const best = warm2.totalMs < warm.totalMs ? warm2 : warm;

  const oracle = createOracle(seed.definition, { years: [opts.year, opts.year + 1] });
  const slow = timed(oracleInputs, (from) => oracle.add(from, opts.minutes));

  let mismatches = 0;
  const examples: string[] = [];
  oracleInputs.forEach((from, i) => {
    const a = best.results[i]!.toISOString();
    const b = slow.results[i]!.toISOString();
    if (a !== b) {
      mismatches++;
      if (examples.length < 3) examples.push(`from ${from.toISOString()}: engine ${a}, oracle ${b}`);
    }
  });
  const coldAgain = cold.results.some((r, i) => r.getTime() !== best.results[i]!.getTime());

  const rate = (r: { samples: Samples; totalMs: number }) => (r.samples.count / r.totalMs) * 1000;
  const row = (label: string, r: { samples: Samples; totalMs: number }) => [
    label,
    fmtInt(r.samples.count),
    fmtInt(Math.round(rate(r))),
    fmtUs(r.totalMs / r.samples.count),
    fmtUs(r.samples.percentile(50)),
    fmtUs(r.samples.percentile(99)),
  ];
  const d = seed.definition;
  console.log(`\n## calendar: due times for ${opts.minutes} working minutes (${opts.minutes / 60} h)`);
  console.log(`calendar: ${seed.brandSlug} ${seed.name} (${d.timeZone}, Mon–Fri ${d.week.mon.map((iv) => `${iv.start}–${iv.end}`).join(' & ')}, ${d.holidays?.country} ${d.holidays?.types.join('+')} holidays)`);
  console.log(`inputs: ${fmtInt(inputs.length)} random minute-aligned instants in ${opts.year} (UTC), seed ${opts.seed}\n`);
  console.log(
    table(
      ['', 'samples', 'per second', 'mean µs', 'p50 µs', 'p99 µs'],
      [row('engine, cold (first pass: days resolved and cached)', cold), row('engine, warm', best), row('oracle, minute by minute', slow)],
      [false, true, true, true, true, true],
    ),
  );
  console.log(`\nengine / oracle speed: ×${fmtInt(Math.round(rate(best) / rate(slow)))}`);
  console.log(`agreement on the ${fmtInt(oracleInputs.length)} inputs both computed: ${fmtInt(oracleInputs.length - mismatches)} identical, mismatches: ${mismatches}`);
  for (const e of examples) console.log(`  mismatch ${e}`);
  if (coldAgain) console.log('warning: the engine gave different answers cold and warm');
}

export const SECTIONS: Record<string, Section> = {
  calendar: { description: 'due-time computations per second, engine vs minute-by-minute oracle', run: calendarSection },
  recompute: { description: 'time to recompute the open tickets of a brand after a calendar change', run: (o) => recomputeSection({ tickets: o.tickets, store: o.store }) },
};

function intArg(name: string, raw: string | undefined, fallback: number): number {
  const v = raw === undefined || raw === '' ? fallback : Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number, got ${raw}`);
  return v;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      section: { type: 'string', default: 'all' },
      samples: { type: 'string' },
      'oracle-samples': { type: 'string' },
      minutes: { type: 'string' },
      year: { type: 'string' },
      seed: { type: 'string' },
      tickets: { type: 'string' },
      store: { type: 'string', default: 'pglite' },
    },
    strict: true,
  });
  const opts: BenchOptions = {
    samples: Math.max(1, intArg('samples', args.samples, 20_000)),
    oracleSamples: intArg('oracle-samples', args['oracle-samples'], 200),
    minutes: intArg('minutes', args.minutes, 2880),
    year: intArg('year', args.year, 2026),
    seed: intArg('seed', args.seed, 42),
    tickets: intArg('tickets', args.tickets, 100_000),
    store: args.store === 'postgres' ? 'postgres' : 'pglite',
  };
  const names = args.section === 'all' ? Object.keys(SECTIONS) : args.section.split(',');
  for (const name of names) {
    if (!SECTIONS[name]) throw new Error(`unknown --section ${name}; known: ${Object.keys(SECTIONS).join(', ')}, all`);
  }
  console.log(`# SLA benchmark (node ${process.version}, sections: ${names.join(', ')})`);
  for (const name of names) await SECTIONS[name]!.run(opts);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
