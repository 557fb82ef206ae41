/** What other parts of the web app use of the portal feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const MyTicketsPage = lazy(() => import('./MyTicketsPage').then((m) => ({ default: m.MyTicketsPage })));
export const PortalNewTicketPage = lazy(() => import('./PortalNewTicketPage').then((m) => ({ default: m.PortalNewTicketPage })));
export const MyOrdersPage = lazy(() => import('./MyOrdersPage').then((m) => ({ default: m.MyOrdersPage })));
export const PortalTicketPage = lazy(() => import('./PortalTicketPage').then((m) => ({ default: m.PortalTicketPage })));
