import { Badge, Group, Paper, Skeleton, Stack, Text, type MantineColor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import type { DeliveryStatus, Ticket, TicketMail } from '../../api/types';
import { errorMessage } from '../../i18n';
import { DateTime } from './badges';
import { isPending } from './ticket-mails';

const STATUS_COLOR: Record<DeliveryStatus, MantineColor> = { queued: 'blue', sent: 'teal', failed: 'red', held: 'orange', suppressed: 'gray', outbox: 'grape' };

/** Every mail recorded on a ticket, automatic ones included (staff only); looked at again while one waits to be sent. */
export function useTicketMails(ticketId: string) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'mails'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/tickets/{id}/mails', { params: { path: { id: ticketId } }, signal })),
    select: (d) => d.items,
    refetchInterval: (q) => (q.state.data?.items.some(isPending) ? 3000 : false),
  });
}

function MailRow({ mail, timeZone }: { mail: TicketMail; timeZone: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} data-testid="ticket-mail" data-kind={mail.kind} data-status={mail.status}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {t(`mailKind.${mail.kind}`)}
        </Text>
        <Badge color={STATUS_COLOR[mail.status]} variant="light" radius="sm" tt="none" style={{ flex: 'none' }}>
          {t(`mailStatus.${mail.status}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {mail.subject}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {mail.to} · <DateTime iso={mail.sentAt ?? mail.createdAt} timeZone={timeZone} compact />
      </Text>
      {mail.status !== 'sent' && mail.status !== 'queued' && (
        <Text size="xs" c={mail.status === 'failed' ? 'red.7' : 'dimmed'}>
          {t(`delivery.${mail.status}`, { to: mail.to })}
        </Text>
      )}
      {mail.error && mail.status !== 'held' && (
        <Text size="xs" c="red.7" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {mail.error}
        </Text>
      )}
    </Stack>
  );
}

/** The ticket's e-mails with their delivery state: acknowledgment, confirmation request, notices, replies (issue 14). */
export function TicketMailsPanel({ ticket }: { ticket: Pick<Ticket, 'id' | 'timeZone'> }) {
  const { t } = useTranslation();
  const mails = useTicketMails(ticket.id);
  return (
    <Paper withBorder radius="md" p="md" data-testid="ticket-mails">
      <Text fw={600} mb="sm">
        {t('mails.title')}
      </Text>
      {mails.isPending ? (
        <Skeleton height={48} />
      ) : mails.isError ? (
        <Text size="sm" c="red.7">
          {errorMessage(t, mails.error)}
        </Text>
      ) : mails.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('mails.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {mails.data.map((m) => (
            <MailRow key={m.id} mail={m} timeZone={ticket.timeZone} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
