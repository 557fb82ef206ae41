import { describe, expect, it } from 'vitest';
import { redactTokens } from './app.ts';

describe('redactTokens (what the request log keeps of a URL)', () => {
  it('replaces the value of every token parameter, whatever its place or case, and keeps the rest', () => {
    expect(redactTokens('/api/v1/technicians/abc/calendar.ics?token=s3cr3t')).toBe('/api/v1/technicians/abc/calendar.ics?token=[redacted]');
    expect(redactTokens('/x?a=1&TOKEN=s3cr3t&b=2#frag')).toBe('/x?a=1&TOKEN=[redacted]&b=2#frag');
    expect(redactTokens('/x?mytoken=keep&a=token=keep')).toBe('/x?mytoken=keep&a=token=keep');
    expect(redactTokens('/api/v1/visits')).toBe('/api/v1/visits');
    // A quote's e-mail link carries its signed token in the page's path.
    expect(redactTokens('/quote/eyJxIjoi.abc-def?utm=1')).toBe('/quote/[redacted]?utm=1');
    expect(redactTokens('/api/v1/quote-links?token=eyJxIjoi.abc')).toBe('/api/v1/quote-links?token=[redacted]');
  });
});
