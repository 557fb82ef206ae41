import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Radio, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconTruckReturn } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentLink } from '../common';
import type { Ticket } from '../../api/types';
import { errorMessage, formatDateTime, pickLocalised, useLocale } from '../../i18n';
import { useTicketUnits } from '../units';
import { accessoryName, documentUrl, type Return, type ReturnEventBody, useRequestReturn, useReturnEvent, useTicketReturn } from './returns.api';

const FINAL: Return['state'][] = ['closed', 'refused', 'cancelled'];
/** Events that need a written reason, and the one that needs the parcel's mode. */
const NEEDS_REASON = new Set(['refuse', 'cancel']);

/**
 * A ticket's return (issue 12) as the desk, the channel and the customer see it: the state as a
 * parcel tracker — each step with its date and who took it, then what happens next — the units
 * with their accessories, the label, and the steps the reader may take now. Without a return, the
 * request form for the ticket's units the reader may see.
 */
export function ReturnPanel({ ticket, portal = false }: { ticket: Ticket; portal?: boolean }) {
  const { t } = useTranslation();
  const rma = useTicketReturn(ticket.id);
  if (rma.isPending || rma.isError) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="return-panel">
      <Group gap={8} mb="sm" justify="space-between">
        <Group gap={8}>
          <IconTruckReturn size={18} />
          <Text fw={600}>{t('rma.title')}</Text>
        </Group>
        {rma.data && (
          <Badge variant="light" radius="sm" tt="none" color={FINAL.includes(rma.data.state) ? 'gray' : rma.data.state === 'on_hold' ? 'orange' : 'blue'} data-testid="return-state" data-state={rma.data.state}>
            {t(`rma.state.${rma.data.state}`)}
          </Badge>
        )}
      </Group>
      {rma.data ? <ReturnDetails rma={rma.data} ticketId={ticket.id} timeZone={ticket.timeZone} portal={portal} /> : <RequestReturn ticket={ticket} />}
    </Paper>
  );
}

function RequestReturn({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const units = useTicketUnits(ticket.id, ticket.serialNumbers.length > 0);
  const request = useRequestReturn(ticket.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [charges, setCharges] = useState(false);
  const known = (units.data ?? []).filter((u) => u.unit);
  if (ticket.status === 'closed') return <Text size="sm" c="dimmed">{t('rma.none')}</Text>;
  if (known.length === 0) return <Text size="sm" c="dimmed">{t('rma.noUnits')}</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('rma.requestHint')}
      </Text>
      <Checkbox.Group value={chosen} onChange={setChosen}>
        <Stack gap={6}>
          {known.map((u) => (
            <Checkbox key={u.unit!.id} value={u.unit!.id} data-testid="return-unit" label={`${pickLocalised(u.unit!.model.name, locale)} · ${u.serial}`} />
          ))}
        </Stack>
      </Checkbox.Group>
      {known.some((u) => u.warranty?.outcome === 'none') && <Checkbox size="xs" checked={charges} onChange={(e) => setCharges(e.currentTarget.checked)} label={t('rma.acceptCharges')} data-testid="return-charges" />}
      <Button
        size="xs"
        leftSection={<IconPackage size={14} />}
        disabled={chosen.length === 0}
        loading={request.isPending}
        data-testid="return-request"
        onClick={() =>
          request.mutate(
            { unitIds: chosen, ...(charges ? { customerAcceptsCharges: true } : {}) },
            { onSuccess: () => notifications.show({ color: 'teal', message: t('rma.requested') }), onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }) },
          )
        }
      >
        {t('rma.request')}
      </Button>
    </Stack>
  );
}

function ReturnDetails({ rma, ticketId, timeZone, portal }: { rma: Return; ticketId: string; timeZone: string; portal: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const send = useReturnEvent(ticketId);
  const [asking, setAsking] = useState<ReturnEventBody['event'] | null>(null);
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<'drop_off' | 'courier' | 'pickup'>('courier');
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [error, setError] = useState<string | null>(null);

  const fire = (body: ReturnEventBody) => {
    setError(null);
    send.mutate(body, {
      onSuccess: () => {
        setAsking(null);
        setReason('');
        notifications.show({ color: 'teal', message: t('rma.updated') });
      },
      onError: (err) => setError(errorMessage(t, err)),
    });
  };
  const click = (event: ReturnEventBody['event']) => (NEEDS_REASON.has(event) || event === 'arrange_shipment' ? setAsking(event) : fire({ event }));
  // The desk's workshop steps (receive with accessories, ship back with a parcel) live on the receiving page.
  const shown = rma.nextEvents.filter((e) => !['receive', 'complete_accessories', 'ship_back'].includes(e));

  return (
    <Stack gap="sm">
      <Text size="sm" ff="monospace" data-testid="return-number">
        {t('rma.number', { number: rma.number })}
      </Text>
      <Text size="xs" c="dimmed" data-testid="return-location" data-location={rma.location}>
        {t('rma.where', { place: t(`rma.location.${rma.location}`) })}
      </Text>
      <Timeline active={rma.history.length - 1} bulletSize={14} lineWidth={2} data-testid="return-timeline">
        {rma.history.map((h, i) => (
          <Timeline.Item key={i} title={h.event === 'parcel_refused' ? t('rma.event.parcel_refused') : t(`rma.state.${h.to as Return['state']}`)}>
            <Text size="xs" c="dimmed">
              {formatDateTime(h.at, locale, timeZone)}
              {h.by && !portal ? ` · ${t('rma.by', { name: h.by })}` : ''}
            </Text>
            {typeof h.data.reason === 'string' && <Text size="xs">{h.data.reason}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {!FINAL.includes(rma.state) && (
        <Alert variant="light" color={rma.state === 'on_hold' ? 'orange' : 'blue'} title={t('rma.whatNext')} data-testid="return-next">
          {t(`rma.next.${rma.state}`)}
        </Alert>
      )}
      {rma.reason && FINAL.includes(rma.state) && <Text size="sm">{rma.reason}</Text>}
      <Stack gap={6}>
        {rma.lines.map((l) => (
          <Stack key={l.unitId} gap={0} data-testid="return-line" data-serial={l.serial}>
            <Text size="sm">
              {pickLocalised(l.model.name, locale)} <Text span ff="monospace" size="xs" c="dimmed">{l.serial}</Text>
            </Text>
            {l.accessoriesMissing.length > 0 && rma.state === 'on_hold' && (
              <Text size="xs" c="orange" data-testid="return-missing">
                {t('rma.missing', { items: l.accessoriesMissing.map((a) => accessoryName(l, a, locale)).join(', ') })}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
      {rma.shipments.map((s, i) => (
        <Text key={i} size="xs" c="dimmed">
          {s.refusedReason
            ? t('rma.parcelRefused', { reason: s.refusedReason })
            : s.direction === 'in'
              ? `${t('rma.parcelIn', { mode: t(`rma.mode.${s.mode as 'courier'}`), paidBy: t(`rma.paidBy.${s.paidBy}`) })}${s.carrier ? ` · ${s.carrier} ${s.trackingNumber ?? ''}` : ''}`
              : t('rma.parcelOut', { carrier: s.carrier ?? '', tracking: s.trackingNumber ?? '' })}
        </Text>
      ))}
      {/* The label and the packing checklist, once the parcel's way is chosen; the receipt once it is in. */}
      {rma.state === 'awaiting_parcel' && (
        <Group gap="md">
          <DocumentLink href={documentUrl(ticketId, 'label')} label={t('rma.label')} testId="return-label" />
          <DocumentLink href={documentUrl(ticketId, 'packing')} label={t('rma.packing')} testId="return-packing" />
        </Group>
      )}
      {rma.history.some((h) => h.event === 'receive') && <DocumentLink href={documentUrl(ticketId, 'receipt')} label={t('rma.receipt')} testId="return-receipt" />}
      {error && (
        <Alert color="red" variant="light" data-testid="return-error">
          {error}
        </Alert>
      )}
      {shown.length > 0 && (
        <Group gap="xs">
          {shown.map((e) => (
            <Button key={e} size="xs" variant={e === 'refuse' || e === 'cancel' ? 'light' : 'filled'} color={e === 'refuse' || e === 'cancel' ? 'red' : undefined} loading={send.isPending && send.variables?.event === e} onClick={() => click(e)} data-testid={`return-event-${e}`}>
              {t(`rma.event.${e}`)}
            </Button>
          ))}
        </Group>
      )}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t(`rma.event.${asking}`) : ''}>
        <Stack>
          {asking === 'arrange_shipment' && (
            <Radio.Group label={t('rma.modeLabel')} value={mode} onChange={(v) => setMode(v as typeof mode)}>
              <Stack gap={6} mt="xs">
                {(['courier', 'drop_off', 'pickup'] as const).map((m) => (
                  <Radio key={m} value={m} label={t(`rma.mode.${m}`)} data-testid={`return-mode-${m}`} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {asking === 'arrange_shipment' && mode !== 'drop_off' && (
            <Group grow>
              <TextInput label={t('receiving.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} data-testid="return-carrier" />
              <TextInput label={t('receiving.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
            </Group>
          )}
          {asking !== 'arrange_shipment' && (
            <Textarea label={t('rma.reason')} description={t('rma.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} data-testid="return-reason" />
          )}
          {error && <Text size="sm" c="red">{error}</Text>}
          <Group justify="flex-end">
            <Button
              loading={send.isPending}
              data-testid="return-confirm"
              onClick={() =>
                asking &&
                fire(
                  asking === 'arrange_shipment'
                    ? { event: asking, inboundMode: mode, ...(carrier.trim() && mode !== 'drop_off' ? { inbound: { carrier: carrier.trim(), ...(tracking.trim() ? { trackingNumber: tracking.trim() } : {}) } } : {}) }
                    : { event: asking, reason },
                )
              }
            >
              {t('rma.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
