/** What other parts of the web app use of the returns feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
export { ReturnPanel } from './ReturnPanel';
export { useTicketReturn } from './returns.api';
export type { Return } from './returns.api';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const ReceivingPage = lazy(() => import('./ReceivingPage').then((m) => ({ default: m.ReceivingPage })));
export const ReturnsQueuePage = lazy(() => import('./ReturnsQueuePage').then((m) => ({ default: m.ReturnsQueuePage })));
