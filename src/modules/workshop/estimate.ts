/**
 * The expected duration of a repair told to the customer (issue 13, item 9; seed 004: "3 to 30
 * days"). Pure. From, in order:
 *  - the brand's own past repairs of the model when there are at least five: from the quickest
 *    quarter (25th percentile) to all but the slowest tenth (90th percentile);
 *  - else the range the brand states (`workshop.repairDays`);
 *  - a part out of stock adds its supplier lead time to both ends (the longest one counts);
 *  - a replacement from stock takes a day to a week.
 * Under the legal guarantee the law's own limit (FR 30 days, RO 15) is reported when the upper
 * end passes it, so the desk sees it before the customer does.
 */
export interface EstimateFacts {
  remedy: 'repair' | 'replace';
  brandDays: { min: number; max: number };
  pastDays: readonly number[];
  /** Lead days of each needed part not in stock. */
  missingPartLeadDays: readonly number[];
  lawMaxDays: number | null;
}

export interface Estimate {
  minDays: number;
  maxDays: number;
  basis: { source: 'history' | 'brand' | 'replacement'; samples: number; partsLeadDays: number; lawMaxDays: number | null; exceedsLawLimit: boolean };
}

export const MIN_HISTORY = 5;

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

export function estimateDuration(f: EstimateFacts): Estimate {
  const lead = f.missingPartLeadDays.length ? Math.max(...f.missingPartLeadDays) : 0;
  let min: number;
  let max: number;
  let source: Estimate['basis']['source'];
  if (f.remedy === 'replace') {
    [min, max, source] = [1, 7, 'replacement'];
  } else if (f.pastDays.length >= MIN_HISTORY) {
    const sorted = [...f.pastDays].sort((a, b) => a - b);
    [min, max, source] = [Math.max(1, Math.floor(percentile(sorted, 0.25))), Math.max(1, Math.ceil(percentile(sorted, 0.9))), 'history'];
  } else {
    [min, max, source] = [f.brandDays.min, Math.max(f.brandDays.min, f.brandDays.max), 'brand'];
  }
  min += lead;
  max += lead;
  return { minDays: min, maxDays: max, basis: { source, samples: f.pastDays.length, partsLeadDays: lead, lawMaxDays: f.lawMaxDays, exceedsLawLimit: f.lawMaxDays !== null && max > f.lawMaxDays } };
}
