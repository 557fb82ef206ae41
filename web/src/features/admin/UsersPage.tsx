import { Alert, Badge, Button, Group, Modal, MultiSelect, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailForward, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, ROLES, STAFF_ROLES, type Locale, type Role } from '../../api/types';
import { LANGUAGE_NAMES } from '../../i18n';
import { useBrandMap, useBrands } from '../brands';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { AdminTable, refusalByField, type Column } from './AdminTable';
import { type AdminUser, type UserFilter, useAdminGroups, useAdminUsers, useInviteUser, useOrganisations, useResendInvitation, useUpdateUser } from './people.api';

const isStaffRole = (r: Role) => (STAFF_ROLES as readonly string[]).includes(r);
/** The organisation kind a portal role belongs to (a customer may have none). */
const ORG_KIND: Partial<Record<Role, 'customer' | 'reseller' | 'distributor'>> = { customer: 'customer', reseller: 'reseller', distributor: 'distributor' };

/** People: who may sign in, in which role, for which brands (issue 14, item 6). */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('people.users.title'));
  const [filter, setFilter] = useState<UserFilter>({ search: '', role: null, brandId: null, active: null });
  const list = useAdminUsers(filter);
  const brands = useBrands();
  const brandMap = useBrandMap();
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: Column<AdminUser>[] = [
    {
      key: 'name',
      label: t('people.users.name'),
      render: (u) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="user-name">
            {u.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {u.email}
          </Text>
        </Stack>
      ),
    },
    { key: 'role', label: t('people.users.role'), render: (u) => <Text size="sm">{t(`role.${u.role}`)}</Text> },
    {
      key: 'brands',
      label: t('people.users.brands'),
      from: 'md',
      render: (u) => (
        <Group gap={4}>
          {u.brandIds.map((b) => (
            <Badge key={b} variant="light" color="gray" radius="sm" tt="none">
              {brandMap.get(b)?.name ?? '…'}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'organisation', label: t('people.users.organisation'), from: 'lg', render: (u) => <Text size="sm">{u.organisationName ?? '—'}</Text> },
    { key: 'state', label: t('people.users.state'), render: (u) => <UserState user={u} /> },
  ];

  return (
    <Stack gap="lg" data-testid="users-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('people.users.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('people.users.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')} data-testid="user-invite">
          {t('people.users.invite')}
        </Button>
      </Group>

      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          label={t('people.users.search')}
          leftSection={<IconSearch size={16} />}
          value={filter.search}
          onChange={(e) => setFilter({ ...filter, search: e.currentTarget.value })}
          style={{ flex: '1 1 220px' }}
          data-testid="user-search"
        />
        <Select label={t('people.users.role')} clearable data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} value={filter.role} onChange={(v) => setFilter({ ...filter, role: v as Role | null })} w={170} />
        <Select label={t('people.users.brand')} clearable data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))} value={filter.brandId} onChange={(v) => setFilter({ ...filter, brandId: v })} w={170} />
        <Select
          label={t('people.users.state')}
          clearable
          data={[
            { value: 'true', label: t('people.users.active') },
            { value: 'false', label: t('people.users.deactivated') },
          ]}
          value={filter.active}
          onChange={(v) => setFilter({ ...filter, active: v as UserFilter['active'] })}
          w={150}
        />
      </Group>

      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconUsers size={28} />} title={t('people.users.empty')} description={t('people.users.emptyHint')} />
      ) : (
        <AdminTable
          rows={items}
          columns={columns}
          rowKey={(u) => u.id}
          testId="users-table"
          rowTestId="user-row"
          actions={(u) => (
            <Button size="xs" variant="light" onClick={() => setEditing(u)} data-testid="user-edit">
              {t('people.edit')}
            </Button>
          )}
        />
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {editing !== null && <UserModal key={editing === 'new' ? 'new' : editing.id} user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function UserState({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  if (!user.active) return <Badge color="gray" variant="outline" tt="none">{t('people.users.deactivated')}</Badge>;
  if (!user.passwordSet) return <Badge color="yellow" variant="light" tt="none">{t('people.users.invited')}</Badge>;
  return <Badge color="green" variant="light" tt="none">{t('people.users.active')}</Badge>;
}

interface FormValues {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  brandIds: string[];
  groupIds: string[];
  organisationId: string | null;
  active: boolean;
}

/** Invite (user null) or edit one person. */
function UserModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const brands = useBrands();
  const groups = useAdminGroups();
  const orgs = useOrganisations();
  const invite = useInviteUser();
  const update = useUpdateUser();
  const resend = useResendInvitation();
  const [v, setV] = useState<FormValues>(() =>
    user
      ? { email: user.email, name: user.name, role: user.role, locale: user.locale, brandIds: user.brandIds, groupIds: user.groupIds, organisationId: user.organisationId, active: user.active }
      : { email: '', name: '', role: 'agent', locale: 'en', brandIds: [], groupIds: [], organisationId: null, active: true },
  );
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<FormValues>) => setV((x) => ({ ...x, ...patch }));
  const mutation = user ? update : invite;
  const server = refusalByField(t, mutation.error);
  const orgKind = ORG_KIND[v.role];
  const groupChoices = (groups.data ?? []).filter((g) => v.brandIds.includes(g.brandId));
  const brandName = (id: string) => brands.data?.find((b) => b.id === id)?.name ?? '';
  const missing = (value: string) => (touched && !value.trim() ? t('errors.field.required') : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!v.name.trim() || (!user && !v.email.trim())) return;
    const common = { name: v.name, role: v.role, locale: v.locale, brandIds: v.brandIds, groupIds: isStaffRole(v.role) ? v.groupIds.filter((g) => groupChoices.some((c) => c.id === g)) : [], organisationId: orgKind ? v.organisationId : null };
    if (user) {
      update.mutate({ id: user.id, body: { ...common, active: v.active } }, { onSuccess: () => (notifications.show({ color: 'green', message: t('people.saved') }), onClose()) });
    } else {
      invite.mutate({ ...common, email: v.email.trim() }, { onSuccess: (u) => (notifications.show({ color: 'green', message: t('people.users.invitationSent', { email: u.email }) }), onClose()) });
    }
  };

  return (
    <Modal opened onClose={onClose} title={user ? t('people.users.editTitle', { name: user.name }) : t('people.users.inviteTitle')} size="lg">
      <form onSubmit={submit} noValidate data-testid="user-form">
        <Stack gap="sm">
          {server._ && (
            <Alert color="red" variant="light" role="alert">
              {server._}
            </Alert>
          )}
          {user ? (
            <Text size="sm" c="dimmed">
              {user.email}
            </Text>
          ) : (
            <TextInput label={t('people.users.email')} type="email" required value={v.email} onChange={(e) => set({ email: e.currentTarget.value })} error={missing(v.email) ?? server.email} data-testid="user-email" />
          )}
          <TextInput label={t('people.users.name')} required value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} error={missing(v.name) ?? server.name} data-testid="user-name-input" />
          <Group grow align="flex-start" wrap="wrap">
            <Select label={t('people.users.role')} data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} value={v.role} onChange={(r) => r && set({ role: r as Role })} allowDeselect={false} error={server.role} data-testid="user-role" />
            <Select label={t('people.users.language')} data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} value={v.locale} onChange={(l) => l && set({ locale: l as Locale })} allowDeselect={false} data-testid="user-locale" />
          </Group>
          <MultiSelect
            label={t('people.users.brands')}
            description={user ? undefined : t('people.users.brandsHelp')}
            data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            value={v.brandIds}
            onChange={(ids) => set({ brandIds: ids })}
            error={server.brandIds}
            data-testid="user-brands"
          />
          {isStaffRole(v.role) && (
            <MultiSelect
              label={t('people.users.groups')}
              data={groupChoices.map((g) => ({ value: g.id, label: `${g.name} · ${brandName(g.brandId)}` }))}
              value={v.groupIds.filter((g) => groupChoices.some((c) => c.id === g))}
              onChange={(ids) => set({ groupIds: ids })}
              error={server.groupIds}
              data-testid="user-groups"
            />
          )}
          {orgKind && (
            <Select
              label={t('people.users.organisation')}
              clearable={orgKind === 'customer'}
              searchable
              data={(orgs.data ?? []).filter((o) => o.kind === orgKind).map((o) => ({ value: o.id, label: o.name }))}
              value={v.organisationId}
              onChange={(id) => set({ organisationId: id })}
              error={server.organisationId}
              data-testid="user-organisation"
            />
          )}
          {user && (
            <Switch
              label={t('people.users.activeSwitch')}
              description={t('people.users.activeHelp')}
              checked={v.active}
              onChange={(e) => set({ active: e.currentTarget.checked })}
              error={server.active}
              data-testid="user-active"
            />
          )}
          <Group justify="space-between" mt="sm" wrap="wrap">
            {user && user.active ? (
              <Button
                variant="subtle"
                leftSection={<IconMailForward size={16} />}
                loading={resend.isPending}
                onClick={() => resend.mutate(user.id, { onSuccess: () => notifications.show({ color: 'green', message: t('people.users.invitationSent', { email: user.email }) }) })}
                data-testid="user-resend"
              >
                {t('people.users.resend')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending} data-testid="user-save">
                {user ? t('people.save') : t('people.users.sendInvitation')}
              </Button>
            </Group>
          </Group>
          {resend.isError && (
            <Alert color="red" variant="light" role="alert">
              {Object.values(refusalByField(t, resend.error))[0]}
            </Alert>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
