/** What other parts of the web app use of the desk feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
export { BulkBar } from './BulkBar';
export { MacroPicker } from './MacroPicker';
export { SavedViews } from './SavedViews';
export { ShortcutsModal } from './ShortcutsModal';
export { TicketTools } from './TicketTools';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const MacrosPage = lazy(() => import('./MacrosPage').then((m) => ({ default: m.MacrosPage })));
