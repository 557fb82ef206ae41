/**
 * Wall times in a named time zone, for forms: an agent in Paris types "18 Dec 15:00" for an Eiler
 * ticket and means 15:00 in Moscow, whatever the browser's own zone. Intl only, no zone database.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at an instant, as milliseconds of a UTC date with the same fields. */
function wallMs(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** Offset of the zone from UTC at an instant, in minutes (Moscow: +180). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallMs(whole, timeZone) - whole) / 60_000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** An instant as the zone's wall time 'YYYY-MM-DDTHH:MM' (the value of a datetime-local input). */
export function toZonedWall(iso: string | Date, timeZone: string): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  if (Number.isNaN(ms)) return '';
  const d = new Date(wallMs(ms, timeZone));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The calendar date 'YYYY-MM-DD' in the zone at an instant. */
export function zonedDate(iso: string | Date, timeZone: string): string {
  return toZonedWall(iso, timeZone).slice(0, 10);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * The instant a wall time 'YYYY-MM-DDTHH:MM' names in the zone, as an ISO string with the zone's
 * offset ('2026-12-18T15:00:00+03:00'); null when the text is no such wall time. A time skipped by
 * a spring-forward change is moved on by the gap (02:30 → 03:30), as clocks do; an hour that occurs
 * twice in autumn is taken the first time.
 */
export function fromZonedWall(wall: string, timeZone: string): string | null {
  const m = WALL.exec(wall.trim());
  if (!m || !isValidTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Try the offsets in force a day either side: the earlier one first, so a repeated hour is the first.
  const candidates = [...new Set([offsetMinutes(asUtc - 86_400_000, timeZone), offsetMinutes(asUtc + 86_400_000, timeZone)])].sort((a, b) => b - a);
  for (const off of candidates) {
    const ms = asUtc - off * 60_000;
    if (offsetMinutes(ms, timeZone) === off) return `${wall.trim()}:00${formatOffset(off)}`;
  }
  // In a gap no offset gives this wall time: read it with the offset before the change, which
  // lands as far past the change as the time was past its start (02:30 → 03:30).
  const ms = asUtc - candidates[candidates.length - 1]! * 60_000;
  return `${toZonedWall(new Date(ms), timeZone)}:00${formatOffset(offsetMinutes(ms, timeZone))}`;
}

/** Day number (days since 1970-01-01) of a calendar date 'YYYY-MM-DD'. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}
