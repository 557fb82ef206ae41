/** A run of text, and whether it matched the search: always rendered as text, never as HTML. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Lower case without accents, one folded string per character (ß and İ may fold to two). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Cuts a text into runs, marking each place a word of the query occurs, with case and accents
 * folded as the server folds names: "ionescu" marks "Ionescu", "francois" marks "François".
 */
export function markWords(text: string, query: string): Segment[] {
  const words = [...new Set(query.split(/\s+/).map(fold).filter((w) => w.length >= 2))];
  if (words.length === 0 || !text) return text ? [{ text, match: false }] : [];
  // Fold character by character, remembering which original character each folded one came from.
  const chars = Array.from(text);
  let folded = '';
  const origin: number[] = [];
  chars.forEach((c, i) => {
    const f = fold(c);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const w of words) {
    for (let at = folded.indexOf(w); at !== -1; at = folded.indexOf(w, at + 1)) {
      for (let k = at; k < at + w.length; k++) marked[origin[k]!] = true;
    }
  }
  const out: Segment[] = [];
  chars.forEach((c, i) => {
    const last = out.at(-1);
    if (last && last.match === marked[i]) last.text += c;
    else out.push({ text: c, match: marked[i]! });
  });
  return out;
}

/** The server's marks where it found any (stemmed words), else the query's words marked here. */
export function highlightOf(text: string, query: string | undefined, server?: readonly Segment[]): Segment[] {
  if (server?.some((s) => s.match)) return [...server];
  return query ? markWords(text, query) : [{ text, match: false }];
}
