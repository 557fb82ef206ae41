import { describe, expect, it } from 'vitest';
import { findSerials, isUsablePattern } from './serial-finder.ts';

describe('serials in free text', () => {
  const patterns = ['CA-HALO-\\d{6}', 'CA-AURA-\\d{6}', 'RT800-\\d{6}'];

  it('finds each model’s serials with or without a keyword, two in one mail (seed 002)', () => {
    const mail = 'Hej! Två laddboxar startar inte: CA-HALO-220198 och ca-halo-220199. Den tredje (S/N CA-AURA-551020) fungerar.';
    expect(findSerials(mail, patterns)).toEqual(['CA-HALO-220198', 'ca-halo-220199', 'CA-AURA-551020']);
  });

  it('takes whole tokens only, and each serial once', () => {
    expect(findSerials('RT800-2045189 et XRT800-204518 ne sont pas des séries.', patterns)).toEqual([]);
    expect(findSerials('RT800-204518, encore RT800-204518 et rt800-204518', patterns)).toEqual(['RT800-204518']);
  });

  it('skips a pattern that is not a usable regular expression', () => {
    expect(isUsablePattern('CA-(HALO')).toBe(false);
    expect(isUsablePattern('CA-HALO-\\d{6}')).toBe(true);
    expect(findSerials('CA-HALO-220198', ['CA-(HALO', 'CA-HALO-\\d{6}'])).toEqual(['CA-HALO-220198']);
  });
});
