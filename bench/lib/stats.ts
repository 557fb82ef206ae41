/** Latency samples in milliseconds, and the table they end up in. */
export class Samples {
  readonly values: number[] = [];
  errors = 0;
  readonly errorExamples: string[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  fail(what: string): void {
    this.errors++;
    if (this.errorExamples.length < 3) this.errorExamples.push(what);
  }

  /** Nearest-rank percentile. */
  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
  }

  get count(): number {
    return this.values.length;
  }

  get max(): number {
    return this.values.length ? this.values.reduce((m, v) => (v > m ? v : m), -Infinity) : Number.NaN;
  }
}

export function fmtMs(ms: number): string {
  if (Number.isNaN(ms)) return '–';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

export function table(header: string[], rows: string[][], alignRight: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (alignRight[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
