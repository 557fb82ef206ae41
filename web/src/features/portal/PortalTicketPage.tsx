import { Alert, Button, Grid, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../../i18n';
import { useBrandMap } from '../brands';
import { TicketDetails, MergedBanner, TicketHeader, TicketPageState, TicketThread, useTicketPage, useUpdateTicket } from '../tickets';
import { PortalPlannedDate } from '../sla';
import { UnitsPanel } from '../units';
import { ReturnPanel } from '../returns';
import { WorkshopPanel } from '../workshop';

export function PortalTicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const brands = useBrandMap();
  const { ticket, entries } = useTicketPage(id);
  const update = useUpdateTicket(id);

  if (!ticket.isSuccess) return <TicketPageState query={ticket} homeTo="/portal" />;
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
      <TicketHeader ticket={tk} backTo="/portal" backLabel={t('nav.myTickets')}>
        <Text size="sm" c="dimmed">
          {t('portal.numberHint')}
        </Text>
      </TicketHeader>

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

      <MergedBanner ticket={tk} basePath="/portal/tickets" />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <TicketThread ticket={tk} entries={entries} kinds={['customer_message']} portal hint={tk.status === 'closed' ? t('portal.reopenHint') : undefined} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <PortalPlannedDate ticket={tk} />
            <UnitsPanel ticket={tk} />
            <ReturnPanel ticket={tk} portal />
            <WorkshopPanel ticket={tk} portal />
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
