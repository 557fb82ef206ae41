import { Alert, Anchor, Button, Divider, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconCalendarTime, IconMail, IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUSES, type DeliveryStatus, type ScheduleChange, type SlaTimer, type Ticket } from '../../api/types';
import { errorMessage, useLocale } from '../../i18n';
import { explainTimer, formatDue, formatDueWithZone, formatLeft, isReason } from './sla-format';
import { useTicketSla } from './sla.api';
import { TimerStateBadge } from './SlaBadges';
import { ScheduleChangeModal } from './ScheduleChangeModal';

function TimerRow({ timer, timeZone }: { timer: SlaTimer; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tz = timeZone;
  const left = timer.workingMinutesLeft;
  return (
    <Stack gap={4} data-testid="sla-timer" data-kind={timer.kind} data-state={timer.state}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t(`sla.kind.${timer.kind}`)}
        </Text>
        <TimerStateBadge timer={timer} />
      </Group>
      {left !== null && (
        <Text size="sm" fw={600} c={left < 0 ? 'red.9' : timer.warning ? 'orange.8' : undefined} data-testid="sla-left">
          {formatLeft(t, left)}
        </Text>
      )}
      {/* The sentence starts with the due time in the brand's zone, then says why it is then. */}
      <Text
        size="xs"
        c={timer.state === 'running' || timer.state === 'breached' ? undefined : 'dimmed'}
        lh={1.45}
        data-testid="sla-explanation"
        data-due={timer.dueAt ?? undefined}
        style={{ overflowWrap: 'anywhere' }}
      >
        {explainTimer(t, timer, locale, { timeZone: tz })}
      </Text>
    </Stack>
  );
}

function NotificationLine({ change }: { change: ScheduleChange }) {
  const { t } = useTranslation();
  const n = change.notification;
  if (!n) {
    return (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconMailOff size={13} style={{ flex: 'none' }} />
        <Text size="xs">{t('sla.change.notNotified')}</Text>
      </Group>
    );
  }
  const status: DeliveryStatus | null = (DELIVERY_STATUSES as readonly string[]).includes(n.status) ? (n.status as DeliveryStatus) : null;
  const color = status === 'sent' ? 'teal.8' : status === 'failed' || status === 'suppressed' ? 'red.7' : status === 'held' || status === 'outbox' ? 'orange.8' : 'dimmed';
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" c={color} data-testid="schedule-change-notification" data-status={n.status}>
      <IconMail size={13} style={{ flex: 'none', marginTop: 2 }} />
      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
        {status ? t(`delivery.${status}`, { to: n.to }) : `${n.status} · ${n.to}`}
      </Text>
    </Group>
  );
}

function ChangeItem({ change, timeZone }: { change: ScheduleChange; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={2} data-testid="schedule-change-item" data-reason={change.reason}>
      <Text size="sm" fw={600} c="grape.8">
        {isReason(change.reason) ? t(`sla.reason.${change.reason}`) : change.reason}
      </Text>
      <Text size="sm">{t('sla.change.newDate', { date: formatDueWithZone(change.plannedResolutionAt, locale, timeZone) })}</Text>
      {change.previousDueAt && (
        <Text size="xs" c="dimmed">
          {t('sla.change.previous', { date: formatDue(change.previousDueAt, locale, timeZone) })}
        </Text>
      )}
      {change.note && (
        <Text size="xs" fs="italic" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="schedule-change-note">
          {t('sla.change.noteShown', { note: change.note })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('sla.change.by', { name: change.createdBy?.name ?? t('history.system'), date: formatDue(change.createdAt, locale, timeZone) })}
      </Text>
      <NotificationLine change={change} />
    </Stack>
  );
}

/** The desk's view of a ticket's service level: every timer explained, and the planned date's changes. */
export function SlaPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const sla = useTicketSla(ticket.id);
  const [opened, modal] = useDisclosure(false);
  const canChange = !ticket.mergedInto && ticket.status !== 'closed';

  return (
    <Paper withBorder radius="md" p="md" data-testid="sla-panel">
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap={6}>
          <IconCalendarTime size={18} />
          <Text fw={600}>{t('sla.title')}</Text>
        </Group>
        {sla.data?.policy && (
          <Text size="xs" c="dimmed" data-testid="sla-policy">
            {sla.data.policy.name}
          </Text>
        )}
      </Group>
      {sla.isPending ? (
        <Stack gap="xs">
          <Skeleton height={14} />
          <Skeleton height={14} width="70%" />
        </Stack>
      ) : sla.isError ? (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">{errorMessage(t, sla.error)}</Text>
          <Anchor component="button" size="sm" onClick={() => void sla.refetch()}>
            {t('common.retry')}
          </Anchor>
        </Alert>
      ) : (
        <Stack gap="sm">
          {!sla.data.policy && (
            <Text size="sm" c="dimmed" data-testid="sla-no-policy">
              {t('sla.noPolicy')}
            </Text>
          )}
          {sla.data.timers.map((timer, i) => (
            <Stack key={timer.kind} gap="sm">
              {i > 0 && <Divider />}
              <TimerRow timer={timer} timeZone={ticket.timeZone} />
            </Stack>
          ))}
          {sla.data.policy && canChange && (
            <Button variant="light" size="xs" leftSection={<IconCalendarEvent size={14} />} onClick={modal.open} data-testid="schedule-change-open">
              {t('sla.change.open')}
            </Button>
          )}
          {sla.data.scheduleChanges.length > 0 && (
            <Stack gap="xs" mt={4} data-testid="schedule-change-history">
              <Divider label={t('sla.change.history')} labelPosition="left" />
              {sla.data.scheduleChanges.map((c) => (
                <ChangeItem key={c.id} change={c} timeZone={ticket.timeZone} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
      {opened && sla.data && <ScheduleChangeModal opened onClose={modal.close} ticket={ticket} sla={sla.data} />}
    </Paper>
  );
}
