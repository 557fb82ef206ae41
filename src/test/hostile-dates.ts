/**
 * Instants that break tests which read the machine's clock (issue 8). CI runs the calendar,
 * service-level and browser suites again at each, with the server's clock (APRES_TEST_NOW) and
 * the test process's own Date set there. A test that passes at one and fails at another depends
 * on the date: fix the test.
 */
export const HOSTILE_INSTANTS: readonly { at: string; why: string }[] = [
  { at: '2026-12-05T18:30:00Z', why: 'Saturday evening (19:30 Paris, 21:30 Moscow)' },
  { at: '2026-12-24T16:30:00Z', why: 'eve of a French public holiday (Christmas Eve, 17:30 Paris)' },
  { at: '2027-02-22T15:00:00Z', why: 'eve of a Russian public holiday (Defender of the Fatherland Day, 18:00 Moscow)' },
  { at: '2027-03-28T00:30:00Z', why: 'night of the DST change in Paris (01:30 CET, half an hour before clocks jump to 03:00)' },
  { at: '2026-12-31T20:30:00Z', why: '31 December 23:30 in Moscow (the New Year holidays start in half an hour)' },
  { at: '2028-02-29T09:00:00Z', why: '29 February 2028 (leap day)' },
];

/** The suites whose answers depend on the date, run again at each hostile instant (PGlite only: a date bug does not depend on the store). */
export const DATE_SUITES: readonly string[] = ['src/modules/calendars', 'src/modules/sla', 'web/src/features/sla', 'web/src/features/admin', 'web/src/i18n'];
