/**
 * Serial numbers in free text (issue 11, item 7): each model's own patterns find its serials in a
 * ticket's subject and description, a portal form or an e-mail — with or without "S/N" before
 * them, two in one mail (seed 002). Pure: patterns in, serials out, each once, as written.
 */
export function findSerials(text: string, patterns: readonly string[]): string[] {
  const found = new Map<string, string>();
  for (const p of patterns) {
    let re: RegExp;
    try {
      // Whole tokens only: "CA-HALO-4815169" is not "CA-HALO-481516".
      re = new RegExp(`(?<![A-Za-z0-9])(?:${p})(?![A-Za-z0-9])`, 'giu');
    } catch {
      continue;
    }
    for (const m of text.matchAll(re)) if (!found.has(m[0].toUpperCase())) found.set(m[0].toUpperCase(), m[0]);
    if (found.size >= 50) break;
  }
  return [...found.values()].slice(0, 50);
}

/** Whether an admin's pattern is a regular expression this engine can use (checked when it is saved). */
export function isUsablePattern(p: string): boolean {
  try {
    new RegExp(p, 'u');
    return p.length > 0 && p.length <= 200;
  } catch {
    return false;
  }
}
