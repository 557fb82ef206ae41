import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, useLocale } from '../../i18n';
import { PageHeader, Empty, ListStates, usePageTitle } from '../common';
import { LowStock } from './LowStock';
import { type BoardItem, useWorkshopBoard } from './workshop.api';
import { STATE_COLOUR } from './WorkshopPanel';

/** The board's columns: what the technician works on, and what waits on someone else. */
const COLUMNS: { key: 'bench' | 'parts' | 'customer' | 'ship'; states: BoardItem['state'][] }[] = [
  { key: 'bench', states: ['diagnosing', 'repairing', 'testing'] },
  { key: 'parts', states: ['awaiting_parts'] },
  { key: 'customer', states: ['awaiting_customer'] },
  { key: 'ship', states: ['replacing', 'ready_to_ship', 'returning_unrepaired'] },
];

/**
 * The workshop board (issue 13, item 12): the units on the bench by state, waiting for parts,
 * quotes awaiting the customer, ready to ship — oldest first in each column, one tap to the
 * ticket. Four columns on a desk, two on a tablet, one on a phone.
 */
export function WorkshopBoardPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('workshop.board.title'));
  const board = useWorkshopBoard();
  const items = board.data ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title={t('workshop.board.title')} subtitle={t('workshop.board.subtitle')} />
      <ListStates pending={board.isPending} error={board.isError ? board.error : null} onRetry={() => void board.refetch()} isEmpty={items.length === 0} empty={<Empty icon={<IconTool size={28} />} title={t('workshop.board.empty')} />}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {COLUMNS.map((c) => {
            const cards = items.filter((i) => c.states.includes(i.state));
            return (
              <Stack key={c.key} gap="xs" data-testid={`board-column-${c.key}`}>
                <Group justify="space-between">
                  <Title order={2} size="h5">
                    {t(`workshop.board.column.${c.key}`)}
                  </Title>
                  <Badge variant="default" radius="sm">
                    {cards.length}
                  </Badge>
                </Group>
                {cards.map((i) => (
                  <Paper key={i.repairId} withBorder radius="md" p="sm" component={Link} to={`/agent/tickets/${i.ticketId}`} c="inherit" td="none" data-testid="board-card" data-state={i.state} data-number={i.number}>
                    <Group justify="space-between" gap={4} wrap="nowrap">
                      <Text ff="monospace" size="sm" fw={600}>
                        {i.number}
                      </Text>
                      <Badge variant="light" radius="sm" tt="none" color={STATE_COLOUR[i.state]}>
                        {t(`workshop.state.${i.state}`)}
                      </Badge>
                    </Group>
                    <Text size="sm">{i.model}</Text>
                    <Text size="xs" ff="monospace" c="dimmed">
                      {i.serial}
                    </Text>
                    {i.partsWaiting > 0 && (
                      <Text size="xs" c="yellow.8">
                        {t('workshop.board.partsWaiting', { count: i.partsWaiting })}
                      </Text>
                    )}
                    {i.quoteState === 'sent' && (
                      <Text size="xs" c="orange">
                        {t('workshop.board.quoteWaiting')}
                      </Text>
                    )}
                    {i.estimate && (
                      <Text size="xs" c="dimmed">
                        {t('workshop.estimate', { min: i.estimate.minDays, count: i.estimate.maxDays })}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('workshop.board.since', { at: formatDateTime(i.since, locale, i.timeZone, { compact: true }) })}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            );
          })}
        </SimpleGrid>
      </ListStates>
      <LowStock />
    </Stack>
  );
}
