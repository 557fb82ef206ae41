export { BusinessCalendar, SEARCH_HORIZON_DAYS, type HolidayRow } from './business-calendar.ts';
export {
  CalendarDefinitionSchema,
  isCalendarDate,
  daysInMonth,
  parseCalendarDefinition,
  type CalendarDefinition,
  type CalendarDefinitionInput,
  type OpeningInterval,
} from './calendar-definition.ts';
export { summariseSkipped, type ExplainedClosure, type Explanation, type SkippedDay, type SkippedRange, type SkipReason } from './explain.ts';
export { HOLIDAY_TYPES, type HolidayType } from './holidays.ts';
export { SEED_CALENDARS, type SeedCalendar, type SeedCalendarKey } from './seed-calendars.ts';
export { createOracle } from './oracle.ts';
export { parseExceptionsCsv, parseExceptionsIcs, type ExceptionProblem, type ExceptionsResult, type ImportedExceptions } from './calendar-exceptions.ts';
