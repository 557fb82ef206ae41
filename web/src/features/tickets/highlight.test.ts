import { describe, expect, it } from 'vitest';
import { highlightOf, markWords } from './highlight';

describe('markWords', () => {
  it('marks every word of the query, case and accents folded', () => {
    expect(markWords('Maria Ionescu', 'ionescu')).toEqual([
      { text: 'Maria ', match: false },
      { text: 'Ionescu', match: true },
    ]);
    expect(markWords('François Ștefănescu', 'francois stefanescu').filter((s) => s.match).map((s) => s.text)).toEqual(['François', 'Ștefănescu']);
  });

  it('keeps markup as text and leaves a text without matches whole', () => {
    expect(markWords('<b>Camille</b>', 'camille')).toEqual([
      { text: '<b>', match: false },
      { text: 'Camille', match: true },
      { text: '</b>', match: false },
    ]);
    expect(markWords('Jean Dupont', 'x')).toEqual([{ text: 'Jean Dupont', match: false }]);
  });
});

describe('highlightOf', () => {
  it("prefers the server's stemmed marks and falls back to the query's words", () => {
    const server = [{ text: 'bourrages', match: true }, { text: ' papier', match: false }];
    expect(highlightOf('bourrages papier', 'bourrage', server)).toEqual(server);
    expect(highlightOf('Camille Bernard', 'camille', [{ text: 'Camille Bernard', match: false }])[0]).toEqual({ text: 'Camille', match: true });
  });
});
