import { describe, expect, it } from 'vitest';
import { parseSystemEntry } from './system-entry';

describe('parseSystemEntry', () => {
  it('reads the merge marker the server writes', () => {
    expect(parseSystemEntry('merged:SID-0000037\nCititor nu pornește\n\nNu mai pornește.\nDeloc.')).toEqual({
      event: 'merged',
      number: 'SID-0000037',
      subject: 'Cititor nu pornește',
      text: 'Nu mai pornește.\nDeloc.',
    });
  });

  it('leaves any other system text alone', () => {
    expect(parseSystemEntry('Status changed')).toBeNull();
  });
});
