import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.ts';
import { BusinessCalendar } from './business-calendar.ts';
import type { CalendarDefinitionInput } from './calendar-definition.ts';
import { summariseSkipped } from './explain.ts';
import { createOracle } from './oracle.ts';
import { SEED_CALENDARS } from './seed-calendars.ts';

const d = (iso: string) => new Date(iso);
const iso = (x: Date) => x.toISOString();
const carri = new BusinessCalendar(SEED_CALENDARS.carriHotline.definition);
const eiler = new BusinessCalendar(SEED_CALENDARS.eilerProcessing.definition);
const smartId = new BusinessCalendar(SEED_CALENDARS.smartIdWorkshop.definition);

const everyDay = (start: string, end: string) => {
  const day = [{ start, end }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
};
const around = (timeZone: string, start = '00:00', end = '24:00') => new BusinessCalendar({ timeZone, week: everyDay(start, end) });

function appErrorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

describe('seed 000: Paris, Mon–Fri 9:00–12:15 and 13:30–18:00, French holidays', () => {
  it('stops at the start of the lunch break when the minutes run out there', () => {
    expect(iso(carri.addWorkingMinutes(d('2026-11-23T11:15:00+01:00'), 60).at)).toBe(iso(d('2026-11-23T12:15:00+01:00')));
  });

  it('goes over lunch for the minute after the last one before it', () => {
    expect(iso(carri.addWorkingMinutes(d('2026-11-23T12:14:00+01:00'), 1).at)).toBe(iso(d('2026-11-23T12:15:00+01:00')));
    expect(iso(carri.addWorkingMinutes(d('2026-11-23T12:14:00+01:00'), 2).at)).toBe(iso(d('2026-11-23T13:31:00+01:00')));
  });

  it('starts counting at the next opening from a night, and lists no night or lunch as skipped', () => {
    const r = carri.addWorkingMinutes(d('2026-11-23T00:00:00+01:00'), 1);
    expect(iso(r.at)).toBe(iso(d('2026-11-23T09:01:00+01:00')));
    const long = carri.addWorkingMinutes(d('2026-11-24T17:00:00+01:00'), 600);
    expect(iso(long.at)).toBe(iso(d('2026-11-26T10:15:00+01:00')));
    expect(long.explanation.skippedDays).toEqual([]);
  });

  it('skips 1 May 2026, a Friday, and the weekend after it', () => {
    expect(d('2026-05-01T12:00:00Z').getUTCDay()).toBe(5);
    const r = carri.addWorkingMinutes(d('2026-04-30T17:00:00+02:00'), 120);
    expect(iso(r.at)).toBe(iso(d('2026-05-04T10:00:00+02:00')));
    expect(summariseSkipped(r.explanation)).toEqual([
      { from: '2026-05-01', to: '2026-05-01', reason: 'holiday', name: 'Fête du travail' },
      { from: '2026-05-02', to: '2026-05-03', reason: 'weekend' },
    ]);
  });

  it('skips 14 July 2028, a Friday', () => {
    expect(d('2028-07-14T12:00:00Z').getUTCDay()).toBe(5);
    const r = carri.addWorkingMinutes(d('2028-07-13T17:30:00+02:00'), 60);
    expect(iso(r.at)).toBe(iso(d('2028-07-17T09:30:00+02:00')));
    expect(r.explanation.skippedDays.map((s) => s.reason)).toEqual(['holiday', 'weekend', 'weekend']);
  });

  it('counts working minutes between two instants across lunch, nights and a holiday', () => {
    // Tue 10 Nov 17:00 → Thu 12 Nov 10:00, Wed 11 Nov is Armistice Day: 60 + 60 minutes.
    const r = carri.workingMinutesBetween(d('2026-11-10T17:00:00+01:00'), d('2026-11-12T10:00:00+01:00'));
    expect(r.minutes).toBe(120);
    expect(r.explanation.skippedDays).toEqual([{ date: '2026-11-11', reason: 'holiday', name: 'Armistice 1918' }]);
    expect(carri.workingMinutesBetween(d('2026-11-23T09:00:00+01:00'), d('2026-11-24T09:00:00+01:00')).minutes).toBe(465);
  });

  it('gives the next opening: itself when open, 13:30 at the lunch break, Monday 9:00 from Friday evening', () => {
    expect(iso(carri.nextOpening(d('2026-11-23T10:00:00+01:00')).at)).toBe(iso(d('2026-11-23T10:00:00+01:00')));
    expect(iso(carri.nextOpening(d('2026-11-23T12:15:00+01:00')).at)).toBe(iso(d('2026-11-23T13:30:00+01:00')));
    const weekend = carri.nextOpening(d('2026-11-20T18:00:00+01:00'));
    expect(iso(weekend.at)).toBe(iso(d('2026-11-23T09:00:00+01:00')));
    expect(weekend.explanation.skippedDays).toEqual([
      { date: '2026-11-21', reason: 'weekend' },
      { date: '2026-11-22', reason: 'weekend' },
    ]);
    expect(iso(carri.addWorkingMinutes(d('2026-11-23T12:15:00+01:00'), 0).at)).toBe(iso(d('2026-11-23T13:30:00+01:00')));
  });

  it('tells open from closed at the edges of intervals', () => {
    expect(carri.isOpenAt(d('2026-11-23T09:00:00+01:00'))).toBe(true);
    expect(carri.isOpenAt(d('2026-11-23T12:14:59.999+01:00'))).toBe(true);
    expect(carri.isOpenAt(d('2026-11-23T12:15:00+01:00'))).toBe(false);
    expect(carri.isOpenAt(d('2026-11-23T08:59:59.999+01:00'))).toBe(false);
    expect(carri.isOpenAt(d('2026-11-11T10:00:00+01:00'))).toBe(false);
  });
});

describe('seed 003: Moscow, Mon–Fri around the clock, Russian holidays', () => {
  const cases: [string, string, string, string[]][] = [
    ['Monday', '2026-11-23T10:00:00+03:00', '2026-11-25T10:00:00+03:00', []],
    ['Thursday', '2026-11-19T10:00:00+03:00', '2026-11-23T10:00:00+03:00', ['2026-11-21 weekend', '2026-11-22 weekend']],
    ['Friday (SPEC: due Tue 24 Nov 14:30)', '2026-11-20T14:30:00+03:00', '2026-11-24T14:30:00+03:00', ['2026-11-21 weekend', '2026-11-22 weekend']],
    ['Monday before Unity Day', '2026-11-02T10:00:00+03:00', '2026-11-05T10:00:00+03:00', ['2026-11-04 holiday']],
    ['Wednesday before Unity Day 2027 and a weekend', '2027-11-03T12:00:00+03:00', '2027-11-08T12:00:00+03:00', ['2027-11-04 holiday', '2027-11-06 weekend', '2027-11-07 weekend']],
  ];
  it.each(cases)('48 working hours from a %s', (_label, from, due, skipped) => {
    const r = eiler.addWorkingMinutes(d(from), 2880);
    expect(iso(r.at)).toBe(iso(d(due)));
    expect(r.explanation.skippedDays.map((s) => `${s.date} ${s.reason}`)).toEqual(skipped);
    expect(r.explanation.workingMinutes).toBe(2880);
    expect(eiler.workingMinutesBetween(d(from), r.at).minutes).toBe(2880);
  });

  it('names Unity Day and groups the weekend in the explanation', () => {
    const r = eiler.addWorkingMinutes(d('2027-11-03T12:00:00+03:00'), 2880);
    expect(r.explanation.timeZone).toBe('Europe/Moscow');
    expect(summariseSkipped(r.explanation)).toEqual([
      { from: '2027-11-04', to: '2027-11-04', reason: 'holiday', name: 'День народного единства' },
      { from: '2027-11-06', to: '2027-11-07', reason: 'weekend' },
    ]);
  });

  it('skips the New Year holidays 1–8 January, one library entry spanning 2–6 January', () => {
    const r = eiler.addWorkingMinutes(d('2026-12-30T10:00:00+03:00'), 2880);
    // 14 h on 30 Dec, 31 Dec off by decree (the weekend of 4 January moved there), then nothing
    // until Monday 11 January 2027, then 34 h.
    expect(iso(r.at)).toBe(iso(d('2027-01-12T10:00:00+03:00')));
    const ranges = summariseSkipped(r.explanation).map((s) => `${s.from}..${s.to} ${s.reason}`);
    expect(ranges).toEqual([
      '2026-12-31..2026-12-31 holiday',
      '2027-01-01..2027-01-01 holiday',
      '2027-01-02..2027-01-03 weekend',
      '2027-01-04..2027-01-06 holiday',
      '2027-01-07..2027-01-07 holiday',
      '2027-01-08..2027-01-08 holiday',
      '2027-01-09..2027-01-10 weekend',
    ]);
  });

  it('ends at Friday 24:00, not Monday, for the last minute of a week; Saturday 00:00 is closed', () => {
    expect(iso(eiler.addWorkingMinutes(d('2026-11-20T23:59:00+03:00'), 1).at)).toBe(iso(d('2026-11-21T00:00:00+03:00')));
    expect(eiler.isOpenAt(d('2026-11-21T00:00:00+03:00'))).toBe(false);
    expect(eiler.isOpenAt(d('2026-11-20T23:59:59+03:00'))).toBe(true);
    expect(iso(eiler.nextOpening(d('2026-11-21T00:00:00+03:00')).at)).toBe(iso(d('2026-11-23T00:00:00+03:00')));
  });

  it('keeps 24-hour days in Moscow on the nights other zones change clocks (no DST since 2014)', () => {
    expect(eiler.workingMinutesBetween(d('2026-03-30T00:00:00+03:00'), d('2026-03-31T00:00:00+03:00')).minutes).toBe(1440);
    expect(eiler.workingMinutesBetween(d('2026-10-26T00:00:00+03:00'), d('2026-10-27T00:00:00+03:00')).minutes).toBe(1440);
  });

  it('phone hours are 9:00–18:00 Moscow time', () => {
    const phone = new BusinessCalendar(SEED_CALENDARS.eilerPhone.definition);
    expect(iso(phone.addWorkingMinutes(d('2026-11-20T17:00:00+03:00'), 120).at)).toBe(iso(d('2026-11-23T10:00:00+03:00')));
  });
});

describe('seed 004: Bucharest, Mon–Fri 9:00–18:00, Romanian holidays', () => {
  it('skips New Year 1–2 January 2026 (one library entry) and the weekend', () => {
    const r = smartId.addWorkingMinutes(d('2025-12-31T17:00:00+02:00'), 120);
    expect(iso(r.at)).toBe(iso(d('2026-01-05T10:00:00+02:00')));
    expect(summariseSkipped(r.explanation)).toEqual([
      { from: '2026-01-01', to: '2026-01-02', reason: 'holiday', name: 'Anul nou' },
      { from: '2026-01-03', to: '2026-01-04', reason: 'weekend' },
    ]);
  });

  it('skips Orthodox Good Friday and Easter Monday 2026 (10 and 13 April)', () => {
    const r = smartId.addWorkingMinutes(d('2026-04-09T17:00:00+03:00'), 120);
    expect(iso(r.at)).toBe(iso(d('2026-04-14T10:00:00+03:00')));
    expect(r.explanation.skippedDays.map((s) => `${s.date} ${s.reason}`)).toEqual([
      '2026-04-10 holiday',
      '2026-04-11 weekend',
      '2026-04-12 weekend',
      '2026-04-13 holiday',
    ]);
  });

  it('lists the year for an admin preview', () => {
    const dates = smartId.holidaysInYear(2026).map((h) => h.date);
    expect(dates).toContain('2026-12-01');
    expect(dates).toContain('2026-01-02');
    expect(dates).not.toContain('2026-03-08'); // Mother's Day is an observance, not a public holiday
  });
});

describe('clock changes', () => {
  for (const zone of ['Europe/Paris', 'Europe/Stockholm', 'Europe/Bucharest']) {
    it(`${zone}: a 00:00–24:00 day lasts 23 h in spring and 25 h in autumn`, () => {
      const cal = around(zone);
      // Always open: working time is elapsed time, whatever the wall clock does.
      expect(cal.workingMinutesBetween(d('2026-03-29T00:00:00Z'), d('2026-03-30T00:00:00Z')).minutes).toBe(1440);
      const days = (from: string, to: string) => cal.workingMinutesBetween(d(from), d(to)).minutes;
      const offsets = zone === 'Europe/Bucharest' ? ['+02:00', '+03:00'] : ['+01:00', '+02:00'];
      expect(days(`2026-03-29T00:00:00${offsets[0]}`, `2026-03-30T00:00:00${offsets[1]}`)).toBe(23 * 60);
      expect(days(`2026-10-25T00:00:00${offsets[1]}`, `2026-10-26T00:00:00${offsets[0]}`)).toBe(25 * 60);
      // 24 working hours from Saturday noon end at Sunday 13:00 after the spring change, 11:00 after the autumn one.
      expect(iso(cal.addWorkingMinutes(d(`2026-03-28T12:00:00${offsets[0]}`), 1440).at)).toBe(iso(d(`2026-03-29T13:00:00${offsets[1]}`)));
      expect(iso(cal.addWorkingMinutes(d(`2026-10-24T12:00:00${offsets[1]}`), 1440).at)).toBe(iso(d(`2026-10-25T11:00:00${offsets[0]}`)));
    });

    it(`${zone}: 9:00–18:00 days keep 9 hours on change days`, () => {
      const cal = around(zone, '09:00', '18:00');
      const offsets = zone === 'Europe/Bucharest' ? ['+02:00', '+03:00'] : ['+01:00', '+02:00'];
      expect(cal.workingMinutesBetween(d(`2026-03-29T00:00:00${offsets[0]}`), d(`2026-03-30T00:00:00${offsets[1]}`)).minutes).toBe(540);
      expect(cal.workingMinutesBetween(d(`2026-10-25T00:00:00${offsets[1]}`), d(`2026-10-26T00:00:00${offsets[0]}`)).minutes).toBe(540);
      expect(iso(cal.addWorkingMinutes(d(`2026-03-28T17:00:00${offsets[0]}`), 120).at)).toBe(iso(d(`2026-03-29T10:00:00${offsets[1]}`)));
      expect(iso(cal.addWorkingMinutes(d(`2026-10-24T17:00:00${offsets[1]}`), 120).at)).toBe(iso(d(`2026-10-25T10:00:00${offsets[0]}`)));
    });
  }

  it('opens an interval that starts in the spring gap when the clock jumps, and counts a repeated hour twice', () => {
    const cal = around('Europe/Paris', '02:30', '03:30');
    // 29 Mar 2026: 02:00 → 03:00, so only 03:00–03:30 CEST exists.
    expect(cal.workingMinutesBetween(d('2026-03-29T00:00:00+01:00'), d('2026-03-30T00:00:00+02:00')).minutes).toBe(30);
    expect(iso(cal.nextOpening(d('2026-03-29T00:00:00+01:00')).at)).toBe(iso(d('2026-03-29T03:00:00+02:00')));
    // 25 Oct 2026: 03:00 → 02:00, 02:30–03:00 CEST, then 02:30–03:30 CET.
    expect(cal.workingMinutesBetween(d('2026-10-25T00:00:00+02:00'), d('2026-10-26T00:00:00+01:00')).minutes).toBe(90);
    expect(cal.isOpenAt(d('2026-10-25T02:10:00+01:00'))).toBe(false);
    expect(cal.isOpenAt(d('2026-10-25T02:40:00+01:00'))).toBe(true);
    const endsInGap = around('Europe/Paris', '01:00', '02:30');
    expect(endsInGap.workingMinutesBetween(d('2026-03-29T00:00:00+01:00'), d('2026-03-30T00:00:00+02:00')).minutes).toBe(60);
  });

  it('lists a day whose only interval falls in the spring gap as closed', () => {
    const cal = around('Europe/Paris', '02:00', '03:00');
    const r = cal.nextOpening(d('2026-03-28T12:00:00+01:00'));
    expect(iso(r.at)).toBe(iso(d('2026-03-30T02:00:00+02:00')));
    expect(r.explanation.skippedDays).toEqual([{ date: '2026-03-29', reason: 'closed' }]);
  });

  it('agrees with the oracle minute by minute around the spring and autumn changes in New York', () => {
    const def: CalendarDefinitionInput = { timeZone: 'America/New_York', week: everyDay('01:30', '02:30') };
    const cal = new BusinessCalendar(def);
    const oracle = createOracle(def);
    for (const start of ['2026-03-07T00:00:00Z', '2026-10-31T00:00:00Z']) {
      const from = d(start);
      const to = new Date(from.getTime() + 3 * 86_400_000);
      expect(cal.workingMinutesBetween(from, to).minutes).toBe(oracle.between(from, to));
      for (let t = from.getTime(); t < to.getTime(); t += 15 * 60_000) expect(cal.isOpenAt(new Date(t))).toBe(oracle.isOpenMinute(t));
    }
  });
});

describe('brand overrides', () => {
  const base = SEED_CALENDARS.carriHotline.definition;

  it('works on a library holiday listed in holidayRemovals', () => {
    const cal = new BusinessCalendar({ ...base, holidayRemovals: [{ date: '2026-05-01', note: 'we work on Labour Day' }] });
    expect(iso(cal.addWorkingMinutes(d('2026-04-30T17:00:00+02:00'), 120).at)).toBe(iso(d('2026-05-01T10:00:00+02:00')));
    expect(cal.holidaysInYear(2026).find((h) => h.date === '2026-05-01')).toEqual({ date: '2026-05-01', name: 'Fête du travail', source: 'library', removed: true });
  });

  it('closes a day listed in holidayAdditions', () => {
    const cal = new BusinessCalendar({ ...base, holidayAdditions: [{ date: '2026-11-27', name: 'Inventory' }] });
    const r = cal.addWorkingMinutes(d('2026-11-26T17:00:00+01:00'), 120);
    expect(iso(r.at)).toBe(iso(d('2026-11-30T10:00:00+01:00')));
    expect(r.explanation.skippedDays[0]).toEqual({ date: '2026-11-27', reason: 'holiday', name: 'Inventory' });
    expect(cal.holidaysInYear(2026)).toContainEqual({ date: '2026-11-27', name: 'Inventory', source: 'added', removed: false });
    expect(cal.closedDays('2026-11-26', '2026-11-30')).toEqual([
      { date: '2026-11-27', reason: 'holiday', name: 'Inventory' },
      { date: '2026-11-28', reason: 'weekend' },
      { date: '2026-11-29', reason: 'weekend' },
    ]);
  });

  it('blocks part of a day with a closure and explains it', () => {
    const training = { start: '2026-11-23T14:00:00+01:00', end: '2026-11-23T16:00:00+01:00', reason: 'Staff training' };
    const cal = new BusinessCalendar({ ...base, closures: [training] });
    const r = cal.addWorkingMinutes(d('2026-11-23T13:30:00+01:00'), 60);
    expect(iso(r.at)).toBe(iso(d('2026-11-23T16:30:00+01:00')));
    expect(r.explanation.closures).toEqual([training]);
    expect(r.explanation.skippedDays).toEqual([]);
    expect(cal.isOpenAt(d('2026-11-23T15:00:00+01:00'))).toBe(false);
    // A closure outside the span is not mentioned.
    expect(cal.addWorkingMinutes(d('2026-11-23T09:00:00+01:00'), 60).explanation.closures).toEqual([]);
  });

  it('lists a day whose opening hours a closure covers as closed by that closure', () => {
    const move = { start: '2026-11-24T00:00:00+01:00', end: '2026-11-25T12:00:00+01:00', reason: 'Office move' };
    const cal = new BusinessCalendar({ ...base, closures: [move] });
    // 30 min on Monday, none on Tuesday, 12:00–12:15 on Wednesday, then 15 min after lunch.
    const r = cal.addWorkingMinutes(d('2026-11-23T17:30:00+01:00'), 60);
    expect(iso(r.at)).toBe(iso(d('2026-11-25T13:45:00+01:00')));
    expect(r.explanation.skippedDays).toEqual([{ date: '2026-11-24', reason: 'closure', name: 'Office move' }]);
    expect(r.explanation.closures).toEqual([move]);
  });

  it('closes Swedish midsummer eve only when bank holidays are selected', () => {
    const week = { mon: [{ start: '09:00', end: '17:00' }], fri: [{ start: '09:00', end: '17:00' }] };
    const publicOnly = new BusinessCalendar({ timeZone: 'Europe/Stockholm', week, holidays: { country: 'SE' } });
    const withBank = new BusinessCalendar({ timeZone: 'Europe/Stockholm', week, holidays: { country: 'SE', types: ['public', 'bank'] } });
    expect(publicOnly.isOpenAt(d('2026-06-19T10:00:00+02:00'))).toBe(true);
    expect(withBank.isOpenAt(d('2026-06-19T10:00:00+02:00'))).toBe(false);
    expect(withBank.closedDays('2026-06-19', '2026-06-19')).toEqual([{ date: '2026-06-19', reason: 'holiday', name: 'midsommarafton' }]);
  });
});

describe('arguments and guards', () => {
  it('handles fractions of a minute in milliseconds', () => {
    expect(carri.workingMinutesBetween(d('2026-11-23T09:00:00+01:00'), d('2026-11-23T09:00:30+01:00')).minutes).toBe(0.5);
    expect(iso(carri.addWorkingMinutes(d('2026-11-23T09:00:00+01:00'), 0.5).at)).toBe(iso(d('2026-11-23T09:00:30+01:00')));
  });

  it('returns 0 working minutes for an empty or reversed span', () => {
    const r = carri.workingMinutesBetween(d('2026-11-24T10:00:00+01:00'), d('2026-11-23T10:00:00+01:00'));
    expect(r.minutes).toBe(0);
    expect(r.explanation.skippedDays).toEqual([]);
    expect(carri.workingMinutesBetween(d('2026-11-24T10:00:00+01:00'), d('2026-11-24T10:00:00+01:00')).minutes).toBe(0);
  });

  it('throws CALENDAR_NEVER_OPEN for a week without any interval instead of looping', () => {
    const closed = new BusinessCalendar({ timeZone: 'Europe/Paris', week: {} });
    expect(appErrorCode(() => closed.addWorkingMinutes(d('2026-11-23T10:00:00Z'), 60))).toBe('CALENDAR_NEVER_OPEN');
    expect(appErrorCode(() => closed.nextOpening(d('2026-11-23T10:00:00Z')))).toBe('CALENDAR_NEVER_OPEN');
    expect(closed.isOpenAt(d('2026-11-23T10:00:00Z'))).toBe(false);
    expect(closed.workingMinutesBetween(d('2026-11-23T10:00:00Z'), d('2026-11-30T10:00:00Z')).minutes).toBe(0);
  });

  it('throws CALENDAR_HORIZON_EXCEEDED when nothing opens within ten years', () => {
    const cal = new BusinessCalendar({ ...SEED_CALENDARS.carriHotline.definition, closures: [{ start: '2026-01-01T00:00:00Z', end: '2040-01-01T00:00:00Z', reason: 'Closed' }] });
    expect(appErrorCode(() => cal.nextOpening(d('2026-06-01T00:00:00Z')))).toBe('CALENDAR_HORIZON_EXCEEDED');
    expect(appErrorCode(() => carri.addWorkingMinutes(d('2026-06-01T00:00:00Z'), 10_000_000))).toBe('CALENDAR_HORIZON_EXCEEDED');
  });

  it('refuses invalid dates and negative minutes', () => {
    expect(appErrorCode(() => carri.addWorkingMinutes(new Date('nope'), 1))).toBe('CALENDAR_INVALID_ARGUMENT');
    expect(appErrorCode(() => carri.addWorkingMinutes(d('2026-11-23T10:00:00Z'), -1))).toBe('CALENDAR_INVALID_ARGUMENT');
    expect(appErrorCode(() => carri.closedDays('2026-02-30', '2026-03-01'))).toBe('CALENDAR_INVALID_ARGUMENT');
  });

  it('validates its definition when constructed', () => {
    expect(appErrorCode(() => new BusinessCalendar({ timeZone: 'Europe/Pariss', week: {} }))).toBe('VALIDATION_FAILED');
  });
});

describe('days whose hours replace the week (issue 14, item 11)', () => {
  const moscow = new BusinessCalendar({
    timeZone: 'Europe/Moscow',
    week: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [{ start: '09:00', end: '18:00' }], thu: [{ start: '09:00', end: '18:00' }], fri: [{ start: '09:00', end: '18:00' }] },
    holidays: { country: 'RU' },
    dayOverrides: [
      { date: '2026-04-30', intervals: [{ start: '09:00', end: '17:00' }], reason: 'Предпраздничный день' },
      { date: '2026-11-07', intervals: [{ start: '10:00', end: '14:00' }], reason: 'Рабочая суббота' },
    ],
  });
  it('shortens a pre-holiday day by its hour', () => {
    // Thursday 30 April 16:00 + 2 h: one hour that day (until 17:00), 1 May is a holiday, the weekend, then Monday 4 May 10:00.
    const r = moscow.addWorkingMinutes(d('2026-04-30T16:00:00+03:00'), 120);
    expect(iso(r.at)).toBe(iso(d('2026-05-04T10:00:00+03:00')));
    expect(r.explanation.adjustedDays).toEqual([{ date: '2026-04-30', kind: 'changed', reason: 'Предпраздничный день' }]);
  });
  it('opens a Saturday worked in place of another day', () => {
    expect(moscow.isOpenAt(d('2026-11-07T11:00:00+03:00'))).toBe(true);
    expect(moscow.isOpenAt(d('2026-11-07T15:00:00+03:00'))).toBe(false);
    // Friday 6 November 17:00 + 2 h: one hour on Friday, one on the working Saturday.
    const r = moscow.addWorkingMinutes(d('2026-11-06T17:00:00+03:00'), 120);
    expect(iso(r.at)).toBe(iso(d('2026-11-07T11:00:00+03:00')));
    expect(r.explanation.adjustedDays).toEqual([{ date: '2026-11-07', kind: 'opened', reason: 'Рабочая суббота' }]);
    expect(r.explanation.skippedDays).toEqual([]);
  });
  it('refuses two overrides of one date, and an override with no hours, naming the field', () => {
    const dup = () => new BusinessCalendar({ timeZone: 'Europe/Moscow', week: { mon: [{ start: '09:00', end: '18:00' }] }, dayOverrides: [{ date: '2026-11-07', intervals: [{ start: '10:00', end: '14:00' }], reason: 'a' }, { date: '2026-11-07', intervals: [{ start: '10:00', end: '12:00' }], reason: 'b' }] });
    expect(dup).toThrow(/dayOverrides\.1\.date/);
    const empty = () => new BusinessCalendar({ timeZone: 'Europe/Moscow', week: { mon: [{ start: '09:00', end: '18:00' }] }, dayOverrides: [{ date: '2026-11-07', intervals: [], reason: 'a' }] });
    expect(empty).toThrow(/dayOverrides\.0\.intervals/);
  });
});
