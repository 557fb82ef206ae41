import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../i18n/errors';
import { useCurrentUser } from '../auth/auth.api';
import { useBrandMap } from '../brands/brands.api';
import { ErrorState, isNotFound, NotFound, PageLoader } from '../common/states';
import { StatusBadge } from '../tickets/badges';
import { Composer } from '../tickets/Composer';
import { Conversation } from '../tickets/Conversation';
import { TicketDetails } from '../tickets/TicketDetails';
import { useEntries, useTicket, useUpdateTicket } from '../tickets/tickets.api';
import { usePageTitle } from '../common/usePageTitle';
import { PortalPlannedDate } from '../sla/PortalPlannedDate';

export function PortalTicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const brands = useBrandMap();
  const ticket = useTicket(id);
  usePageTitle(ticket.data ? `${ticket.data.number} · ${ticket.data.subject}` : undefined);
  const entries = useEntries(id, ticket.isSuccess);
  const update = useUpdateTicket(id);

  if (ticket.isPending) return <PageLoader />;
  if (ticket.isError) {
    return isNotFound(ticket.error) ? <NotFound homeTo="/portal" /> : <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }
  const tk = ticket.data;

  const close = () =>
    update.mutate(
      { status: 'closed' },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('portal.closedDone') }),
        onError: (e) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, e) }),
      },
    );

  return (
    <Stack gap="lg" data-testid="ticket-page">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/portal" size="sm">
          {t('nav.myTickets')}
        </Anchor>
        <Text size="sm" ff="monospace">
          {tk.number}
        </Text>
      </Breadcrumbs>

      <Paper withBorder radius="md" p="lg">
        <Stack gap="xs">
          <Group gap="sm">
            <Badge size="lg" variant="default" radius="sm" ff="monospace" tt="none" data-testid="ticket-number">
              {tk.number}
            </Badge>
            <StatusBadge status={tk.status} size="lg" />
            <Text size="sm" c="dimmed">
              {tk.brandName}
            </Text>
          </Group>
          <Title order={1} size="h2" data-testid="ticket-subject" style={{ overflowWrap: 'anywhere' }}>
            {tk.subject}
          </Title>
          <Text size="sm" c="dimmed">
            {t('portal.numberHint')}
          </Text>
        </Stack>
      </Paper>

      {tk.status === 'resolved' && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />} title={t('portal.resolvedTitle')} data-testid="resolved-banner">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('portal.resolvedBody')}</Text>
            <Button color="teal" size="sm" onClick={close} loading={update.isPending} leftSection={<IconLock size={16} />} data-testid="close-ticket">
              {t('portal.close')}
            </Button>
          </Stack>
        </Alert>
      )}

      {tk.mergedInto && (
        <Alert color="orange" variant="light" data-testid="merged-banner">
          {t('merge.mergedInto')}{' '}
          <Anchor component={Link} to={`/portal/tickets/${tk.mergedInto.id}`} ff="monospace" fw={600}>
            {tk.mergedInto.number}
          </Anchor>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {entries.isPending ? (
              <PageLoader />
            ) : entries.isError ? (
              <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
            ) : (
              <Conversation
                entries={entries.data}
                timeZone={tk.timeZone}
                currentUserId={user.id}
                opening={{ author: tk.requester.name, at: tk.createdAt, body: tk.description, attachments: tk.attachments ?? [], mine: tk.requester.id === user.id }}
              />
            )}
            {!tk.mergedInto && (
              <Composer
                ticketId={tk.id}
                kinds={['customer_message']}
                hint={tk.status === 'closed' ? t('portal.reopenHint') : undefined}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <PortalPlannedDate ticket={tk} />
            <Paper withBorder radius="md" p="md">
              <Text fw={600} mb="sm">
                {t('ticket.details')}
              </Text>
              <TicketDetails ticket={tk} brand={brands.get(tk.brandId)} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
