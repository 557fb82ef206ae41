import { ZodError } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { BusinessCalendar, type CalendarDefinition, CalendarDefinitionSchema } from '../calendars/index.ts';

export interface LoadedCalendar {
  id: string;
  brandId: string;
  name: string;
  version: number;
  timeZone: string;
  definition: CalendarDefinition;
  engine: BusinessCalendar;
}

// Engines are pure and cache their holiday years and day intervals, so they are kept per process
// and replaced when the calendar's version changes (every process re-reads the version).
const cache = new Map<string, LoadedCalendar>();

export function loadCalendar(row: { id: string; brand_id: string; name: string; version: number; definition: unknown }): LoadedCalendar {
  const hit = cache.get(row.id);
  if (hit && hit.version === row.version) return hit;
  const definition = CalendarDefinitionSchema.parse(typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition);
  const loaded = {
    id: row.id,
    brandId: row.brand_id,
    name: row.name,
    version: row.version,
    timeZone: definition.timeZone,
    definition,
    engine: new BusinessCalendar(definition),
  };
  cache.set(row.id, loaded);
  return loaded;
}

/** The engine kept for this calendar if it is at this version (read in the caller's statement). */
export function cachedCalendar(id: string, version: number): LoadedCalendar | undefined {
  const hit = cache.get(id);
  return hit && hit.version === version ? hit : undefined;
}

export async function calendarById(db: Db, id: string): Promise<LoadedCalendar> {
  const row = await db.selectFrom('business_calendar').select(['id', 'brand_id', 'name', 'version', 'definition']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('CALENDAR_NOT_FOUND', 'Calendar');
  return loadCalendar(row);
}

/**
 * The usable calendars among `ids`, read in one query (a queue page names a handful of calendars
 * for fifty tickets). A definition this version refuses is left out, as in `findUsableCalendar`.
 */
export async function usableCalendarsByIds(db: Db, ids: readonly string[]): Promise<Map<string, LoadedCalendar>> {
  const out = new Map<string, LoadedCalendar>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await db.selectFrom('business_calendar').select(['id', 'brand_id', 'name', 'version', 'definition']).where('id', 'in', unique).execute();
  for (const row of rows) {
    try {
      out.set(row.id, loadCalendar(row));
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
    }
  }
  return out;
}

/**
 * Like `calendarById`, but a stored definition this version refuses (say, a country the holiday
 * library dropped) gives undefined: tickets then go without timers instead of being refused.
 */
export async function findUsableCalendar(db: Db, id: string): Promise<LoadedCalendar | undefined> {
  try {
    return await calendarById(db, id);
  } catch (err) {
    if (err instanceof ZodError) return undefined;
    throw err;
  }
}
