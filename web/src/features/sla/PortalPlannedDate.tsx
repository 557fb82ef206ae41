import { Divider, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketSla } from '../../api/types';
import { useLocale } from '../../i18n';
import { formatDue, formatDueWithZone, isReason } from './sla-format';
import { useTicketSla } from './sla.api';

/** The date the customer is promised: the one the desk planned, else the policy's resolution time while it runs. */
export function promisedDate(sla: TicketSla): string | null {
  if (sla.plannedResolutionAt) return sla.plannedResolutionAt;
  const resolution = sla.timers.find((x) => x.kind === 'resolution');
  return resolution?.state === 'running' && resolution.dueAt ? resolution.dueAt : null;
}

/**
 * The customer's view of the service level (seed 003): when their request should be solved, and
 * each change of that date with its reason in their language. Nothing of the desk's timers or notes.
 */
export function PortalPlannedDate({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
  const sla = useTicketSla(ticket.id, !ticket.mergedInto);
  if (!sla.data) return null;
  const date = open ? promisedDate(sla.data) : null;
  const changes = sla.data.scheduleChanges;
  if (!date && changes.length === 0) return null;
  const tz = ticket.timeZone;

  return (
    <Paper withBorder radius="md" p="md" data-testid="portal-planned">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" radius="md" size="lg">
          <IconCalendarEvent size={20} />
        </ThemeIcon>
        <Stack gap={2}>
          <Text fw={600}>{t('portalSla.title')}</Text>
          {date ? (
            <Text size="sm" data-testid="portal-planned-date">
              <time dateTime={date}>{formatDueWithZone(date, locale, tz)}</time>
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('portalSla.done')}
            </Text>
          )}
        </Stack>
      </Group>
      {changes.length > 0 && (
        <Stack gap="sm" mt="md">
          <Divider label={t('portalSla.changes')} labelPosition="left" />
          {changes.map((c) => (
            <Stack key={c.id} gap={2} data-testid="portal-schedule-change" data-reason={c.reason}>
              <Text size="sm" fw={500}>
                {t('portalSla.newDate', { date: formatDueWithZone(c.plannedResolutionAt, locale, tz) })}
              </Text>
              <Text size="sm">{isReason(c.reason) ? t(`sla.reasonCustomer.${c.reason}`) : c.reason}</Text>
              <Text size="xs" c="dimmed">
                {t('portalSla.toldOn', { date: formatDue(c.createdAt, locale, tz) })}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
