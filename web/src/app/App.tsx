import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ForgotPasswordPage, HomeRedirect, LoginPage, RequireRole, ResetPasswordPage, WelcomePage } from '../features/auth';
import { NotFound } from '../features/common';
import { AppLayout } from '../features/layout';
// Each side of the app loads on first use (the features export their pages lazily): a customer
// never downloads the desk, nor the reverse.
import { AgentTicketPage, NewTicketPage, ProofsPage, QueuePage } from '../features/agent';
import { ApiTokensPage, BrandAdminPage, CalendarEditorPage, CalendarsPage, CatalogPage, GroupsPage, LawCheckPage, MailboxesPage, OrganisationsPage, OutboxPage, PoliciesPage, QuarantinePage, UsersPage } from '../features/admin';
import { MacrosPage } from '../features/desk';
import { MyOrdersPage, MyTicketsPage, PortalNewTicketPage, PortalTicketPage } from '../features/portal';
import { NotificationPreferencesPage } from '../features/notifications';
import { QuoteLinkPage, WorkshopBoardPage } from '../features/workshop';
import { ReceivingPage, ReturnsQueuePage } from '../features/returns';
import { ReportsPage } from '../features/reports';
import { ServiceCentresPage } from '../features/service-centres';
import { VisitsPage } from '../features/field';
import { ActivateAccountPage, PublicFormPage, WebFormsAdminPage } from '../features/web-forms';
import { LocaleSync } from './LocaleSync';
import { createQueryClient } from './queryClient';
import { theme } from './theme';

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
            <Route path="/welcome" element={<WelcomePage />} />
            <Route path="/quote/:token" element={<QuoteLinkPage />} />
            <Route path="/f/:slug" element={<PublicFormPage />} />
            <Route path="/activate-account" element={<ActivateAccountPage />} />
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
              <Route path="notifications" element={<NotificationPreferencesPage />} />
              <Route path="receiving" element={<ReceivingPage />} />
              <Route path="returns" element={<ReturnsQueuePage />} />
              <Route path="visits" element={<VisitsPage />} />
              <Route path="workshop" element={<WorkshopBoardPage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="macros" element={<MacrosPage />} />
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
              <Route path="users" element={<UsersPage />} />
              <Route path="groups" element={<GroupsPage />} />
              <Route path="organisations" element={<OrganisationsPage />} />
              <Route path="api-tokens" element={<ApiTokensPage />} />
              <Route path="mailboxes" element={<MailboxesPage />} />
              <Route path="outbox" element={<OutboxPage />} />
              <Route path="web-forms" element={<WebFormsAdminPage />} />
              <Route path="calendars" element={<CalendarsPage />} />
              <Route path="calendars/:id" element={<CalendarEditorPage />} />
              <Route path="sla-policies" element={<PoliciesPage />} />
              <Route path="law-check" element={<LawCheckPage />} />
              <Route path="catalog" element={<CatalogPage />} />
              <Route path="brands" element={<BrandAdminPage />} />
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
