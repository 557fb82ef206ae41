import { type Db, withTransaction } from '../../platform/db/database.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { type Actor, assertAdmin } from '../auth/index.ts';
import { parseExceptionsCsv, parseExceptionsIcs, summariseSkipped } from '../calendars/index.ts';
import { calendarById, loadCalendar } from './calendar-cache.ts';
import type { CalendarInput } from './sla.schemas.ts';
import { SlaRecomputeJob } from './sla-jobs.ts';

function selectCalendars(db: Db) {
  return db
    .selectFrom('business_calendar as c')
    .innerJoin('brand as b', 'b.id', 'c.brand_id')
    .select(['c.id', 'c.brand_id', 'b.name as brand_name', 'c.name', 'c.version', 'c.definition', 'c.updated_at']);
}

type CalendarRow = Awaited<ReturnType<ReturnType<typeof selectCalendars>['executeTakeFirstOrThrow']>>;

function toResponse(r: CalendarRow) {
  const cal = loadCalendar(r);
  return { id: r.id, brandId: r.brand_id, brandName: r.brand_name, name: r.name, version: r.version, definition: cal.definition, updatedAt: r.updated_at.toISOString() };
}

export async function listCalendars(db: Db, actor: Actor, brandId?: string) {
  assertAdmin(actor, 'Only an administrator manages business calendars');
  let q = selectCalendars(db);
  if (brandId) q = q.where('c.brand_id', '=', brandId);
  return (await q.orderBy('b.name').orderBy('c.name').execute()).map(toResponse);
}

export async function getCalendar(db: Db, actor: Actor, id: string) {
  assertAdmin(actor, 'Only an administrator manages business calendars');
  const row = await selectCalendars(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('CALENDAR_NOT_FOUND', 'Calendar');
  return toResponse(row);
}

/**
 * Creates or changes a calendar. A change bumps its version (every process's cached engine is
 * replaced) and recomputes the open tickets of the brand through a job committed with it.
 */
export async function saveCalendar(db: Db, jobs: JobQueue, actor: Actor, id: string | null, input: CalendarInput, now: Date) {
  assertAdmin(actor, 'Only an administrator manages business calendars');
  // A week without any opening would let no working time elapse: every due time would be never.
  if (Object.values(input.definition.week).every((day) => day.length === 0)) {
    throw validationFailed([{ field: 'definition.week', code: 'never_open', message: 'a calendar needs at least one opening interval in the week' }]);
  }
  const saved = await withTransaction(db, async (trx) => {
    const brand = await trx.selectFrom('brand').select('id').where('id', '=', input.brandId).executeTakeFirst();
    if (!brand) throw validationFailed([{ field: 'brandId', code: 'invalid_value', message: 'no such brand' }]);
    const clash = await trx.selectFrom('business_calendar').select('id').where('brand_id', '=', input.brandId).where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== id) {
      throw new AppError('CALENDAR_NAME_TAKEN', 409, 'This brand already has a calendar of that name', { errors: [{ field: 'name', code: 'conflict', message: 'already used in this brand' }] });
    }
    const definition = JSON.stringify(input.definition);
    if (id) {
      const old = await trx.selectFrom('business_calendar').select(['id', 'brand_id']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!old) throw notFound('CALENDAR_NOT_FOUND', 'Calendar');
      if (old.brand_id !== input.brandId) throw validationFailed([{ field: 'brandId', code: 'invalid_value', message: 'a calendar cannot move to another brand' }]);
      await trx
        .updateTable('business_calendar')
        .set((eb) => ({ name: input.name, definition, version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', id)
        .execute();
      await jobs.enqueue(trx, SlaRecomputeJob, { brandId: input.brandId, reason: 'calendar' });
      return id;
    }
    const row = await trx.insertInto('business_calendar').values({ brand_id: input.brandId, name: input.name, definition, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
  return getCalendar(db, actor, saved);
}

/** The year's closed days as the admin previews them: library holidays, additions, removals. */
export async function calendarHolidays(db: Db, actor: Actor, id: string, year: number) {
  assertAdmin(actor, 'Only an administrator manages business calendars');
  const cal = await calendarById(db, id);
  return { year, timeZone: cal.timeZone, items: cal.engine.holidaysInYear(year) };
}

/** "If a ticket arrived at `from`, when would N working minutes be up, and why?" for the editor. */
export async function previewDue(db: Db, actor: Actor, id: string, from: Date, minutes: number) {
  assertAdmin(actor, 'Only an administrator manages business calendars');
  const cal = await calendarById(db, id);
  const r = cal.engine.addWorkingMinutes(from, minutes);
  return { from: from.toISOString(), minutes, dueAt: r.at.toISOString(), timeZone: cal.timeZone, skipped: summariseSkipped(r.explanation, { closedWeekday: (d) => cal.engine.isClosedWeekday(d) }), adjusted: r.explanation.adjustedDays ?? [] };
}

/**
 * Imports a year's exceptions into a calendar (issue 14, item 11): the closed days and the days
 * with other hours of a CSV or an iCalendar file replace whatever the calendar said of those dates,
 * and the calendar is saved as a new version (the brand's open tickets recomputed). A file with a
 * problem changes nothing and names every line at fault.
 */
export async function importCalendarExceptions(db: Db, jobs: JobQueue, actor: Actor, id: string, input: { format: 'csv' | 'ics'; content: string }, now: Date) {
  assertAdmin(actor, 'Only an administrator manages business calendars');
  const current = await getCalendar(db, actor, id);
  const parsed = input.format === 'csv' ? parseExceptionsCsv(input.content) : parseExceptionsIcs(input.content);
  if (!parsed.ok) throw validationFailed(parsed.problems.slice(0, 50).map((p) => ({ field: `content.line${p.line}.${p.field}`, code: 'invalid_value', message: `line ${p.line}: ${p.field} ${p.message}` })));
  const dates = new Set([...parsed.value.closed.map((c) => c.date), ...parsed.value.overrides.map((o) => o.date)]);
  const d = current.definition;
  const definition = {
    ...d,
    holidayAdditions: [...d.holidayAdditions.filter((a) => !dates.has(a.date)), ...parsed.value.closed].sort((a, b) => a.date.localeCompare(b.date)),
    holidayRemovals: d.holidayRemovals.filter((r) => !dates.has(r.date)),
    dayOverrides: [...d.dayOverrides.filter((o) => !dates.has(o.date)), ...parsed.value.overrides].sort((a, b) => a.date.localeCompare(b.date)),
  };
  const calendar = await saveCalendar(db, jobs, actor, id, { brandId: current.brandId, name: current.name, definition }, now);
  return { calendar, imported: { closedDays: parsed.value.closed.length, dayOverrides: parsed.value.overrides.length } };
}
