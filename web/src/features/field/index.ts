/** What other parts of the web app use of the field feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
export { VisitPanel } from './VisitPanel';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const VisitsPage = lazy(() => import('./VisitsPage').then((m) => ({ default: m.VisitsPage })));
