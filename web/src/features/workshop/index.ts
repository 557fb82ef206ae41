/** What other parts of the web app use of the workshop feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
export { WorkshopPanel } from './WorkshopPanel';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const WorkshopBoardPage = lazy(() => import('./WorkshopBoardPage').then((m) => ({ default: m.WorkshopBoardPage })));
export const QuoteLinkPage = lazy(() => import('./QuoteLinkPage').then((m) => ({ default: m.QuoteLinkPage })));
