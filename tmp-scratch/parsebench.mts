import fs from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
const f = process.argv[2]!;
async function run(label: string, opts: object, decode: boolean) {
  const t = performance.now(); let n = 0;
  const raw = fs.createReadStream(f, { highWaterMark: 1 << 20 });
  const p = parse({ delimiter: ';', bom: true, ...opts });
  (decode ? raw.pipe(iconv.decodeStream('utf-8')) : raw).pipe(p);
  for await (const r of p) n++;
  console.log(label, n, Math.round(performance.now() - t));
}



await run('arrays', { skip_empty_lines: true }, true);
await run('arrays nodecode', { skip_empty_lines: true }, false);
await run('arrays info nodecode', { info: true }, false);
await run('arrays on_record lines', { on_record: (rec: string[], ctx: { lines: number }) => { (rec as unknown as { line: number }).line = ctx.lines; return rec; } }, true);
{ const q: number[] = []; await run('arrays on_record queue', { on_record: (rec: string[], ctx: { lines: number }) => { q.push(ctx.lines); return rec; } }, true); }
await run('arrays on_record obj', { on_record: (rec: string[], ctx: { lines: number }) => ({ line: ctx.lines, rec }) }, true);
