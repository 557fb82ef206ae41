/**
 * Summarises a V8 CPU profile (`--cpu-prof`, e.g. the server's with BENCH_CPU_PROF=<folder>):
 * where the process spent its time, by function (self time) and by package or source folder, so
 * that a profile's gist fits in a closing note.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [--top 25]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [--top N]');
  process.exit(2);
}
const top = Number(values.top);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

// Self time per node: each sample's delta goes to the node on top of the stack.
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...self.values()].reduce((a, b) => a + b, 0);

/** node_modules/<package> (scoped too), src/<folder>/<folder>, node:internal, or the V8 pseudo-frames. */
function where(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1]!;
  const src = url.match(/\/(src\/[^/]+(?:\/[^/]+)?)\//);
  if (src) return src[1]!;
  if (url.startsWith('node:')) return 'node:internal';
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

const fnTime = new Map<string, number>();
const placeTime = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const place = where(n.callFrame.url, n.callFrame.functionName);
  const name = `${n.callFrame.functionName || '(anonymous)'}  ${place}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  fnTime.set(name, (fnTime.get(name) ?? 0) + us);
  placeTime.set(place, (placeTime.get(place) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)} %`;
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s of samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
console.log(`\nby package or source folder (self time)`);
for (const [k, v] of [...placeTime].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)} ${pct(v)}  ${k}`);
console.log(`\nby function (self time)`);
for (const [k, v] of [...fnTime].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)} ${pct(v)}  ${k}`);
