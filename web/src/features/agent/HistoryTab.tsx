import { Group, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { IconArrowRight, IconHistory } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITY_COLOR, STATUS_COLOR, DateTime, useHistory } from '../tickets';
import { Empty, ErrorState, TableSkeleton } from '../common';
import { ENTRY_KINDS, REPAIR_STATES, RMA_STATES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TIMER_KINDS, VISIT_STATES, type Ticket } from '../../api/types';
import { isReason } from '../sla';
import { useGroups, useStaffUsers } from '../brands';

const KNOWN_FIELDS = [
  'status',
  'priority',
  'assignee',
  'group',
  'subject',
  'mergedInto',
  'mergedFrom',
  'created',
  'entry',
  'channel',
  'serialNumbers',
  'customFields',
  'requester',
  'confirmationRequested',
  'confirmed',
  'plannedResolution',
  'slaWarning',
  'slaBreached',
  'rma',
  'onsiteVisit',
  'repair',
] as const;
/** Fields whose values are instants, shown in the ticket's time zone. */
const DATE_FIELDS: readonly KnownField[] = ['confirmationRequested', 'confirmed', 'plannedResolution'];
type KnownField = (typeof KNOWN_FIELDS)[number];

const FIELD_ALIASES: Record<string, KnownField> = {
  assignee_id: 'assignee',
  assigneeId: 'assignee',
  group_id: 'group',
  groupId: 'group',
  merged_into: 'mergedInto',
  merged_into_id: 'mergedInto',
  merged_from: 'mergedFrom',
  mergedIntoId: 'mergedInto',
  serial_numbers: 'serialNumbers',
  custom_fields: 'customFields',
  requester_id: 'requester',
  requesterId: 'requester',
  confirmation_requested: 'confirmationRequested',
  confirmation_requested_at: 'confirmationRequested',
  confirmationRequestedAt: 'confirmationRequested',
  confirmed_at: 'confirmed',
  confirmedAt: 'confirmed',
  planned_resolution: 'plannedResolution',
  sla_warning: 'slaWarning',
  sla_breached: 'slaBreached',
  onsite_visit: 'onsiteVisit',
};

function fieldKey(field: string): KnownField | null {
  const k = FIELD_ALIASES[field] ?? field;
  return (KNOWN_FIELDS as readonly string[]).includes(k) ? (k as KnownField) : null;
}

function includes<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

/** Renders one side of an audit change: translated status/priority names, people and groups by name. */
function renderValue(t: TFunction, field: KnownField | null, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if ((field === 'assignee' || field === 'group' || field === 'requester') && typeof value === 'string') return names.get(value) ?? value;
  if (field === 'status' && includes(TICKET_STATUSES, value)) return t(`status.${value}`);
  if (field === 'priority' && includes(TICKET_PRIORITIES, value)) return t(`priority.${value}`);
  if (field === 'channel' && includes(TICKET_CHANNELS, value)) return t(`channel.${value}`);
  // A return's step: the state it left, and the state it reached with the reason given.
  if (field === 'rma' && includes(RMA_STATES, value)) return t(`rma.state.${value}`);
  if (field === 'rma' && value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const state = o.event === 'parcel_refused' ? t('rma.event.parcel_refused') : includes(RMA_STATES, o.state) ? t(`rma.state.${o.state}`) : '—';
    return typeof o.reason === 'string' ? `${state}: ${o.reason}` : state;
  }
  // A repair's step in the workshop: the state it left, and the state it reached.
  if (field === 'repair' && includes(REPAIR_STATES, value)) return t(`workshop.state.${value}`);
  if (field === 'repair' && value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return includes(REPAIR_STATES, o.state) ? t(`workshop.state.${o.state}`) : '—';
  }
  // An on-site visit's step: its state, billable or not, and the reason of a cancellation.
  if (field === 'onsiteVisit' && includes(VISIT_STATES, value)) return t(`visits.state.${value}`);
  if (field === 'onsiteVisit' && value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const state = includes(VISIT_STATES, o.state) ? t(`visits.state.${o.state}`) : '—';
    const billing = typeof o.billable === 'boolean' ? ` · ${o.billable ? t('visits.billable') : t('visits.free')}` : '';
    return `${state}${billing}${typeof o.reason === 'string' ? `: ${o.reason}` : ''}`;
  }
  if (Array.isArray(value)) return value.map((v) => renderValue(t, null, v, names)).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (field === 'entry' && includes(ENTRY_KINDS, o.kind)) return t(`entryKind.${o.kind}`);
    if (typeof o.name === 'string') return o.name;
    if (typeof o.number === 'string') return o.number;
    return JSON.stringify(value);
  }
  return String(value);
}

function ValueCell({ value, field, names, timeZone }: { value: unknown; field: KnownField | null; names: ReadonlyMap<string, string>; timeZone: string }) {
  const { t } = useTranslation();
  // Service-level events: { at, reason } for a planned date, { kind, dueAt } for a warning or a breach.
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const at = typeof o.at === 'string' ? o.at : typeof o.dueAt === 'string' ? o.dueAt : null;
    const label =
      typeof o.reason === 'string' && isReason(o.reason) ? t(`sla.reason.${o.reason}`) : includes(TIMER_KINDS, o.kind) ? t(`sla.kind.${o.kind}`) : null;
    if (at && label && !Number.isNaN(Date.parse(at))) {
      return (
        <Text size="sm">
          {label}: <DateTime iso={at} timeZone={timeZone} />
        </Text>
      );
    }
  }
  if (field && DATE_FIELDS.includes(field) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    return (
      <Text size="sm">
        <DateTime iso={value} timeZone={timeZone} />
      </Text>
    );
  }
  const text = renderValue(t, field, value, names);
  const color =
    field === 'status' && includes(TICKET_STATUSES, value)
      ? STATUS_COLOR[value]
      : field === 'priority' && includes(TICKET_PRIORITIES, value)
        ? PRIORITY_COLOR[value]
        : undefined;
  return (
    <Text size="sm" c={color ? `${color}.7` : text === '—' ? 'dimmed' : undefined} fw={color ? 600 : undefined} lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

export function HistoryTab({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const history = useHistory(ticket.id, true);
  const groups = useGroups(ticket.brandId);
  const users = useStaffUsers(ticket.brandId);
  const timeZone = ticket.timeZone;
  // The audit keeps ids for groups and people; names come from the brand's lists.
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const g of groups.data ?? []) m.set(g.id, g.name);
    for (const u of users.data ?? []) m.set(u.id, u.name);
    if (ticket.group) m.set(ticket.group.id, ticket.group.name);
    if (ticket.assignee) m.set(ticket.assignee.id, ticket.assignee.name);
    m.set(ticket.requester.id, ticket.requester.name);
    for (const h of history.data ?? []) if (h.actor) m.set(h.actor.id, h.actor.name);
    return m;
  }, [groups.data, users.data, ticket, history.data]);
  if (history.isPending) return <TableSkeleton rows={4} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <Empty icon={<IconHistory size={28} />} title={t('history.empty')} />;
  return (
    <Paper withBorder radius="md">
      <ScrollArea type="auto">
        <Table verticalSpacing="sm" miw={640} data-testid="history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.who')}</Table.Th>
              <Table.Th>{t('history.field')}</Table.Th>
              <Table.Th>{t('history.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.map((h) => {
              const key = fieldKey(h.field);
              return (
                <Table.Tr key={h.id} data-testid="history-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">
                      <DateTime iso={h.at} timeZone={timeZone} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{h.actor?.name ?? t('history.system')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {key ? t(`history.fields.${key}`) : h.field}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <ValueCell value={h.before} field={key} names={names} timeZone={timeZone} />
                      <IconArrowRight size={14} style={{ flexShrink: 0, marginTop: 3 }} color="var(--mantine-color-dimmed)" />
                      <ValueCell value={h.after} field={key} names={names} timeZone={timeZone} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
