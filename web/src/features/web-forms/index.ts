/** What other parts of the web app use of the web-forms feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const PublicFormPage = lazy(() => import('./PublicFormPage').then((m) => ({ default: m.PublicFormPage })));
export const ActivateAccountPage = lazy(() => import('./ActivateAccountPage').then((m) => ({ default: m.ActivateAccountPage })));
export const WebFormsAdminPage = lazy(() => import('./WebFormsAdminPage').then((m) => ({ default: m.WebFormsAdminPage })));
