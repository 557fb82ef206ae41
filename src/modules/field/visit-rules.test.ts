import { describe, expect, it } from 'vitest';
import { BusinessCalendar, SEED_CALENDARS } from '../calendars/index.ts';
import { checkWindow, decideVisit, overlaps, type VisitFacts } from './visit-rules.ts';

const base: VisitFacts = { warrantyOutcome: 'commercial_warranty', coverageKind: 'commercial_warranty', contractLevel: 'premium', onsiteContractLevels: ['premium'], customerAcceptsCharges: false };
const at = (patch: Partial<VisitFacts>) => decideVisit({ ...base, ...patch });

describe('decideVisit', () => {
  it('sends a technician free of charge when the unit is covered and the contract includes on-site', () => {
    expect(at({})).toEqual({ allowed: true, billable: false, rule: 'covered_onsite_contract' });
    expect(at({ warrantyOutcome: 'legal_guarantee', coverageKind: 'legal_guarantee' })).toEqual({ allowed: true, billable: false, rule: 'covered_onsite_contract' });
    expect(at({ warrantyOutcome: 'service_contract', coverageKind: 'service_contract' }).rule).toBe('covered_onsite_contract');
  });

  it('refuses a visit the contract does not include, unless the customer accepts a billable one', () => {
    expect(at({ contractLevel: 'standard' })).toEqual({ allowed: false, billable: true, rule: 'onsite_not_in_contract', needsConsent: true });
    expect(at({ onsiteContractLevels: [] })).toMatchObject({ allowed: false, rule: 'onsite_not_in_contract' });
    expect(at({ contractLevel: 'standard', customerAcceptsCharges: true })).toEqual({ allowed: true, billable: true, rule: 'onsite_not_in_contract' });
  });

  it('bills a visit out of coverage (seed 000: "moyennant des frais supplémentaires"), even on a premium contract', () => {
    expect(at({ warrantyOutcome: 'none', coverageKind: null })).toEqual({ allowed: false, billable: true, rule: 'out_of_coverage', needsConsent: true });
    expect(at({ warrantyOutcome: 'none', coverageKind: null, customerAcceptsCharges: true })).toEqual({ allowed: true, billable: true, rule: 'out_of_coverage' });
  });

  it('bills a visit whose coverage is not established (no proof of purchase) only with consent', () => {
    expect(at({ warrantyOutcome: 'needs_information', coverageKind: null })).toMatchObject({ allowed: false, rule: 'coverage_unknown', needsConsent: true });
    expect(at({ warrantyOutcome: 'needs_information', coverageKind: null, customerAcceptsCharges: true })).toEqual({ allowed: true, billable: true, rule: 'coverage_unknown' });
  });

  it('never sends anyone while a payment dispute blocks direct after-sales, paid or not', () => {
    expect(at({ warrantyOutcome: 'blocked', coverageKind: null, customerAcceptsCharges: true })).toEqual({ allowed: false, billable: false, rule: 'direct_service_blocked', needsConsent: false });
  });
});

describe('checkWindow (seed 000: Mon–Fri 9:00–12:15 and 13:30–18:00 Paris, French holidays off)', () => {
  const carri = new BusinessCalendar(SEED_CALENDARS.carriHotline.definition);
  const now = new Date('2026-11-30T08:00:00Z');
  const w = (start: string, end: string) => checkWindow(carri, new Date(start), new Date(end), now);

  it('accepts a window inside a morning or an afternoon', () => {
    expect(w('2026-12-01T09:00:00+01:00', '2026-12-01T12:15:00+01:00')).toBeNull();
    expect(w('2026-12-01T14:00:00+01:00', '2026-12-01T18:00:00+01:00')).toBeNull();
  });

  it('refuses a window across the lunch break, before opening, at night or on a weekend', () => {
    expect(w('2026-12-01T11:00:00+01:00', '2026-12-01T14:00:00+01:00')).toMatchObject({ reason: 'outside_working_time', workingMinutes: 105, windowMinutes: 180 });
    expect(w('2026-12-01T08:30:00+01:00', '2026-12-01T10:00:00+01:00')).toMatchObject({ reason: 'outside_working_time', workingMinutes: 60 });
    expect(w('2026-12-05T10:00:00+01:00', '2026-12-05T11:00:00+01:00')).toMatchObject({ reason: 'outside_working_time', workingMinutes: 0, closedDays: [{ date: '2026-12-05', reason: 'weekend' }] });
  });

  it('refuses a French public holiday, naming it (Christmas, 25 Dec 2026 is a Friday)', () => {
    const p = w('2026-12-25T10:00:00+01:00', '2026-12-25T11:00:00+01:00');
    expect(p).toMatchObject({ reason: 'outside_working_time', workingMinutes: 0, closedDays: [{ date: '2026-12-25', reason: 'holiday' }] });
  });

  it('follows the clock change: 9:00 Paris is 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(w('2027-03-30T07:00:00Z', '2027-03-30T08:00:00Z')).toBeNull();
    expect(w('2027-03-26T07:00:00Z', '2027-03-26T08:00:00Z')).toMatchObject({ reason: 'outside_working_time', workingMinutes: 0 });
  });

  it('refuses an empty or reversed window, one in the past, and one longer than a day', () => {
    expect(w('2026-12-01T10:00:00+01:00', '2026-12-01T10:00:00+01:00')).toEqual({ reason: 'end_before_start' });
    expect(w('2026-11-27T10:00:00+01:00', '2026-11-27T11:00:00+01:00')).toEqual({ reason: 'in_the_past' });
    expect(checkWindow(null, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T13:00:00Z'), now)).toMatchObject({ reason: 'too_long' });
  });

  it('places no working-time limit when the brand has no calendar', () => {
    expect(checkWindow(null, new Date('2026-12-05T22:00:00Z'), new Date('2026-12-05T23:00:00Z'), now)).toBeNull();
  });
});

describe('overlaps', () => {
  const iv = (a: number, b: number) => ({ start: new Date(a * 60_000), end: new Date(b * 60_000) });
  it('sees windows that share a minute, not back-to-back ones', () => {
    expect(overlaps(iv(0, 60), iv(59, 120))).toBe(true);
    expect(overlaps(iv(0, 60), iv(60, 120))).toBe(false);
    expect(overlaps(iv(10, 20), iv(0, 60))).toBe(true);
  });
});
