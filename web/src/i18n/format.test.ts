import { describe, expect, it } from 'vitest';
import { formatDateTime, formatPlainDate, pickLocalised, zoneName } from './format';

describe('formatDateTime', () => {
  const iso = '2026-11-20T07:30:00Z';

  it('renders the instant in the brand time zone', () => {
    expect(formatDateTime(iso, 'en', 'Europe/Moscow')).toContain('10:30');
    expect(formatDateTime(iso, 'en', 'Europe/Paris')).toContain('08:30');
    expect(formatDateTime(iso, 'ro', 'Europe/Bucharest')).toContain('09:30');
  });

  it('uses the language of the user', () => {
    expect(formatDateTime(iso, 'fr', 'Europe/Paris')).toMatch(/nov/);
    expect(formatDateTime(iso, 'ru', 'Europe/Moscow')).toMatch(/нояб/);
  });

  it('names the zone as the service-level panel does, one label per page', () => {
    expect(formatDateTime(iso, 'en', 'Europe/Moscow', { withZone: true })).toMatch(/10:30 \(Moscow Standard Time\)$/);
    expect(formatDateTime(iso, 'ru', 'Europe/Moscow', { withZone: true })).toContain(`(${zoneName('Europe/Moscow', 'ru', new Date(iso))})`);
  });

  it('survives a missing or unknown time zone', () => {
    expect(formatDateTime(iso, 'en', 'Not/AZone')).toMatch(/2026/);
    expect(formatDateTime(null, 'en')).toBe('—');
  });
});

describe('formatPlainDate', () => {
  it('does not shift a calendar date across time zones', () => {
    expect(formatPlainDate('2026-01-01', 'en')).toBe('1 January 2026');
  });
});

describe('pickLocalised', () => {
  it('prefers the user language, then the brand language, then English', () => {
    const l = { ru: 'Версия', en: 'Version' };
    expect(pickLocalised(l, 'ru', 'ru')).toBe('Версия');
    expect(pickLocalised(l, 'sv', 'ru')).toBe('Версия');
    expect(pickLocalised(l, 'sv')).toBe('Version');
  });
});

describe('formatDateTime in tables', () => {
  it('leaves this year out, and only this year', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(formatDateTime('2026-11-20T07:30:00Z', 'en', 'Europe/Paris', { compact: true, now })).toBe('20 Nov, 08:30');
    expect(formatDateTime('2025-11-20T07:30:00Z', 'en', 'Europe/Paris', { compact: true, now })).toBe('20 Nov 2025, 08:30');
  });
});
