import { Button, Stack } from '@mantine/core';
import { IconPlus, IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isPartner } from '../../api/types';
import { useCurrentUser } from '../auth';
import { useBrands } from '../brands';
import { Empty, ListStates, usePageTitle, PageHeader, LoadMore } from '../common';
import { TicketTable, type TicketColumn, useTicketList } from '../tickets';

export function MyTicketsPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.myTickets'));
  const brands = useBrands();
  // The server lists a portal user's own tickets, newest first.
  const list = useTicketList({});
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  const user = useCurrentUser();
  // Partners follow their customers' cases, so they need to see whose case each one is.
  const columns: TicketColumn[] = [
    'number',
    'subject',
    ...(isPartner(user.role) ? (['requester'] as const) : []),
    ...((brands.data?.length ?? 0) > 1 ? (['brand'] as const) : []),
    'status',
    'created',
    'updated',
  ];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('portal.myTickets')}
        subtitle={t('portal.myTicketsSubtitle')}
        action={
          <Button component={Link} to="/portal/new" leftSection={<IconPlus size={18} />} data-testid="open-ticket-button">
            {t('nav.openTicket')}
          </Button>
        }
      />
      <ListStates
        pending={list.isPending}
        error={list.isError ? list.error : null}
        onRetry={() => void list.refetch()}
        isEmpty={tickets.length === 0}
        empty={
          <Empty
          icon={<IconTicket size={28} />}
          title={t('portal.noTickets')}
          description={t('portal.noTicketsHint')}
          action={
            <Button component={Link} to="/portal/new" leftSection={<IconPlus size={16} />}>
              {t('nav.openTicket')}
            </Button>
          }
        />
        }
      >
        <Stack gap="sm">
          <TicketTable tickets={tickets} columns={columns} linkTo={(tk) => `/portal/tickets/${tk.id}`} />
          <LoadMore list={list} centered />
        </Stack>
      </ListStates>
    </Stack>
  );
}
