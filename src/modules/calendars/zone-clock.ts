import { IANAZone } from 'luxon';

const HOUR_MS = 3_600_000;
/** Scan step when looking for offset changes: two changes less than 6 h apart would be missed (no zone does that). */
const SCAN_MS = 6 * HOUR_MS;

interface ZoneYear {
  /** Offset (ms) in force at the start of the UTC year. */
  initialOffsetMs: number;
  /** Offset changes within the year: from `at` (UTC ms) on, the offset is `offsetMs`. */
  transitions: { at: number; offsetMs: number }[];
}

/** A stretch of time [from, to) over which the zone's offset from UTC does not change. */
export interface OffsetPiece {
  from: number;
  to: number;
  offsetMs: number;
}

/**
 * A time zone's UTC offsets, found once per UTC year through luxon (which reads the IANA data of
 * the runtime's Intl) and kept as a list of transitions, so the engine converts with arithmetic
 * instead of one Intl call per conversion. Shared by every calendar in the process.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly years = new Map<number, ZoneYear>();

  constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
    if (!this.zone.isValid) throw new Error(`invalid time zone ${name}`);
  }

  private offsetByLuxon(ms: number): number {
    return Math.round(this.zone.offset(ms) * 60_000);
  }

  private year(y: number): ZoneYear {
    let zy = this.years.get(y);
    if (zy) return zy;
    const start = Date.UTC(y, 0, 1);
    const end = Date.UTC(y + 1, 0, 1);
    const initialOffsetMs = this.offsetByLuxon(start);
    const transitions: ZoneYear['transitions'] = [];
    let t = start;
    let off = initialOffsetMs;
    while (t < end) {
      const next = Math.min(t + SCAN_MS, end);
      const nextOff = this.offsetByLuxon(next);
      if (nextOff !== off) {
        // The change happened in (t, next]: find the first millisecond with the new offset.
        let lo = t;
        let hi = next;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.offsetByLuxon(mid) === off) lo = mid;
          else hi = mid;
        }
        if (hi < end) transitions.push({ at: hi, offsetMs: nextOff });
        off = nextOff;
      }
      t = next;
    }
    zy = { initialOffsetMs, transitions };
    this.years.set(y, zy);
    return zy;
  }

  /** The offset (local minus UTC, in ms) in force at a UTC instant. */
  offsetAt(ms: number): number {
    const zy = this.year(new Date(ms).getUTCFullYear());
    let off = zy.initialOffsetMs;
    for (const tr of zy.transitions) {
      if (tr.at > ms) break;
      off = tr.offsetMs;
    }
    return off;
  }

  /** Local wall-clock time of a UTC instant, as milliseconds on a UTC-like axis (floor(/day) is the local date). */
  wallAt(ms: number): number {
    return ms + this.offsetAt(ms);
  }

  /** [from, to) cut into stretches of constant offset. */
  pieces(from: number, to: number): OffsetPiece[] {
    const out: OffsetPiece[] = [];
    let start = from;
    let off = this.offsetAt(from);
    const y0 = new Date(from).getUTCFullYear();
    const y1 = new Date(to).getUTCFullYear();
    for (let y = y0; y <= y1; y++) {
      for (const tr of this.year(y).transitions) {
        if (tr.at <= from || tr.at >= to) continue;
        out.push({ from: start, to: tr.at, offsetMs: off });
        start = tr.at;
        off = tr.offsetMs;
      }
    }
    out.push({ from: start, to, offsetMs: off });
    return out;
  }
}

const clocks = new Map<string, ZoneClock>();

export function zoneClock(name: string): ZoneClock {
  let c = clocks.get(name);
  if (!c) {
    c = new ZoneClock(name);
    clocks.set(name, c);
  }
  return c;
}
