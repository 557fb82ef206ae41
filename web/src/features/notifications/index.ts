/** What other parts of the web app use of the notifications feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
export { LiveTicket } from './LiveTicket';
export { NotificationBell } from './NotificationBell';
export { useLiveEvents } from './live-events';
export { useUnseenTickets } from './notifications.api';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const NotificationPreferencesPage = lazy(() => import('./NotificationPreferencesPage').then((m) => ({ default: m.NotificationPreferencesPage })));
