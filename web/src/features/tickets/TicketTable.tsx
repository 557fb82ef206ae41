import { Anchor, Checkbox, Group, Paper, ScrollArea, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { QueueColumn, TicketSummary } from '../../api/types';
import { useBrandMap } from '../brands';
import { SlaQueueBadge } from '../sla';
import { DateTime, PriorityBadge, StatusBadge } from './badges';
import type { Segment } from './highlight';
import { Highlighted } from './Highlighted';

/** The columns a ticket table can show: one vocabulary with the server's saved views. */
export type TicketColumn = QueueColumn;

interface TicketTableProps {
  tickets: readonly (TicketSummary & { headline?: readonly Segment[]; subjectHighlight?: readonly Segment[] })[];
  /** The search typed: its words are marked in the subject, number and requester (issue 14, item 4). */
  highlight?: string;
  columns: readonly TicketColumn[];
  linkTo: (t: TicketSummary) => string;
  /** The brand under the number rather than in a column of its own: room for the queue's due-time column. */
  brandUnderNumber?: boolean;
  /** Bulk selection (the desk's queue): a checkbox per ticket and one for the page. */
  selection?: TicketSelection;
  /** The ticket the keyboard is on (j/k in the queue). */
  activeId?: string | undefined;
  /** Tickets with activity the agent has not seen: marked, and named for screen readers. */
  unseen?: ReadonlySet<string> | undefined;
}

export interface TicketSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: readonly string[], on: boolean) => void;
}

function PageCheckbox({ tickets, selection }: { tickets: readonly TicketSummary[]; selection: TicketSelection }) {
  const { t } = useTranslation();
  const ids = tickets.map((x) => x.id);
  const count = ids.filter((id) => selection.selected.has(id)).length;
  return (
    <Checkbox
      aria-label={t('bulk.selectPage')}
      checked={count > 0 && count === ids.length}
      indeterminate={count > 0 && count < ids.length}
      onChange={(e) => selection.setAll(ids, e.currentTarget.checked)}
      data-testid="select-page"
    />
  );
}

function RowCheckbox({ ticket, selection }: { ticket: TicketSummary; selection: TicketSelection }) {
  const { t } = useTranslation();
  return (
    <Checkbox
      aria-label={t('bulk.selectTicket', { number: ticket.number })}
      checked={selection.selected.has(ticket.id)}
      onChange={() => selection.toggle(ticket.id)}
      onClick={(e) => e.stopPropagation()}
      data-testid="select-ticket"
    />
  );
}

/**
 * From which width each column shows (Mantine breakpoints): what identifies a ticket and says where
 * it stands always; the rest as room allows, so the desk never scrolls sideways at 1366 px.
 */
const SHOWN_FROM: Record<TicketColumn, 'sm' | 'md' | 'lg' | 'xl' | undefined> = {
  number: undefined,
  subject: undefined,
  status: undefined,
  sla: undefined,
  requester: 'md',
  updated: 'md',
  priority: 'lg',
  assignee: 'lg',
  brand: 'lg',
  created: 'xl',
};

/** The mark of a ticket with activity the agent has not seen (issue 14, item 2). */
function UnseenDot() {
  const { t } = useTranslation();
  return (
    <span data-testid="unseen-mark" title={t('notifications.unread')} style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, marginRight: 6, verticalAlign: 'middle', background: 'var(--mantine-color-blue-7)' }}>
      <VisuallyHidden>{t('notifications.unread')}</VisuallyHidden>
    </span>
  );
}

export function TicketTable(props: TicketTableProps) {
  // A phone gets a card per ticket: number, status and due time stay in sight (issue 14, item 8).
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return phone ? <TicketCards {...props} /> : <TicketRows {...props} />;
}

function TicketCards({ tickets, columns, linkTo, highlight, selection, activeId, unseen }: TicketTableProps) {
  const { t } = useTranslation();
  const brands = useBrandMap();
  return (
    <Stack gap="xs" data-testid="ticket-table">
      {selection && tickets.length > 0 && (
        <Group gap="xs" px="sm">
          <PageCheckbox tickets={tickets} selection={selection} />
          <Text size="sm" c="dimmed">
            {t('bulk.selectPage')}
          </Text>
        </Group>
      )}
      {tickets.map((ticket) => {
        const tz = ticket.timeZone ?? brands.get(ticket.brandId)?.timeZone;
        const card = (
          <Paper
            key={ticket.id}
            withBorder
            radius="md"
            p="sm"
            component={Link}
            to={linkTo(ticket)}
            c="inherit"
            td="none"
            style={{ flex: 1, minWidth: 0, ...(activeId === ticket.id ? { outline: '2px solid var(--mantine-primary-color-filled)' } : {}) }}
            data-testid="ticket-row"
            data-ticket-id={ticket.id}
            data-ticket-number={ticket.number}
            data-active={activeId === ticket.id || undefined}
            data-unseen={unseen?.has(ticket.id) || undefined}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text ff="monospace" size="sm" fw={600}>
                {unseen?.has(ticket.id) && <UnseenDot />}
                <Highlighted text={ticket.number} query={highlight} />
              </Text>
              <StatusBadge status={ticket.status} />
            </Group>
            <Text size="sm" fw={500} lineClamp={2} mt={4}>
              <Highlighted text={ticket.subject} query={highlight} segments={ticket.subjectHighlight} />
            </Text>
            {ticket.headline?.some((h) => h.match) && (
              <Text size="xs" c="dimmed" lineClamp={1} data-testid="search-headline">
                <Highlighted text="" segments={ticket.headline} />
              </Text>
            )}
            <Group justify="space-between" gap="xs" mt={4}>
              <Text size="xs" c="dimmed" truncate style={{ flex: 1 }}>
                {columns.includes('requester') ? <Highlighted text={ticket.requester.name} query={highlight} /> : ticket.brandName}
              </Text>
              {columns.includes('sla') && ticket.sla ? <SlaQueueBadge sla={ticket.sla} timeZone={tz} /> : null}
              <Text size="xs" c="dimmed">
                <DateTime iso={ticket.updatedAt} timeZone={tz} compact />
              </Text>
            </Group>
            {columns.includes('assignee') && (
              <Text size="xs" c="dimmed">
                {ticket.assignee ? ticket.assignee.name : t('ticket.unassigned')}
              </Text>
            )}
          </Paper>
        );
        return selection ? (
          <Group key={ticket.id} gap="xs" wrap="nowrap" align="center">
            <RowCheckbox ticket={ticket} selection={selection} />
            {card}
          </Group>
        ) : (
          card
        );
      })}
    </Stack>
  );
}

function TicketRows({ tickets, columns, linkTo, brandUnderNumber, highlight, selection, activeId, unseen }: TicketTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const brands = useBrandMap();
  const has = (c: TicketColumn) => columns.includes(c);
  const from = (c: TicketColumn) => SHOWN_FROM[c];

  return (
    <Paper withBorder radius="md">
      <ScrollArea type="auto">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" data-testid="ticket-table">
          <Table.Thead>
            <Table.Tr>
              {selection && (
                <Table.Th w={36}>
                  <PageCheckbox tickets={tickets} selection={selection} />
                </Table.Th>
              )}
              {columns.map((c) => (
                <Table.Th key={c} visibleFrom={from(c)} style={{ whiteSpace: 'nowrap' }}>
                  {t(`ticketTable.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.map((ticket) => {
              const tz = ticket.timeZone ?? brands.get(ticket.brandId)?.timeZone;
              const to = linkTo(ticket);
              return (
                <Table.Tr
                  key={ticket.id}
                  data-testid="ticket-row"
                  data-ticket-id={ticket.id}
                  data-ticket-number={ticket.number}
                  data-active={activeId === ticket.id || undefined}
                  data-unseen={unseen?.has(ticket.id) || undefined}
                  bg={activeId === ticket.id ? 'var(--mantine-primary-color-light)' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest('a, input, label')) return;
                    void navigate(to);
                  }}
                >
                  {selection && (
                    <Table.Td w={36}>
                      <RowCheckbox ticket={ticket} selection={selection} />
                    </Table.Td>
                  )}
                  {has('number') && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {unseen?.has(ticket.id) && <UnseenDot />}
                      <Anchor component={Link} to={to} ff="monospace" size="sm" fw={600}>
                        <Highlighted text={ticket.number} query={highlight} />
                      </Anchor>
                      {brandUnderNumber && (
                        <Text size="xs" c="dimmed" data-testid="ticket-row-brand">
                          {ticket.brandName}
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  {has('subject') && (
                    <Table.Td miw={180}>
                      <Text size="sm" fw={500} lineClamp={2}>
                        <Highlighted text={ticket.subject} query={highlight} segments={ticket.subjectHighlight} />
                      </Text>
                      {ticket.headline?.some((h) => h.match) && (
                        <Text size="xs" c="dimmed" lineClamp={1} data-testid="search-headline">
                          <Highlighted text="" segments={ticket.headline} />
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  {has('requester') && (
                    <Table.Td visibleFrom={from('requester')} maw={190}>
                      <Text size="sm" truncate>
                        <Highlighted text={ticket.requester.name} query={highlight} />
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        <Highlighted text={ticket.requester.email} query={highlight} />
                      </Text>
                    </Table.Td>
                  )}
                  {has('brand') && (
                    <Table.Td visibleFrom={from('brand')}>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {ticket.brandName}
                      </Text>
                    </Table.Td>
                  )}
                  {has('status') && (
                    <Table.Td>
                      <StatusBadge status={ticket.status} />
                    </Table.Td>
                  )}
                  {has('priority') && (
                    <Table.Td visibleFrom={from('priority')}>
                      <PriorityBadge priority={ticket.priority} />
                    </Table.Td>
                  )}
                  {has('sla') && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="ticket-sla-cell">
                      {ticket.sla ? <SlaQueueBadge sla={ticket.sla} timeZone={tz} /> : null}
                    </Table.Td>
                  )}
                  {has('assignee') && (
                    <Table.Td visibleFrom={from('assignee')}>
                      {ticket.assignee ? (
                        <Text size="sm">{ticket.assignee.name}</Text>
                      ) : (
                        <Text size="sm" c="dimmed" fs="italic">
                          {t('ticket.unassigned')}
                        </Text>
                      )}
                      {ticket.group && (
                        <Text size="xs" c="dimmed">
                          {ticket.group.name}
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  {has('created') && (
                    <Table.Td visibleFrom={from('created')} style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">
                        <DateTime iso={ticket.createdAt} timeZone={tz} compact />
                      </Text>
                    </Table.Td>
                  )}
                  {has('updated') && (
                    <Table.Td visibleFrom={from('updated')} style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={4}>
                        <Text size="sm">
                          <DateTime iso={ticket.updatedAt} timeZone={tz} compact />
                        </Text>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
