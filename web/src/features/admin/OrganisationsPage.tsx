import { Alert, Badge, Button, Divider, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingCommunity, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { AdminTable, refusalByField, type Column } from './AdminTable';
import { type AdminOrganisation, useAdminUsers, useOrganisation, useOrganisations, useSaveOrganisation, useUpdateUser } from './people.api';

type Kind = AdminOrganisation['kind'];
const KINDS: Kind[] = ['customer', 'reseller', 'distributor'];
/** A customer buys through a reseller, a reseller through a distributor (seed 002's chain). */
const PARENT_KIND: Record<Kind, Kind | null> = { customer: 'reseller', reseller: 'distributor', distributor: null };

/** Organisations and the reseller → distributor chain. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('people.orgs.title'));
  const orgs = useOrganisations();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<Kind | null>(null);
  const [editing, setEditing] = useState<AdminOrganisation | 'new' | null>(null);
  const rows = (orgs.data ?? []).filter((o) => (!kind || o.kind === kind) && o.name.toLowerCase().includes(search.trim().toLowerCase()));

  const columns: Column<AdminOrganisation>[] = [
    {
      key: 'name',
      label: t('people.orgs.name'),
      render: (o) => (
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="org-name">
          {o.name}
        </Text>
      ),
    },
    { key: 'kind', label: t('people.orgs.kind'), render: (o) => <Badge variant="light" tt="none" color={o.kind === 'customer' ? 'gray' : o.kind === 'reseller' ? 'blue' : 'grape'}>{t(`people.orgs.kinds.${o.kind}`)}</Badge> },
    { key: 'parent', label: t('people.orgs.parent'), from: 'sm', render: (o) => <Text size="sm" data-testid="org-parent">{o.parentName ?? '—'}</Text> },
    { key: 'people', label: t('people.orgs.people'), from: 'md', render: (o) => <Text size="sm">{o.memberCount}</Text> },
    { key: 'below', label: t('people.orgs.below'), from: 'lg', render: (o) => <Text size="sm">{o.childCount}</Text> },
  ];

  return (
    <Stack gap="lg" data-testid="organisations-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('people.orgs.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('people.orgs.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="org-new">
          {t('people.orgs.new')}
        </Button>
      </Group>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput label={t('people.orgs.search')} leftSection={<IconSearch size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 220px' }} />
        <Select label={t('people.orgs.kind')} clearable data={KINDS.map((k) => ({ value: k, label: t(`people.orgs.kinds.${k}`) }))} value={kind} onChange={(v) => setKind(v as Kind | null)} w={180} />
      </Group>
      {orgs.isPending ? (
        <TableSkeleton />
      ) : orgs.isError ? (
        <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : rows.length === 0 ? (
        <Empty icon={<IconBuildingCommunity size={28} />} title={t('people.orgs.empty')} />
      ) : (
        <AdminTable
          rows={rows}
          columns={columns}
          rowKey={(o) => o.id}
          testId="orgs-table"
          rowTestId="org-row"
          actions={(o) => (
            <Button size="xs" variant="light" onClick={() => setEditing(o)} data-testid="org-edit">
              {t('people.edit')}
            </Button>
          )}
        />
      )}
      {editing !== null && <OrganisationModal key={editing === 'new' ? 'new' : editing.id} org={editing === 'new' ? null : editing} all={orgs.data ?? []} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function OrganisationModal({ org, all, onClose }: { org: AdminOrganisation | null; all: AdminOrganisation[]; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveOrganisation();
  const detail = useOrganisation(org?.id ?? null);
  const [name, setName] = useState(org?.name ?? '');
  const [kind, setKind] = useState<Kind>(org?.kind ?? 'customer');
  const [parentId, setParentId] = useState<string | null>(org?.parentId ?? null);
  const [touched, setTouched] = useState(false);
  const server = refusalByField(t, save.error);
  const parentKind = PARENT_KIND[kind];
  const parents = parentKind ? all.filter((o) => o.kind === parentKind && o.id !== org?.id) : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    save.mutate({ id: org?.id ?? null, body: { name, kind, parentId: parentKind ? parentId : null } }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={org ? org.name : t('people.orgs.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="org-form">
        <Stack gap="sm">
          {server._ && <Alert color="red" variant="light" role="alert">{server._}</Alert>}
          <TextInput label={t('people.orgs.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={(touched && !name.trim() ? t('errors.field.required') : undefined) ?? server.name} data-testid="org-name-input" />
          <Select
            label={t('people.orgs.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`people.orgs.kinds.${k}`) }))}
            value={kind}
            onChange={(k) => k && (setKind(k as Kind), setParentId(null))}
            allowDeselect={false}
            error={server.kind}
            data-testid="org-kind"
          />
          {parentKind && (
            <Select
              label={t(`people.orgs.parentOf.${kind}`)}
              description={t('people.orgs.parentHelp')}
              clearable
              searchable
              data={parents.map((p) => ({ value: p.id, label: p.name }))}
              value={parentId}
              onChange={setParentId}
              error={server.parentId}
              data-testid="org-parent-select"
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="org-save">
              {t('people.save')}
            </Button>
          </Group>
          {org && detail.data && (
            <>
              <Divider label={t('people.orgs.people')} labelPosition="left" />
              {detail.data.members.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('people.orgs.noPeople')}
                </Text>
              ) : (
                detail.data.members.map((m) => (
                  <Text key={m.id} size="sm" data-testid="org-member">
                    {m.name} · {t(`role.${m.role as Role}`)} · <Text span c="dimmed" size="xs">{m.email}</Text>
                  </Text>
                ))
              )}
              <LinkPerson orgId={org.id} kind={org.kind} />
              {detail.data.children.length > 0 && (
                <>
                  <Divider label={t('people.orgs.below')} labelPosition="left" />
                  {detail.data.children.map((c) => (
                    <Text key={c.id} size="sm">
                      {c.name} · {t(`people.orgs.kinds.${c.kind}`)}
                    </Text>
                  ))}
                </>
              )}
            </>
          )}
        </Stack>
      </form>
    </Modal>
  );
}

/** Links a person of the matching role (a customer to a customer organisation…) to this organisation. */
function LinkPerson({ orgId, kind }: { orgId: string; kind: Kind }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const people = useAdminUsers({ search, role: kind, brandId: null, active: 'true' });
  const update = useUpdateUser();
  const [picked, setPicked] = useState<string | null>(null);
  const choices = (people.data?.pages.flatMap((p) => p.items) ?? []).filter((u) => u.organisationId !== orgId);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <Select
          label={t('people.orgs.link')}
          placeholder={t('people.orgs.linkPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={choices.map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
          value={picked}
          onChange={setPicked}
          style={{ flex: 1 }}
          data-testid="org-link-select"
        />
        <Button variant="light" disabled={!picked} loading={update.isPending} onClick={() => picked && update.mutate({ id: picked, body: { organisationId: orgId } }, { onSuccess: () => setPicked(null) })} data-testid="org-link">
          {t('people.orgs.linkButton')}
        </Button>
      </Group>
      {update.isError && (
        <Alert color="red" variant="light" role="alert">
          {Object.values(refusalByField(t, update.error))[0]}
        </Alert>
      )}
    </Stack>
  );
}
