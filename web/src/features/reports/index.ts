/** What other parts of the web app use of the reports feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const ReportsPage = lazy(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage })));
