/**
 * System entries carry a machine prefix the UI translates. The server writes a merge as
 * `merged:<number>\n<subject>\n\n<description>` (src/modules/tickets/ticket-merge.service.ts).
 */
export type SystemEvent = { event: 'merged'; number: string; subject: string; text: string };

export function parseSystemEntry(body: string): SystemEvent | null {
  const m = /^merged:(\S+)\n([^\n]*)(?:\n\n([\s\S]*))?$/.exec(body);
  if (!m) return null;
  return { event: 'merged', number: m[1] ?? '', subject: m[2] ?? '', text: m[3] ?? '' };
}
