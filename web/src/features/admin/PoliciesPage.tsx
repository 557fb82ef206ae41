import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarTime, IconGauge, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SlaPolicy } from '../../api/types';
import { useBrands } from '../brands';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { formatDuration } from '../sla';
import { TARGET_FIELDS } from './policy-form';
import { PolicyFormModal } from './PolicyFormModal';
import { useCalendars, usePolicies } from './service-levels.api';

type Editing = { policy: SlaPolicy | null; brandId: string | null; key: number } | null;

function PolicyRow({ policy, onEdit }: { policy: SlaPolicy; onEdit: () => void }) {
  const { t } = useTranslation();
  const targets = TARGET_FIELDS.filter((f) => policy[f] !== null);
  return (
    <Paper withBorder radius="md" p="md" data-testid="policy-row" data-name={policy.name} data-id={policy.id} style={{ opacity: policy.active ? 1 : 0.75 }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text fw={600}>{policy.name}</Text>
            <Badge color={policy.active ? 'teal' : 'gray'} variant="light" size="sm" tt="none" data-testid="policy-active-badge">
              {policy.active ? t('policies.isActive') : t('policies.isInactive')}
            </Badge>
          </Group>
          <Text size="sm">
            {t('policies.matches', {
              level: policy.contractLevel ?? t('policies.anyContract'),
              priority: policy.priority ? t(`priority.${policy.priority}`) : t('policies.anyPriority'),
            })}
          </Text>
          <Group gap={6}>
            {targets.map((f) => (
              <Badge key={f} variant="default" radius="sm" tt="none" fw={500} size="md">
                {t(`policies.target.${f}`)}: {formatDuration(t, policy[f] ?? 0)}
              </Badge>
            ))}
          </Group>
          <Group gap={6} wrap="nowrap" c="dimmed">
            <IconCalendarTime size={14} style={{ flex: 'none' }} />
            <Text size="xs">
              <Anchor component={Link} to={`/admin/calendars/${policy.calendarId}`} size="xs" underline="always">
                {policy.calendarName}
              </Anchor>
              {' · '}
              {policy.clockStart === 'accepted' ? t('policies.clock.accepted') : t('policies.clock.created')}
              {' · '}
              {policy.pauseStatuses.length
                ? t('policies.pausedIn', { statuses: policy.pauseStatuses.map((s) => t(`status.${s}`)).join(', ') })
                : t('policies.neverPaused')}
            </Text>
          </Group>
        </Stack>
        <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={onEdit} data-testid="policy-edit">
          {t('policies.edit')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Every brand's service-level policies: which tickets they cover, their targets and calendar. */
export function PoliciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('policies.title'));
  const policies = usePolicies();
  const calendars = useCalendars();
  const brands = useBrands();
  const [editing, setEditing] = useState<Editing>(null);

  const sections = useMemo(() => {
    const list: { id: string; name: string; items: SlaPolicy[] }[] = (brands.data ?? []).map((b) => ({ id: b.id, name: b.name, items: [] }));
    for (const p of policies.data ?? []) {
      let s = list.find((x) => x.id === p.brandId);
      if (!s) list.push((s = { id: p.brandId, name: p.brandId, items: [] }));
      s.items.push(p);
    }
    for (const s of list) s.items.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
    return list;
  }, [brands.data, policies.data]);

  const open = (policy: SlaPolicy | null, brandId: string | null) => setEditing({ policy, brandId, key: Date.now() });

  return (
    <Stack gap="lg" data-testid="policies-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('policies.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('policies.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={18} />} onClick={() => open(null, null)} data-testid="policy-add">
          {t('policies.add')}
        </Button>
      </Group>
      {policies.isPending || brands.isPending ? (
        <TableSkeleton rows={4} />
      ) : policies.isError ? (
        <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />
      ) : sections.length === 0 ? (
        <Empty icon={<IconGauge size={28} />} title={t('policies.empty')} />
      ) : (
        sections.map((s) => (
          <Stack key={s.id} gap="sm" data-testid="policy-brand-section" data-brand={s.name}>
            <Group justify="space-between">
              <Title order={2} size="h4">
                {s.name}
              </Title>
              <Button variant="subtle" color="gray" size="xs" leftSection={<IconPlus size={14} />} onClick={() => open(null, s.id)} data-testid="policy-add-for-brand">
                {t('policies.addFor', { brand: s.name })}
              </Button>
            </Group>
            {s.items.length === 0 ? (
              <Paper withBorder radius="md" p="md" bg="gray.0">
                <Text size="sm" c="dimmed">
                  {t('policies.noneForBrand')}
                </Text>
              </Paper>
            ) : (
              s.items.map((p) => <PolicyRow key={p.id} policy={p} onEdit={() => open(p, p.brandId)} />)
            )}
          </Stack>
        ))
      )}
      {editing && (
        <PolicyFormModal
          key={editing.key}
          opened
          onClose={() => setEditing(null)}
          policy={editing.policy}
          brandId={editing.brandId}
          brands={brands.data ?? []}
          calendars={calendars.data ?? []}
          policies={policies.data ?? []}
        />
      )}
    </Stack>
  );
}
