import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconUsersGroup, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrands, useStaffUsers } from '../brands';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { refusalByField } from './AdminTable';
import { type AdminGroup, useAdminGroups, useGroupMutations } from './people.api';

/** Agent groups per brand and their members: a ticket routed to a group is seen by its members. */
export function GroupsPage() {
  const { t } = useTranslation();
  usePageTitle(t('people.groups.title'));
  const groups = useAdminGroups();
  const brands = useBrands();
  const [editing, setEditing] = useState<AdminGroup | 'new' | null>(null);

  return (
    <Stack gap="lg" data-testid="groups-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('people.groups.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('people.groups.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="group-new">
          {t('people.groups.new')}
        </Button>
      </Group>
      {groups.isPending ? (
        <TableSkeleton />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <Empty icon={<IconUsersGroup size={28} />} title={t('people.groups.empty')} />
      ) : (
        (brands.data ?? [])
          .filter((b) => groups.data.some((g) => g.brandId === b.id))
          .map((b) => (
            <Stack key={b.id} gap="xs">
              <Title order={2} size="h4">
                {b.name}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                {groups.data
                  .filter((g) => g.brandId === b.id)
                  .map((g) => (
                    <GroupCard key={g.id} group={g} onRename={() => setEditing(g)} />
                  ))}
              </SimpleGrid>
            </Stack>
          ))
      )}
      {editing !== null && <GroupModal key={editing === 'new' ? 'new' : editing.id} group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function GroupCard({ group, onRename }: { group: AdminGroup; onRename: () => void }) {
  const { t } = useTranslation();
  const staff = useStaffUsers(group.brandId);
  const { add, remove } = useGroupMutations();
  const [picked, setPicked] = useState<string | null>(null);
  const candidates = (staff.data ?? []).filter((u) => !group.members.some((m) => m.id === u.id));
  const refusal = add.error ?? remove.error;
  return (
    <Paper withBorder radius="md" p="md" data-testid="group-card" data-name={group.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {group.name}
          </Text>
          <ActionIcon variant="subtle" onClick={onRename} aria-label={t('people.groups.renameLabel', { name: group.name })}>
            <IconPencil size={16} />
          </ActionIcon>
        </Group>
        {group.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.groups.noMembers')}
          </Text>
        ) : (
          <Stack gap={4}>
            {group.members.map((m) => (
              <Group key={m.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="group-member">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {m.name}{' '}
                  {!m.active && (
                    <Badge size="xs" color="gray" variant="outline" tt="none">
                      {t('people.users.deactivated')}
                    </Badge>
                  )}
                </Text>
                <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate({ id: group.id, userId: m.id })} aria-label={t('people.groups.removeLabel', { name: m.name })}>
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <Select
            aria-label={t('people.groups.addLabel', { group: group.name })}
            placeholder={t('people.groups.addPlaceholder')}
            searchable
            data={candidates.map((u) => ({ value: u.id, label: u.name }))}
            value={picked}
            onChange={setPicked}
            style={{ flex: 1 }}
            data-testid="group-add-select"
          />
          <Button variant="light" disabled={!picked} loading={add.isPending} onClick={() => picked && add.mutate({ id: group.id, userId: picked }, { onSuccess: () => setPicked(null) })} data-testid="group-add">
            {t('people.groups.add')}
          </Button>
        </Group>
        {refusal && (
          <Alert color="red" variant="light" role="alert">
            {Object.values(refusalByField(t, refusal))[0]}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function GroupModal({ group, onClose }: { group: AdminGroup | null; onClose: () => void }) {
  const { t } = useTranslation();
  const brands = useBrands();
  const { create, rename } = useGroupMutations();
  const [name, setName] = useState(group?.name ?? '');
  const [brandId, setBrandId] = useState<string | null>(group?.brandId ?? null);
  const [touched, setTouched] = useState(false);
  const mutation = group ? rename : create;
  const server = refusalByField(t, mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!name.trim() || !brandId) return;
    if (group) rename.mutate({ id: group.id, name }, { onSuccess: onClose });
    else create.mutate({ brandId, name }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={group ? t('people.groups.renameTitle') : t('people.groups.new')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {server._ && <Alert color="red" variant="light" role="alert">{server._}</Alert>}
          <Select
            label={t('people.users.brand')}
            required
            disabled={group !== null}
            data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            value={brandId}
            onChange={setBrandId}
            error={(touched && !brandId ? t('errors.field.required') : undefined) ?? server.brandId}
            data-testid="group-brand"
          />
          <TextInput label={t('people.groups.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={(touched && !name.trim() ? t('errors.field.required') : undefined) ?? server.name} data-testid="group-name" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="group-save">
              {t('people.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
