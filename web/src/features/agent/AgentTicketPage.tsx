import { Alert, Anchor, Badge, Breadcrumbs, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowMerge, IconHistory, IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../auth/auth.api';
import { useBrandMap } from '../brands/brands.api';
import { ErrorState, isNotFound, NotFound, PageLoader } from '../common/states';
import { ChannelLabel, PriorityBadge, StatusBadge } from '../tickets/badges';
import { Composer } from '../tickets/Composer';
import { Conversation } from '../tickets/Conversation';
import { SerialBadges, TicketDetails } from '../tickets/TicketDetails';
import { useEntries, useTicket } from '../tickets/tickets.api';
import { HistoryTab } from './HistoryTab';
import { MergeModal } from './MergeModal';
import { PropertiesPanel } from './PropertiesPanel';
import { usePageTitle } from '../common/usePageTitle';
import { SlaPanel } from '../sla/SlaPanel';

export function AgentTicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const brands = useBrandMap();
  const ticket = useTicket(id);
  usePageTitle(ticket.data ? `${ticket.data.number} · ${ticket.data.subject}` : undefined);
  const entries = useEntries(id, ticket.isSuccess);
  const [tab, setTab] = useState<string | null>('conversation');
  const [mergeOpened, merge] = useDisclosure(false);

  if (ticket.isPending) return <PageLoader />;
  if (ticket.isError) {
    return isNotFound(ticket.error) ? <NotFound homeTo="/agent" /> : <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }
  const tk = ticket.data;
  const brand = brands.get(tk.brandId);

  return (
    <Stack gap="lg" data-testid="ticket-page">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/agent" size="sm">
          {t('nav.queue')}
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
            <PriorityBadge priority={tk.priority} size="lg" />
            <Text size="sm" c="dimmed">
              {tk.brandName}
            </Text>
            <ChannelLabel channel={tk.channel} />
          </Group>
          <Title order={1} size="h2" data-testid="ticket-subject" style={{ overflowWrap: 'anywhere' }}>
            {tk.subject}
          </Title>
          <Group gap="lg">
            <Text size="sm">
              <Text span c="dimmed">
                {t('ticket.requester')}:{' '}
              </Text>
              <Text span fw={500}>
                {tk.requester.name}
              </Text>{' '}
              <Text span c="dimmed">
                &lt;{tk.requester.email}&gt;
              </Text>
            </Text>
            {tk.serialNumbers.length > 0 && (
              <Group gap={6}>
                <Text size="sm" c="dimmed">
                  {t('ticket.serials')}:
                </Text>
                <SerialBadges serials={tk.serialNumbers} />
              </Group>
            )}
          </Group>
        </Stack>
      </Paper>

      {tk.mergedInto && (
        <Alert color="orange" variant="light" icon={<IconArrowMerge size={18} />} data-testid="merged-banner">
          {t('merge.mergedInto')}{' '}
          <Anchor component={Link} to={`/agent/tickets/${tk.mergedInto.id}`} ff="monospace" fw={600}>
            {tk.mergedInto.number}
          </Anchor>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="conversation" leftSection={<IconMessages size={16} />} data-testid="tab-conversation">
                {t('ticket.conversation')}
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
                {t('ticket.history')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="conversation">
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
                    showDelivery
                    opening={{ author: tk.requester.name, at: tk.createdAt, body: tk.description, attachments: tk.attachments ?? [], mine: false }}
                  />
                )}
                {!tk.mergedInto && <Composer ticketId={tk.id} kinds={['agent_reply', 'internal_note', 'phone_note']} />}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistoryTab ticket={tk} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <SlaPanel ticket={tk} />
            <Paper withBorder radius="md" p="md">
              <Text fw={600} mb="sm">
                {t('ticket.properties')}
              </Text>
              <PropertiesPanel ticket={tk} onMerge={merge.open} />
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Text fw={600} mb="sm">
                {t('ticket.details')}
              </Text>
              <TicketDetails ticket={tk} brand={brand} showRequester />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <MergeModal ticket={tk} opened={mergeOpened} onClose={merge.close} />
    </Stack>
  );
}
