/**
 * Warranty engine benchmark (issue 11): decisions per second, warm, over a mix of real cases —
 * five countries, consumers and businesses, new / refurbished / second-hand units, repairs, open
 * and closed payment disputes, missing proofs, dates inside and past every period.
 *
 *   npm run bench:warranty -- [--decisions 2000000]
 *
 * Pure computation: no store. Never asserts.
 */
import { parseArgs } from 'node:util';
import { addMonths, decideWarranty, LAW_COUNTRIES, type WarrantyFacts } from '../src/modules/warranty/index.ts';
import { table } from './lib/stats.ts';

const { values: args } = parseArgs({ options: { decisions: { type: 'string', default: '2000000' } }, strict: true });
const N = Number(args.decisions);

function cases(): WarrantyFacts[] {
  const out: WarrantyFacts[] = [];
  const countries = [...LAW_COUNTRIES, 'DE', 'US'];
  const conditions = ['new', 'refurbished', 'second_hand'] as const;
  let i = 0;
  for (const country of countries)
    for (const condition of conditions)
      for (const buyer of ['consumer', 'business'] as const)
        for (const months of [0, 5, 11, 23, 24, 25, 35, 37]) {
          i++;
          const delivered = `202${3 + (i % 3)}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
          out.push({
            at: addMonths(delivered, months),
            countryOfSale: country,
            buyer,
            condition,
            purchasedOn: delivered,
            deliveredOn: i % 11 === 0 ? null : delivered,
            proofOfPurchase: i % 13 !== 0,
            commercialWarrantyMonths: i % 4 === 0 ? null : 12 * (1 + (i % 3)),
            channel: i % 5 === 0 ? 'reseller' : 'direct',
            legalRepairs: i % 7 === 0 ? [{ completedOn: addMonths(delivered, 3) }] : [],
            payment: i % 6 === 0 ? { paidOn: delivered, provider: 'PayPal', dispute: { openedOn: addMonths(delivered, 1), closedOn: i % 12 === 0 ? addMonths(delivered, 2) : null } } : null,
            misuseRecordedOn: i % 17 === 0 ? addMonths(delivered, 1) : null,
          });
        }
  return out;
}

const all = cases();
// Warm up: let the engine's code be compiled before the clock starts.
for (let i = 0; i < 200_000; i++) decideWarranty(all[i % all.length]!);
const outcomes = new Map<string, number>();
const started = performance.now();
for (let i = 0; i < N; i++) {
  const d = decideWarranty(all[i % all.length]!);
  if (i < all.length) outcomes.set(d.outcome, (outcomes.get(d.outcome) ?? 0) + 1);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `\nWarranty engine, warm, ${all.length} distinct cases\n\n${table(['decisions', 'seconds', 'decisions/s', 'µs each'], [[N.toLocaleString('en'), seconds.toFixed(2), Math.round(N / seconds).toLocaleString('en'), ((seconds * 1e6) / N).toFixed(2)]], [true, true, true, true])}\n\nOutcomes over the cases: ${[...outcomes].map(([o, n]) => `${o} ${n}`).join(', ')}\n`,
);
