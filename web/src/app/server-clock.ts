/**
 * "Now" in the web app is the server's now, never the browser's clock: a due time's year, the
 * earliest planned date, a preview's start — all read it here. Every API response carries the
 * server's instant in `x-apres-now`; between responses it advances by the page's monotonic time,
 * so a visitor whose computer is set to another day or zone still sees the desk's truth.
 */
let serverInstantMs: number | null = null;
let receivedAtMs = 0;

export function noteServerNow(header: string | null): void {
  if (!header) return;
  const ms = Date.parse(header);
  if (Number.isNaN(ms)) return;
  serverInstantMs = ms;
  receivedAtMs = performance.now();
}

export function serverNow(): Date {
  // Before the first answer (the login page), the browser's clock is all there is.
  if (serverInstantMs === null) return new Date();
  return new Date(serverInstantMs + (performance.now() - receivedAtMs));
}
