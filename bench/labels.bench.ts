/**
 * Parcel labels (issue 12): PDFs with a Code 128 and a QR code rendered per second on one process,
 * warm, each for another ticket number. Never asserts.
 *
 *   npm run bench:labels -- [--labels 500]
 */
import { parseArgs } from 'node:util';
import { formatTicketNumber } from '../src/modules/brands/index.ts';
import { renderLabelPdf } from '../src/modules/returns/index.ts';
import { table } from './lib/stats.ts';

const { values: args } = parseArgs({ options: { labels: { type: 'string', default: '500' } }, strict: true });
const COUNT = Number(args.labels);

const label = (seq: number) => ({
  number: formatTicketNumber('SID-{SEQ:6}{CHECK}', seq, 2026),
  locale: ['ro', 'en', 'fr', 'ru', 'sv'][seq % 5]!,
  brand: { name: 'Smart ID Service', accent: '#0b5394' },
  sender: { name: 'Ion Popescu', addressLines: ['Strada Mihai Eminescu 12', '010011 București'], contactPerson: 'Ion Popescu', phone: '+40 721 000 111' },
  returnAddress: { name: 'Smart ID Service — RMA', addressLines: ['Str. Siriului 36-40, sector 1', 'București'] },
  serials: [`SI-H4-${String(seq).padStart(6, '0')}`],
  refusesCashOnDelivery: true,
  issuedOn: '2026-11-30',
});

async function main() {
  for (let i = 0; i < 20; i++) await renderLabelPdf(label(i));
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < COUNT; i++) bytes += (await renderLabelPdf(label(1000 + i))).length;
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `\nParcel labels, one process, warm\n\n${table(
      ['labels', 'seconds', 'labels/s', 'KB per label'],
      [[String(COUNT), seconds.toFixed(2), String(Math.round(COUNT / seconds)), (bytes / COUNT / 1024).toFixed(1)]],
      [true, true, true, true],
    )}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:labels failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
