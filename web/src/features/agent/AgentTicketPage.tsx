import { Grid, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowMerge, IconHistory, IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useBrandMap } from '../brands';
import { ChannelLabel, PriorityBadge, SerialBadges, TicketDetails, MergedBanner, TicketHeader, TicketPageState, TicketThread, useTicketPage, TicketMailsPanel } from '../tickets';
import { HistoryTab } from './HistoryTab';
import { MergeModal } from './MergeModal';
import { PropertiesPanel } from './PropertiesPanel';
import { SlaPanel } from '../sla';
import { UnitsPanel } from '../units';
import { ReturnPanel } from '../returns';
import { WorkshopPanel } from '../workshop';
import { VisitPanel } from '../field';
import { TicketTools } from '../desk';
import type { ComposerKind } from '../tickets';
import { LiveTicket } from '../notifications';

export function AgentTicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const brands = useBrandMap();
  const { ticket, entries } = useTicketPage(id);
  const [tab, setTab] = useState<string | null>('conversation');
  const [mergeOpened, merge] = useDisclosure(false);
  // A keyboard shortcut (r, n) asks the composer for a kind and the focus.
  const [composerRequest, setComposerRequest] = useState<{ kind: ComposerKind; n: number }>();

  if (!ticket.isSuccess) return <TicketPageState query={ticket} homeTo="/agent" />;
  const tk = ticket.data;
  const brand = brands.get(tk.brandId);

  return (
    <Stack gap="lg" data-testid="ticket-page">
      <TicketHeader
        ticket={tk}
        backTo="/agent"
        backLabel={t('nav.queue')}
        badges={<PriorityBadge priority={tk.priority} size="lg" />}
        afterBrand={<ChannelLabel channel={tk.channel} />}
      >
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
      </TicketHeader>

      <MergedBanner ticket={tk} basePath="/agent/tickets" icon={<IconArrowMerge size={18} />} />
      {!tk.mergedInto && <TicketTools ticket={tk} onCompose={(kind) => setComposerRequest((r) => ({ kind, n: (r?.n ?? 0) + 1 }))} />}
      <LiveTicket ticketId={tk.id} version={tk.updatedAt} />

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
              <TicketThread ticket={tk} entries={entries} kinds={['agent_reply', 'internal_note', 'phone_note']} composerRequest={composerRequest} showDelivery />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistoryTab ticket={tk} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <SlaPanel ticket={tk} />
            <UnitsPanel ticket={tk} />
            <ReturnPanel ticket={tk} />
            <WorkshopPanel ticket={tk} />
            <VisitPanel ticket={tk} />
            <TicketMailsPanel ticket={tk} />
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
