import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { HomeRedirect, RequireRole } from '../features/auth/guards';
import { LoginPage } from '../features/auth/LoginPage';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/PasswordResetPages';
import { NotFound } from '../features/common/states';
import { AppLayout } from '../features/layout/AppLayout';
import { LocaleSync } from './LocaleSync';
import { createQueryClient } from './queryClient';
import { theme } from './theme';

// Each side of the app loads on first use: a customer never downloads the desk, nor the reverse.
const QueuePage = lazy(() => import('../features/agent/QueuePage').then((m) => ({ default: m.QueuePage })));
const AgentTicketPage = lazy(() => import('../features/agent/AgentTicketPage').then((m) => ({ default: m.AgentTicketPage })));
const NewTicketPage = lazy(() => import('../features/agent/NewTicketPage').then((m) => ({ default: m.NewTicketPage })));
const MyTicketsPage = lazy(() => import('../features/portal/MyTicketsPage').then((m) => ({ default: m.MyTicketsPage })));
const PortalNewTicketPage = lazy(() => import('../features/portal/PortalNewTicketPage').then((m) => ({ default: m.PortalNewTicketPage })));
const QuarantinePage = lazy(() => import('../features/admin/QuarantinePage').then((m) => ({ default: m.QuarantinePage })));
const OutboxPage = lazy(() => import('../features/admin/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const MailboxesPage = lazy(() => import('../features/admin/MailboxesPage').then((m) => ({ default: m.MailboxesPage })));
const CalendarsPage = lazy(() => import('../features/admin/CalendarsPage').then((m) => ({ default: m.CalendarsPage })));
const CalendarEditorPage = lazy(() => import('../features/admin/CalendarEditorPage').then((m) => ({ default: m.CalendarEditorPage })));
const LawCheckPage = lazy(() => import('../features/admin/LawCheckPage').then((m) => ({ default: m.LawCheckPage })));
const PoliciesPage = lazy(() => import('../features/admin/PoliciesPage').then((m) => ({ default: m.PoliciesPage })));
const CatalogPage = lazy(() => import('../features/admin/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const ProofsPage = lazy(() => import('../features/agent/ProofsPage').then((m) => ({ default: m.ProofsPage })));
const ReceivingPage = lazy(() => import('../features/returns/ReceivingPage').then((m) => ({ default: m.ReceivingPage })));
const ReturnsQueuePage = lazy(() => import('../features/returns/ReturnsQueuePage').then((m) => ({ default: m.ReturnsQueuePage })));
const MyOrdersPage = lazy(() => import('../features/portal/MyOrdersPage').then((m) => ({ default: m.MyOrdersPage })));
const ServiceCentresPage = lazy(() => import('../features/service-centres/ServiceCentresPage').then((m) => ({ default: m.ServiceCentresPage })));
const VisitsPage = lazy(() => import('../features/field/VisitsPage').then((m) => ({ default: m.VisitsPage })));
const WorkshopBoardPage = lazy(() => import('../features/workshop/WorkshopBoardPage').then((m) => ({ default: m.WorkshopBoardPage })));
const QuoteLinkPage = lazy(() => import('../features/workshop/QuoteLinkPage').then((m) => ({ default: m.QuoteLinkPage })));
const PortalTicketPage = lazy(() => import('../features/portal/PortalTicketPage').then((m) => ({ default: m.PortalTicketPage })));

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <LocaleSync />
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/quote/:token" element={<QuoteLinkPage />} />
            <Route path="/" element={<HomeRedirect />} />
            <Route
              path="/agent"
              element={
                <RequireRole area="staff">
                  <AppLayout />
                </RequireRole>
              }
            >
              <Route index element={<QueuePage />} />
              <Route path="new" element={<NewTicketPage />} />
              <Route path="tickets/:id" element={<AgentTicketPage />} />
              <Route path="proofs" element={<ProofsPage />} />
              <Route path="receiving" element={<ReceivingPage />} />
              <Route path="returns" element={<ReturnsQueuePage />} />
              <Route path="visits" element={<VisitsPage />} />
              <Route path="workshop" element={<WorkshopBoardPage />} />
              <Route path="*" element={<NotFound homeTo="/agent" />} />
            </Route>
            <Route
              path="/admin"
              element={
                <RequireRole area="admin">
                  <AppLayout />
                </RequireRole>
              }
            >
              <Route index element={<Navigate to="/admin/quarantine" replace />} />
              <Route path="quarantine" element={<QuarantinePage />} />
              <Route path="mailboxes" element={<MailboxesPage />} />
              <Route path="outbox" element={<OutboxPage />} />
              <Route path="calendars" element={<CalendarsPage />} />
              <Route path="calendars/:id" element={<CalendarEditorPage />} />
              <Route path="sla-policies" element={<PoliciesPage />} />
              <Route path="law-check" element={<LawCheckPage />} />
              <Route path="catalog" element={<CatalogPage />} />
              <Route path="*" element={<NotFound homeTo="/agent" />} />
            </Route>
            <Route
              path="/portal"
              element={
                <RequireRole area="portal">
                  <AppLayout />
                </RequireRole>
              }
            >
              <Route index element={<MyTicketsPage />} />
              <Route path="new" element={<PortalNewTicketPage />} />
              <Route path="tickets/:id" element={<PortalTicketPage />} />
              <Route path="orders" element={<MyOrdersPage />} />
              <Route path="service-centres" element={<ServiceCentresPage />} />
              <Route path="*" element={<NotFound homeTo="/portal" />} />
            </Route>
            <Route path="*" element={<StandaloneNotFound />} />
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

function StandaloneNotFound() {
  return (
    <div style={{ maxWidth: 560, margin: '80px auto', padding: 16 }}>
      <NotFound homeTo="/" />
    </div>
  );
}
