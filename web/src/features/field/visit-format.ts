import type { Locale } from '../../api/types';
import { formatDateTime, intlTag, toZonedWall } from '../../i18n';

/**
 * A visit's window in the brand's time zone: "11 juin 2026, 09:00 – 11:00 UTC+2" when it lies
 * within one day (always, as the brand's working hours go), both full dates otherwise.
 */
export function formatWindow(start: string, end: string, locale: Locale, timeZone: string): string {
  if (toZonedWall(start, timeZone).slice(0, 10) !== toZonedWall(end, timeZone).slice(0, 10)) {
    return `${formatDateTime(start, locale, timeZone)} – ${formatDateTime(end, locale, timeZone, { withZone: true })}`;
  }
  const endTime = new Intl.DateTimeFormat(intlTag(locale), { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(end));
  return `${formatDateTime(start, locale, timeZone)} – ${endTime}`;
}
