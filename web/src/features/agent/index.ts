/** What other parts of the web app use of the agent feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
export type { QueueParams } from './filters';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const QueuePage = lazy(() => import('./QueuePage').then((m) => ({ default: m.QueuePage })));
export const AgentTicketPage = lazy(() => import('./AgentTicketPage').then((m) => ({ default: m.AgentTicketPage })));
export const NewTicketPage = lazy(() => import('./NewTicketPage').then((m) => ({ default: m.NewTicketPage })));
export const ProofsPage = lazy(() => import('./ProofsPage').then((m) => ({ default: m.ProofsPage })));
