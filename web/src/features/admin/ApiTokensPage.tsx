import { Alert, Badge, Button, Code, CopyButton, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconKey, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { useBrandMap, useBrands } from '../brands';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { DateTime } from '../tickets';
import { AdminTable, refusalByField, type Column } from './AdminTable';
import { type ApiToken, useAdminUsers, useApiTokens, useCreateApiToken, useRevokeApiToken } from './people.api';

/** API tokens for integrations: made here, the secret shown once, revoked here. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('people.tokens.title'));
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const brandMap = useBrandMap();
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<ApiToken | null>(null);

  const columns: Column<ApiToken>[] = [
    {
      key: 'name',
      label: t('people.tokens.name'),
      render: (k) => (
        <Stack gap={0}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="token-name">
            {k.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {k.prefix}…
          </Text>
        </Stack>
      ),
    },
    {
      key: 'acts',
      label: t('people.tokens.actsAs'),
      render: (k) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {k.user.name} · {t(`role.${k.role ?? k.user.role}`)}
          {k.brandIds ? ` · ${k.brandIds.map((b) => brandMap.get(b)?.name ?? '…').join(', ')}` : ''}
        </Text>
      ),
    },
    { key: 'scope', label: t('people.tokens.scope'), from: 'md', render: (k) => <Text size="sm">{t(`people.tokens.scopes.${k.scope}`)}</Text> },
    { key: 'expires', label: t('people.tokens.expires'), from: 'lg', render: (k) => (k.expiresAt ? <DateTime iso={k.expiresAt} /> : <Text size="sm">{t('people.tokens.never')}</Text>) },
    { key: 'used', label: t('people.tokens.lastUsed'), from: 'lg', render: (k) => (k.lastUsedAt ? <DateTime iso={k.lastUsedAt} /> : <Text size="sm">—</Text>) },
    {
      key: 'state',
      label: t('people.users.state'),
      render: (k) =>
        k.revokedAt ? (
          <Badge color="gray" variant="outline" tt="none">{t('people.tokens.revoked')}</Badge>
        ) : (
          <Badge color="green" variant="light" tt="none">{t('people.users.active')}</Badge>
        ),
    },
  ];

  return (
    <Stack gap="lg" data-testid="tokens-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('people.tokens.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('people.tokens.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="token-new">
          {t('people.tokens.new')}
        </Button>
      </Group>
      {tokens.isPending ? (
        <TableSkeleton />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <Empty icon={<IconKey size={28} />} title={t('people.tokens.empty')} />
      ) : (
        <AdminTable
          rows={tokens.data}
          columns={columns}
          rowKey={(k) => k.id}
          testId="tokens-table"
          rowTestId="token-row"
          actions={(k) =>
            k.revokedAt ? null : (
              <Button size="xs" variant="light" color="red" onClick={() => setConfirm(k)} data-testid="token-revoke">
                {t('people.tokens.revoke')}
              </Button>
            )
          }
        />
      )}
      {creating && <TokenModal onClose={() => setCreating(false)} />}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('people.tokens.revokeTitle', { name: confirm?.name ?? '' })}>
        <Stack gap="sm">
          <Text size="sm">{t('people.tokens.revokeText')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => confirm && revoke.mutate(confirm.id, { onSuccess: () => setConfirm(null) })} data-testid="token-revoke-confirm">
              {t('people.tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function TokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const brands = useBrands();
  const create = useCreateApiToken();
  const [search, setSearch] = useState('');
  const people = useAdminUsers({ search, role: null, brandId: null, active: 'true' });
  const [name, setName] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [brandIds, setBrandIds] = useState<string[]>([]);
  const [scope, setScope] = useState<'read' | 'write'>('write');
  const [expires, setExpires] = useState('');
  const [touched, setTouched] = useState(false);
  const server = refusalByField(t, create.error);
  const secret = create.data?.secret;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    create.mutate({
      name,
      ...(userId ? { userId } : {}),
      role,
      brandIds: brandIds.length ? brandIds : null,
      scope,
      // The end of the chosen day, in the admin's own time.
      expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('people.tokens.new')} size="lg">
      {secret ? (
        <Stack gap="sm" data-testid="token-secret-panel">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t('people.tokens.once')}
          </Alert>
          <Code block data-testid="token-secret" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Text size="xs" c="dimmed">
            {t('people.tokens.usage')}
          </Text>
          <Group justify="flex-end" gap="xs">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('people.tokens.copied') : t('people.tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose} data-testid="token-done">
              {t('people.tokens.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {server._ && <Alert color="red" variant="light" role="alert">{server._}</Alert>}
            <TextInput label={t('people.tokens.name')} description={t('people.tokens.nameHelp')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={(touched && !name.trim() ? t('errors.field.required') : undefined) ?? server.name} data-testid="token-name-input" />
            <Select
              label={t('people.tokens.actsAs')}
              description={t('people.tokens.actsAsHelp')}
              clearable
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={(people.data?.pages.flatMap((p) => p.items) ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
              value={userId}
              onChange={setUserId}
              error={server.userId}
            />
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t('people.tokens.role')}
                description={t('people.tokens.roleHelp')}
                clearable
                data={(['agent', 'technician', 'admin'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))}
                value={role}
                onChange={(r) => setRole(r as Role | null)}
                error={server.role}
                data-testid="token-role"
              />
              <TextInput label={t('people.tokens.expires')} type="date" value={expires} onChange={(e) => setExpires(e.currentTarget.value)} error={server.expiresAt} />
            </Group>
            <MultiSelect
              label={t('people.tokens.brands')}
              description={t('people.tokens.brandsHelp')}
              data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              value={brandIds}
              onChange={setBrandIds}
              error={server.brandIds}
              data-testid="token-brands"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('people.tokens.scope')}
              </Text>
              <SegmentedControl
                value={scope}
                onChange={(s) => setScope(s as 'read' | 'write')}
                data={[
                  { value: 'write', label: t('people.tokens.scopes.write') },
                  { value: 'read', label: t('people.tokens.scopes.read') },
                ]}
              />
            </Stack>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="token-create">
                {t('people.tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
