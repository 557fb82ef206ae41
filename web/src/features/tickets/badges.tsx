import { Badge, Group, Text, type MantineColor } from '@mantine/core';
import {
  IconAt,
  IconBuildingStore,
  IconDeviceDesktop,
  IconMail,
  IconPhone,
  IconPrinter,
  IconTool,
  IconWorldWww,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketChannel, TicketPriority, TicketStatus } from '../../api/types';
import { formatDateTime, useLocale } from '../../i18n';

export const STATUS_COLOR: Record<TicketStatus, MantineColor> = {
  new: 'blue',
  accepted: 'cyan',
  in_progress: 'indigo',
  waiting_customer: 'orange',
  waiting_parts: 'yellow',
  waiting_third_party: 'grape',
  resolved: 'teal',
  closed: 'gray',
};

export const PRIORITY_COLOR: Record<TicketPriority, MantineColor> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export const CHANNEL_ICON: Record<TicketChannel, Icon> = {
  email: IconMail,
  portal: IconDeviceDesktop,
  web_form: IconWorldWww,
  phone: IconPhone,
  fax: IconPrinter,
  postal: IconBuildingStore,
  onsite: IconTool,
};

export function StatusBadge({ status, size = 'sm' }: { status: TicketStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size={size} tt="none" fw={600} style={{ minWidth: 'max-content' }} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority, size = 'sm' }: { priority: TicketPriority; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={PRIORITY_COLOR[priority]}
      variant={priority === 'urgent' ? 'filled' : 'outline'}
      size={size}
      tt="none"
      fw={600}
      style={{ minWidth: 'max-content' }}
      data-priority={priority}
    >
      {t(`priority.${priority}`)}
    </Badge>
  );
}

export function ChannelLabel({ channel }: { channel: TicketChannel }) {
  const { t } = useTranslation();
  const Icon = CHANNEL_ICON[channel] ?? IconAt;
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={14} stroke={1.6} />
      <Text size="sm" span>
        {t(`channel.${channel}`)}
      </Text>
    </Group>
  );
}

/** An instant in the ticket's brand time zone; the full date with the zone shows on hover. */
export function DateTime({ iso, timeZone, withZone, compact }: { iso: string | null | undefined; timeZone?: string; withZone?: boolean; compact?: boolean }) {
  const locale = useLocale();
  return (
    <time dateTime={iso ?? undefined} title={formatDateTime(iso, locale, timeZone, { withZone: true })}>
      {formatDateTime(iso, locale, timeZone, { withZone, compact })}
    </time>
  );
}
