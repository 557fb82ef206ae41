import { Alert, Button, Divider, Group, Modal, MultiSelect, Select, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { PAUSABLE_STATUSES, TICKET_PRIORITIES, type Brand, type BusinessCalendar, type PausableStatus, type SlaPolicy, type TicketPriority } from '../../api/types';
import { errorMessage, fieldErrorMessage } from '../../i18n';
import { focusFirstError } from '../common';
import { DurationInput } from './DurationInput';
import { conflictingPolicy, initialPolicyValues, TARGET_FIELDS, toPolicyInput, validatePolicy, type PolicyFormValues } from './policy-form';
import { useSavePolicy } from './service-levels.api';

interface Props {
  opened: boolean;
  onClose: () => void;
  policy: SlaPolicy | null;
  brandId: string | null;
  brands: readonly Brand[];
  calendars: readonly BusinessCalendar[];
  policies: readonly SlaPolicy[];
}

/** Mounted afresh for each policy (the page keys it). */
export function PolicyFormModal({ opened, onClose, policy, brandId, brands, calendars, policies }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<PolicyFormValues>(() => {
    const v = initialPolicyValues(policy, brandId);
    // A brand with a single calendar: that is the one.
    const own = calendars.filter((c) => c.brandId === v.brandId);
    return !policy && own.length === 1 ? { ...v, calendarId: own[0]!.id } : v;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSavePolicy();
  const set = (patch: Partial<PolicyFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const brandCalendars = calendars.filter((c) => c.brandId === values.brandId);

  const message = (field: string, code: string): string => {
    if (code === 'conflict') {
      const other = conflictingPolicy(values, policies, policy?.id ?? null);
      return other ? t('policies.conflictWith', { name: other.name }) : t('errors.field.conflict');
    }
    if (code === 'required' && field === 'firstResponseMinutes' && TARGET_FIELDS.every((f) => values[f] === null)) return fieldErrorMessage(t, 'one_target');
    return fieldErrorMessage(t, code);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validatePolicy(values);
    if (Object.keys(local).length > 0) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, code]) => [k, message(k, code)])));
      focusFirstError();
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync({ id: policy?.id ?? null, body: toPolicyInput(values) });
      notifications.show({ color: 'teal', message: policy ? t('policies.saved') : t('policies.created') });
      onClose();
    } catch (err) {
      if (isApiError(err) && err.errors.length > 0) {
        const byField: Record<string, string> = {};
        for (const fe of err.errors) {
          const key = fe.field.split('.')[0] ?? '';
          if (key && !(key in byField)) byField[key] = message(key, fe.code);
        }
        setErrors(byField);
        focusFirstError();
      }
    }
  };

  const shown = new Set(['brandId', 'name', 'calendarId', 'contractLevel', 'priority', ...TARGET_FIELDS, 'warningMinutes', 'pauseStatuses', 'clockStart']);
  const unshown = save.isError && (!isApiError(save.error) || save.error.errors.length === 0 || save.error.errors.some((fe) => !shown.has(fe.field.split('.')[0] ?? '')));
  const conflict = save.isError && isApiError(save.error) && save.error.code === 'SLA_POLICY_CONFLICT';

  return (
    <Modal opened={opened} onClose={onClose} title={policy ? t('policies.editTitle', { name: policy.name }) : t('policies.createTitle')} size="xl" centered>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="policy-form">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('policies.name')}
              required
              maxLength={120}
              value={values.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.name}
              data-testid="policy-name"
              data-autofocus
            />
            <Select
              label={t('policies.brand')}
              data={brands.map((b) => ({ value: b.id, label: b.name }))}
              value={values.brandId || null}
              onChange={(v) => {
                const own = calendars.filter((c) => c.brandId === v);
                set({ brandId: v ?? '', calendarId: own.length === 1 ? own[0]!.id : '' });
              }}
              allowDeselect={false}
              disabled={!!policy}
              required
              error={errors.brandId}
              data-testid="policy-brand"
            />
            <Select
              label={t('policies.calendar')}
              description={t('policies.calendarHelp')}
              data={brandCalendars.map((c) => ({ value: c.id, label: c.name }))}
              value={values.calendarId || null}
              onChange={(v) => set({ calendarId: v ?? '' })}
              allowDeselect={false}
              required
              nothingFoundMessage={t('policies.noCalendar')}
              error={errors.calendarId}
              data-testid="policy-calendar"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('policies.clockStart')}
              </Text>
              <SegmentedControl
                fullWidth
                value={values.clockStart}
                onChange={(v) => set({ clockStart: v as PolicyFormValues['clockStart'] })}
                data={[
                  { value: 'created', label: t('policies.clock.created') },
                  { value: 'accepted', label: t('policies.clock.accepted') },
                ]}
                data-testid="policy-clock-start"
              />
              <Text size="xs" c="dimmed">
                {values.clockStart === 'accepted' ? t('policies.clockHelp.accepted') : t('policies.clockHelp.created')}
              </Text>
            </Stack>
          </SimpleGrid>

          <Divider label={t('policies.appliesTo')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('policies.contractLevel')}
              description={t('policies.contractLevelHelp')}
              placeholder={t('policies.any')}
              maxLength={40}
              value={values.contractLevel}
              onChange={(e) => set({ contractLevel: e.currentTarget.value })}
              error={errors.contractLevel}
              data-testid="policy-contract-level"
            />
            <Select
              label={t('policies.priority')}
              description={t('policies.priorityHelp')}
              data={[{ value: '', label: t('policies.any') }, ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))]}
              value={values.priority}
              onChange={(v) => set({ priority: (v ?? '') as TicketPriority | '' })}
              allowDeselect={false}
              error={errors.priority}
              data-testid="policy-priority"
            />
          </SimpleGrid>

          <Divider label={t('policies.targets')} labelPosition="left" />
          <Text size="xs" c="dimmed" mt={-8}>
            {t('policies.targetsHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {TARGET_FIELDS.map((f) => (
              <DurationInput
                key={f}
                label={t(`policies.target.${f}`)}
                description={t(`policies.targetHelp.${f}`)}
                value={values[f]}
                onChange={(m) => set({ [f]: m } as Partial<PolicyFormValues>)}
                error={errors[f]}
                testId={`policy-${f}`}
              />
            ))}
          </SimpleGrid>

          <Divider label={t('policies.behaviour')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <MultiSelect
              label={t('policies.pauseStatuses')}
              description={t('policies.pauseStatusesHelp')}
              data={PAUSABLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={values.pauseStatuses}
              onChange={(v) => set({ pauseStatuses: v as PausableStatus[] })}
              placeholder={values.pauseStatuses.length ? undefined : t('policies.neverPaused')}
              clearable
              error={errors.pauseStatuses}
              data-testid="policy-pause-statuses"
            />
            <DurationInput
              label={t('policies.warning')}
              description={t('policies.warningHelp')}
              value={values.warningMinutes}
              onChange={(m) => set({ warningMinutes: m })}
              error={errors.warningMinutes}
              required
              testId="policy-warning"
            />
            <Switch
              label={t('policies.raisePriority')}
              description={t('policies.raisePriorityHelp')}
              checked={values.raisePriorityOnBreach}
              onChange={(e) => set({ raisePriorityOnBreach: e.currentTarget.checked })}
              data-testid="policy-raise-priority"
            />
            <Switch
              label={t('policies.active')}
              description={t('policies.activeHelp')}
              checked={values.active}
              onChange={(e) => set({ active: e.currentTarget.checked })}
              data-testid="policy-active"
            />
          </SimpleGrid>

          {(unshown || conflict) && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="policy-error">
              <Title order={4} size="sm">
                {errorMessage(t, save.error)}
              </Title>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="policy-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
