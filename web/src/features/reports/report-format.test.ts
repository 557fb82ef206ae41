import { describe, expect, it } from 'vitest';
import { formatDay, formatHours } from './report-format';

describe('report dates and hours', () => {
  it('shows the brand-local day as written, in the reader\'s language, whatever the browser zone', () => {
    expect(formatDay('2026-03-02', 'fr', 'long')).toBe('2 mars 2026');
    expect(formatDay('2026-03-02', 'en', 'long')).toBe('2 March 2026');
    expect(formatDay('2026-03-02', 'ru', 'short')).toMatch(/^2 мар/);
  });
  it('writes hours with the decimal mark of the language', () => {
    expect(formatHours(41.75, 'fr')).toMatch(/^41,8\s?h$/);
    expect(formatHours(41.75, 'en')).toBe('41.8 hrs');
  });
});
