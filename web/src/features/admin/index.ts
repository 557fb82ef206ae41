/** What other parts of the web app use of the admin feature: enter it here, never through its files (STYLE.md). */
import { lazy } from 'react';
export { useQuarantineCount } from './admin.api';
// Its pages load on first use: a customer never downloads the desk, nor the reverse.
export const UsersPage = lazy(() => import('./UsersPage').then((m) => ({ default: m.UsersPage })));
export const GroupsPage = lazy(() => import('./GroupsPage').then((m) => ({ default: m.GroupsPage })));
export const OrganisationsPage = lazy(() => import('./OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));
export const ApiTokensPage = lazy(() => import('./ApiTokensPage').then((m) => ({ default: m.ApiTokensPage })));
export const QuarantinePage = lazy(() => import('./QuarantinePage').then((m) => ({ default: m.QuarantinePage })));
export const OutboxPage = lazy(() => import('./OutboxPage').then((m) => ({ default: m.OutboxPage })));
export const MailboxesPage = lazy(() => import('./MailboxesPage').then((m) => ({ default: m.MailboxesPage })));
export const CalendarsPage = lazy(() => import('./CalendarsPage').then((m) => ({ default: m.CalendarsPage })));
export const CalendarEditorPage = lazy(() => import('./CalendarEditorPage').then((m) => ({ default: m.CalendarEditorPage })));
export const LawCheckPage = lazy(() => import('./LawCheckPage').then((m) => ({ default: m.LawCheckPage })));
export const PoliciesPage = lazy(() => import('./PoliciesPage').then((m) => ({ default: m.PoliciesPage })));
export const BrandAdminPage = lazy(() => import('./BrandSettingsPage').then((m) => ({ default: m.BrandAdminPage })));
export const CatalogPage = lazy(() => import('./CatalogPage').then((m) => ({ default: m.CatalogPage })));
