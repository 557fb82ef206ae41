import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newClosure, type CalendarFormValues, type CalendarSectionProps } from './calendar-form';

/** One-off closures (an inventory, a move, a strike): start and end in the calendar's zone, and why. */
export function ClosuresEditor({ values, set, err }: CalendarSectionProps) {
  const { t } = useTranslation();
  const closures = values.closures;
  const update = (i: number, patch: Partial<CalendarFormValues['closures'][number]>) => set({ closures: closures.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  return (
    <Stack gap="sm" data-testid="closures-editor">
      {closures.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('calendars.noClosures')}
        </Text>
      )}
      {closures.map((c, i) => (
        <Paper key={i} withBorder radius="sm" p="sm" bg="gray.0" data-testid="closure-row">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              type="datetime-local"
              label={t('calendars.closureStart')}
              w={210}
              size="sm"
              value={c.start}
              onChange={(e) => update(i, { start: e.currentTarget.value })}
              error={err(`definition.closures.${i}.start`)}
              required
              data-testid="closure-start"
            />
            <TextInput
              type="datetime-local"
              label={t('calendars.closureEnd')}
              w={210}
              size="sm"
              value={c.end}
              onChange={(e) => update(i, { end: e.currentTarget.value })}
              error={err(`definition.closures.${i}.end`)}
              required
              data-testid="closure-end"
            />
            <TextInput
              label={t('calendars.closureReason')}
              placeholder={t('calendars.closureReasonPlaceholder')}
              style={{ flex: '1 1 200px' }}
              size="sm"
              maxLength={200}
              value={c.reason}
              onChange={(e) => update(i, { reason: e.currentTarget.value })}
              error={err(`definition.closures.${i}.reason`)}
              required
              data-testid="closure-reason"
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={28}
              onClick={() => set({ closures: closures.filter((_, j) => j !== i) })}
              aria-label={t('calendars.removeClosure')}
              data-testid="closure-remove"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group justify="space-between">
        <Text size="xs" c="dimmed" maw={460}>
          {t('calendars.closuresHelp')}
        </Text>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set({ closures: [...closures, newClosure(values.timeZone)] })} data-testid="closure-add">
          {t('calendars.addClosure')}
        </Button>
      </Group>
    </Stack>
  );
}
