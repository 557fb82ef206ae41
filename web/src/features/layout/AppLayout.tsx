import { Anchor, AppShell, Badge, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBarcode, IconBox, IconCalendarTime, IconCertificate, IconGauge, IconInbox, IconLifebuoy, IconMail, IconMailbox, IconMailExclamation, IconMailForward, IconMapPin, IconPackage, IconPhone, IconPhonePlus, IconPlus, IconScale, IconTicket, IconTruckReturn, IconForms, IconBuildingStore, IconChartBar, IconTemplate, IconTool, IconBuildingCommunity, IconKey, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { isStaff } from '../../api/types';
import { useQuarantineCount } from '../admin';
import { useCurrentUser } from '../auth';
import { useBrands, BrandBand } from '../brands';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import { Suspense } from 'react';
import { ErrorBoundary, PageLoader } from '../common';
import { UserMenu } from './UserMenu';
import { useLiveEvents, NotificationBell } from '../notifications';

interface NavItem {
  to: string;
  label: string;
  icon: typeof IconInbox;
  exact?: boolean;
  testId: string;
  /** A count that needs attention (the quarantine's size); nothing shown at 0. */
  badge?: number;
}

/** Small links one above the other stay 24 px tall for a finger (WCAG 2.5.8). */
const TOUCH_TARGET = { display: 'inline-block', minHeight: 24, lineHeight: '24px' } as const;

/** The brands' own support contacts, for customers who would rather call (seeds 000, 003, 004). */
function SupportContacts() {
  const { t } = useTranslation();
  const { data: brands } = useBrands();
  if (!brands || brands.length === 0) return null;
  return (
    <Stack gap="sm">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {t('layout.contacts')}
      </Text>
      {brands.map((b) => (
        <Stack key={b.id} gap={2}>
          <Text size="sm" fw={600}>
            {b.name}
          </Text>
          {b.phone && (
            <Group gap={6} wrap="nowrap">
              <IconPhone size={14} />
              <Anchor href={`tel:${b.phone.replace(/[^+\d]/g, '')}`} size="xs" style={TOUCH_TARGET}>
                {b.phone}
              </Anchor>
            </Group>
          )}
          {b.supportEmail && (
            <Group gap={6} wrap="nowrap">
              <IconMail size={14} />
              <Anchor href={`mailto:${b.supportEmail}`} size="xs" truncate style={TOUCH_TARGET}>
                {b.supportEmail}
              </Anchor>
            </Group>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

/** Which brands this desk user works for: the queue mixes them, so they are named here. */
function StaffBrands({ role }: { role: string }) {
  const { t } = useTranslation();
  const { data: brands } = useBrands();
  return (
    <Stack gap={6}>
      <Group gap={6} c="dimmed" wrap="nowrap">
        <IconLifebuoy size={14} />
        <Text size="xs">{role}</Text>
      </Group>
      {brands && brands.length > 0 && (
        <>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('layout.brands')}
          </Text>
          {brands.map((b) => (
            <Text key={b.id} size="xs" truncate>
              {b.name}
            </Text>
          ))}
        </>
      )}
    </Stack>
  );
}

function NavItemLink({ item, active, onClick }: { item: NavItem; active: boolean; onClick: () => void }) {
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={<item.icon size={18} stroke={1.6} />}
      rightSection={item.badge ? <Badge size="sm" color="red" variant="filled" data-testid={`${item.testId}-count`}>{item.badge}</Badge> : undefined}
      active={active}
      onClick={onClick}
      variant="light"
      fw={500}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      data-testid={item.testId}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const staff = isStaff(user.role);
  const quarantine = useQuarantineCount(user.role === 'admin');
  // The desk's screens follow changes live (issue 14, item 2).
  const live = useLiveEvents(staff);

  const items: NavItem[] = staff
    ? [
        { to: '/agent', label: t('nav.queue'), icon: IconInbox, exact: true, testId: 'nav-queue' },
        { to: '/agent/new', label: t('nav.newTicket'), icon: IconPhonePlus, testId: 'nav-new-ticket' },
        ...(user.role === 'technician' ? [] : [{ to: '/agent/proofs', label: t('nav.proofs'), icon: IconCertificate, testId: 'nav-proofs' }]),
        { to: '/agent/returns', label: t('nav.returns'), icon: IconTruckReturn, testId: 'nav-returns' },
        { to: '/agent/receiving', label: t('nav.receiving'), icon: IconBarcode, testId: 'nav-receiving' },
        { to: '/agent/workshop', label: t('nav.workshop'), icon: IconTool, testId: 'nav-workshop' },
        { to: '/agent/visits', label: t('nav.visits'), icon: IconMapPin, testId: 'nav-visits' },
        ...(user.role === 'technician' ? [] : [{ to: '/agent/reports', label: t('reports.nav'), icon: IconChartBar, testId: 'nav-reports' }]),
        { to: '/agent/macros', label: t('macros.nav'), icon: IconTemplate, testId: 'nav-macros' },
      ]
    : [
        { to: '/portal', label: t('nav.myTickets'), icon: IconTicket, exact: true, testId: 'nav-my-tickets' },
        { to: '/portal/new', label: t('nav.openTicket'), icon: IconPlus, testId: 'nav-open-ticket' },
        { to: '/portal/orders', label: t('nav.myOrders'), icon: IconPackage, testId: 'nav-my-orders' },
        { to: '/portal/service-centres', label: t('nav.serviceCentres'), icon: IconBuildingStore, testId: 'nav-service-centres' },
      ];

  // Administration of the e-mail channel and service levels: admins only (the server refuses the others anyway).
  const adminItems: NavItem[] =
    user.role === 'admin'
      ? [
          { to: '/admin/brands', label: t('brandAdmin.nav'), icon: IconBuildingStore, testId: 'nav-brands' },
          { to: '/admin/users', label: t('people.nav.users'), icon: IconUsers, testId: 'nav-users' },
          { to: '/admin/groups', label: t('people.nav.groups'), icon: IconUsersGroup, testId: 'nav-groups' },
          { to: '/admin/organisations', label: t('people.nav.organisations'), icon: IconBuildingCommunity, testId: 'nav-organisations' },
          { to: '/admin/api-tokens', label: t('people.nav.apiTokens'), icon: IconKey, testId: 'nav-api-tokens' },
          { to: '/admin/quarantine', label: t('nav.quarantine'), icon: IconMailExclamation, testId: 'nav-quarantine', badge: quarantine.data?.quarantined ?? 0 },
          { to: '/admin/mailboxes', label: t('nav.mailboxes'), icon: IconMailbox, testId: 'nav-mailboxes' },
          { to: '/admin/outbox', label: t('nav.outbox'), icon: IconMailForward, testId: 'nav-outbox' },
          { to: '/admin/web-forms', label: t('webForms.admin.title'), icon: IconForms, testId: 'nav-web-forms' },
          { to: '/admin/calendars', label: t('nav.calendars'), icon: IconCalendarTime, testId: 'nav-calendars' },
          { to: '/admin/sla-policies', label: t('nav.slaPolicies'), icon: IconGauge, testId: 'nav-sla-policies' },
          { to: '/admin/catalog', label: t('nav.catalog'), icon: IconBox, testId: 'nav-catalog' },
          { to: '/admin/law-check', label: t('nav.lawCheck'), icon: IconScale, testId: 'nav-law-check' },
        ]
      : [];

  const isActive = (item: NavItem) =>
    item.exact ? pathname === item.to || (pathname.startsWith(`${item.to}/tickets/`)) : pathname.startsWith(item.to);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
      bg="var(--mantine-color-gray-0)"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('layout.menu')} />
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label="Apres">
              <Logo />
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {staff ? t('layout.workspace') : t('layout.portal')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {staff && <NotificationBell live={live} />}
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {items.map((item) => (
              <NavItemLink key={item.to} item={item} active={isActive(item)} onClick={close} />
            ))}
          </Stack>
          {adminItems.length > 0 && (
            <Stack gap={4} mt="lg" data-testid="nav-admin">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" mb={2}>
                {t('nav.admin')}
              </Text>
              {adminItems.map((item) => (
                <NavItemLink key={item.to} item={item} active={isActive(item)} onClick={close} />
              ))}
            </Stack>
          )}
        </AppShell.Section>
        <AppShell.Section pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          {staff ? (
            <StaffBrands role={t(`role.${user.role}`)} />
          ) : (
            <SupportContacts />
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<PageLoader />}>
            {!staff && <BrandBand />}
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
