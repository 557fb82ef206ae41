import { Badge, Group, NumberInput, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconTruckReturn } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { serverNow } from '../../app/server-clock';
import { formatDateTime, useLocale } from '../../i18n';
import { PageHeader, Empty, ListStates, usePageTitle } from '../common';
import { type Return, useReturnsQueue } from './returns.api';

type View = 'awaiting' | 'on_hold' | 'received_today' | 'open';
const OPEN: Return['state'][] = ['requested', 'endorsed', 'approved', 'authorised', 'awaiting_parcel', 'received', 'on_hold', 'in_workshop'];

/** The query of each view: states, and the age of their last change. */
function viewQuery(view: View, days: number) {
  const now = serverNow();
  if (view === 'awaiting') return { state: ['awaiting_parcel' as const], changedBefore: new Date(now.getTime() - days * 86_400_000).toISOString() };
  if (view === 'on_hold') return { state: ['on_hold' as const] };
  if (view === 'received_today') {
    const start = new Date(now);
    start.setHours(0, 0, 0, 0);
    return { state: ['received' as const, 'on_hold' as const, 'in_workshop' as const], changedSince: start.toISOString() };
  }
  return { state: OPEN };
}

/**
 * The desk's returns queue (issue 12, item 6): parcels awaited for more than N days (to chase),
 * returns on hold (an accessory missing), what came in today, and every open return.
 */
export function ReturnsQueuePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('returnsQueue.title'));
  const [view, setView] = useState<View>('awaiting');
  const [days, setDays] = useState(7);
  const query = viewQuery(view, days);
  const list = useReturnsQueue([view, view === 'awaiting' ? days : 0], query);
  const items = list.data ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title={t('returnsQueue.title')} subtitle={t('returnsQueue.subtitle')} />
      <Group gap="md" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as View)}
          data={(['awaiting', 'on_hold', 'received_today', 'open'] as const).map((v) => ({ value: v, label: t(`returnsQueue.view.${v}`) }))}
          data-testid="returns-view"
        />
        {view === 'awaiting' && <NumberInput label={t('returnsQueue.days')} value={days} onChange={(v) => setDays(typeof v === 'number' && v >= 0 ? v : 0)} min={0} max={365} w={160} />}
      </Group>
      <ListStates
        pending={list.isPending}
        error={list.isError ? list.error : null}
        onRetry={() => void list.refetch()}
        isEmpty={items.length === 0}
        empty={<Empty icon={<IconTruckReturn size={28} />} title={t('returnsQueue.empty')} />}
      >
        <Stack gap="xs">
          {items.map((r) => (
            <Paper key={r.ticketId} withBorder radius="md" p="sm" component={Link} to={`/agent/tickets/${r.ticketId}`} c="inherit" td="none" data-testid="returns-row" data-number={r.number}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Text fw={600} size="sm">
                    <Text span ff="monospace">{r.number}</Text> · {r.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.requesterName} · {r.brandName} · {t('returnsQueue.units', { count: r.units })}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <Badge variant="light" radius="sm" tt="none" color={r.state === 'on_hold' ? 'orange' : 'blue'}>
                    {t(`rma.state.${r.state}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('returnsQueue.since', { at: formatDateTime(r.stateChangedAt, locale, r.timeZone) })}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      </ListStates>
    </Stack>
  );
}
