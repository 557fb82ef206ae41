import { Badge, Tooltip, type MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClockHour4, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SlaBadgeInfo, SlaBadgeState, SlaTimer } from '../../api/types';
import { useLocale } from '../../i18n';
import { formatDuration, formatDueWithZone } from './sla-format';

/** ok / warning (orange) / breached (red) / paused (grey): the queue's colours for a due time. */
export const SLA_BADGE_COLOR: Record<SlaBadgeState, MantineColor> = {
  ok: 'teal',
  warning: 'orange',
  breached: 'red',
  paused: 'gray',
};

/** The state of one timer on the ticket page; "due soon" replaces "running" inside the warning window. */
export function TimerStateBadge({ timer }: { timer: SlaTimer }) {
  const { t } = useTranslation();
  const warning = timer.state === 'running' && timer.warning;
  const color: MantineColor = warning
    ? 'orange'
    : { pending: 'gray', running: 'blue', paused: 'gray', met: 'teal', breached: 'red' }[timer.state];
  const Icon = warning || timer.state === 'breached' ? IconAlertTriangle : timer.state === 'met' ? IconCheck : timer.state === 'paused' ? IconPlayerPause : IconClockHour4;
  return (
    <Badge
      color={color}
      variant={timer.state === 'breached' ? 'filled' : 'light'}
      size="sm"
      tt="none"
      fw={600}
      leftSection={<Icon size={12} />}
      style={{ flex: 'none' }}
      data-testid="sla-timer-state"
      data-state={warning ? 'warning' : timer.state}
    >
      {warning ? t('sla.state.warning') : t(`sla.state.${timer.state}`)}
    </Badge>
  );
}

/** The queue's column ("Due in"): working time left on the nearest due time, coloured by its state. */
export function SlaQueueBadge({ sla, timeZone }: { sla: SlaBadgeInfo; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label =
    sla.state === 'paused'
      ? t('sla.state.paused')
      : sla.workingMinutesLeft < 0 || sla.state === 'breached'
        ? t('sla.badge.overdue', { duration: formatDuration(t, Math.abs(sla.workingMinutesLeft)) })
        : formatDuration(t, sla.workingMinutesLeft);
  const due = timeZone ? formatDueWithZone(sla.dueAt, locale, timeZone) : sla.dueAt;
  return (
    <Tooltip label={t('sla.badge.tooltip', { kind: t(`sla.kind.${sla.kind}`), date: due })} withArrow openDelay={300}>
      <Badge
        color={SLA_BADGE_COLOR[sla.state]}
        variant={sla.state === 'breached' ? 'filled' : 'light'}
        size="sm"
        tt="none"
        fw={600}
        style={{ minWidth: 'max-content' }}
        leftSection={sla.state === 'paused' ? <IconPlayerPause size={12} /> : sla.state === 'ok' ? <IconClockHour4 size={12} /> : <IconAlertTriangle size={12} />}
        data-testid="sla-badge"
        data-state={sla.state}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
