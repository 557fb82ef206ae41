import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarFormValues, CalendarSectionProps } from './calendar-form';

/**
 * Days whose hours replace the week's (issue 14, item 11): a Saturday worked in place of a bridge
 * day, a pre-holiday day an hour shorter. They win over the week and the holidays.
 */
export function DayOverridesEditor({ values, set, err }: CalendarSectionProps) {
  const { t } = useTranslation();
  const rows = values.dayOverrides;
  const update = (i: number, patch: Partial<CalendarFormValues['dayOverrides'][number]>) => set({ dayOverrides: rows.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  return (
    <Stack gap="sm" data-testid="day-overrides-editor">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('calendars.noDayOverrides')}
        </Text>
      )}
      {rows.map((o, i) => (
        <Paper key={i} withBorder radius="sm" p="sm" bg="gray.0" data-testid="day-override-row">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput type="date" label={t('calendars.overrideDate')} w={170} size="sm" value={o.date} onChange={(e) => update(i, { date: e.currentTarget.value })} error={err(`definition.dayOverrides.${i}.date`)} required data-testid="day-override-date" />
            <TextInput label={t('calendars.overrideHours')} placeholder="09:00–17:00" w={200} size="sm" value={o.hours} onChange={(e) => update(i, { hours: e.currentTarget.value })} error={err(`definition.dayOverrides.${i}.intervals`)} required data-testid="day-override-hours" />
            <TextInput label={t('calendars.overrideReason')} placeholder={t('calendars.overrideReasonPlaceholder')} style={{ flex: '1 1 200px' }} size="sm" maxLength={200} value={o.reason} onChange={(e) => update(i, { reason: e.currentTarget.value })} error={err(`definition.dayOverrides.${i}.reason`)} required data-testid="day-override-reason" />
            <ActionIcon variant="subtle" color="gray" mt={28} onClick={() => set({ dayOverrides: rows.filter((_, j) => j !== i) })} aria-label={t('calendars.removeDayOverride')} data-testid="day-override-remove">
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group justify="space-between">
        <Text size="xs" c="dimmed" maw={460}>
          {t('calendars.dayOverridesHelp')}
        </Text>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set({ dayOverrides: [...rows, { date: '', hours: '', reason: '' }] })} data-testid="day-override-add">
          {t('calendars.addDayOverride')}
        </Button>
      </Group>
    </Stack>
  );
}
