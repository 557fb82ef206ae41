import { Alert, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMapPin } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import type { Ticket } from '../../api/types';
import { errorMessage, fieldErrorMessage, fromZonedWall, useLocale } from '../../i18n';
import { formatWindow } from './visit-format';
import { useCancelVisit, useScheduleVisit, useTicketVisits, type TicketVisits, type Visit } from './visits.api';

type Field = 'unitId' | 'technicianId' | 'address' | 'date' | 'windowStart' | 'windowEnd' | 'customerAcceptsCharges';
type Errors = Partial<Record<Field, string>>;

const STATE_COLOUR: Record<Visit['state'], string> = { scheduled: 'blue', in_progress: 'orange', done: 'teal', cancelled: 'gray' };

/**
 * On-site visits of a ticket (seed 000): the visits already planned, and for the desk a form to
 * schedule one — the unit, what its contract allows (free, billable with the customer's consent,
 * or not at all, with the rule), the technician, the address and a window typed in the brand's
 * time zone, which the server keeps within the brand's working hours.
 */
export function VisitPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const visits = useTicketVisits(ticket.id);
  if (visits.isPending || visits.isError) return null;
  const data = visits.data;
  if (data.items.length === 0 && data.units.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="visit-panel">
      <Group gap={8} mb="sm">
        <IconMapPin size={18} />
        <Text fw={600}>{t('visits.title')}</Text>
      </Group>
      <Stack gap="sm">
        {data.items.map((v) => (
          <VisitLine key={v.id} visit={v} ticketId={ticket.id} />
        ))}
        {data.units.length > 0 && data.technicians.length > 0 && ticket.status !== 'closed' && <ScheduleForm ticket={ticket} data={data} />}
      </Stack>
    </Paper>
  );
}

function VisitLine({ visit, ticketId }: { visit: Visit; ticketId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cancel = useCancelVisit(ticketId);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  return (
    <Stack gap={2} data-testid="visit-line" data-state={visit.state}>
      <Group gap={6} justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={500}>
          {formatWindow(visit.windowStart, visit.windowEnd, locale, visit.timeZone)}
        </Text>
        <Badge size="sm" variant="light" color={STATE_COLOUR[visit.state]} tt="none" style={{ flexShrink: 0 }}>
          {t(`visits.state.${visit.state}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {visit.technician.name} · <Text span ff="monospace" size="xs">{visit.unit.serial}</Text> · {visit.address}
      </Text>
      <Text size="xs" c={visit.billable ? 'orange' : 'teal'}>
        {visit.billable ? t('visits.billable') : t('visits.free')} — {t(`visits.rule.${visit.rule}`)}
      </Text>
      {visit.report.workDone && <Text size="xs">{t('visits.reportLine', { outcome: visit.report.outcome ? t(`visits.outcome.${visit.report.outcome}`) : '—', minutes: visit.report.timeSpentMinutes ?? 0, work: visit.report.workDone })}</Text>}
      {visit.state === 'scheduled' &&
        (asking ? (
          <Group gap={6} align="flex-end">
            <TextInput size="xs" style={{ flex: 1 }} label={t('visits.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button
              size="xs"
              color="red"
              variant="light"
              disabled={!reason.trim()}
              loading={cancel.isPending}
              onClick={() => cancel.mutate({ id: visit.id, reason: reason.trim() }, { onSuccess: () => setAsking(false), onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }) })}
            >
              {t('visits.cancel')}
            </Button>
          </Group>
        ) : (
          <Button size="compact-xs" variant="subtle" color="gray" w="fit-content" onClick={() => setAsking(true)}>
            {t('visits.cancel')}
          </Button>
        ))}
    </Stack>
  );
}

function ScheduleForm({ ticket, data }: { ticket: Ticket; data: TicketVisits }) {
  const { t } = useTranslation();
  const schedule = useScheduleVisit(ticket.id);
  const tz = data.timeZone;
  const [unitId, setUnitId] = useState<string | null>(data.units[0]?.unitId ?? null);
  const [technicianId, setTechnicianId] = useState<string | null>(data.technicians.length === 1 ? data.technicians[0]!.id : null);
  const [address, setAddress] = useState('');
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('11:00');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const unit = data.units.find((u) => u.unitId === unitId);
  const decision = unit?.decision;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    const start = date ? fromZonedWall(`${date}T${from}`, tz) : null;
    const end = date ? fromZonedWall(`${date}T${to}`, tz) : null;
    const local: Errors = {};
    if (!unitId) local.unitId = t('errors.field.required');
    if (!technicianId) local.technicianId = t('errors.field.required');
    if (!address.trim()) local.address = t('errors.field.required');
    if (!date) local.date = t('errors.field.required');
    else if (!start) local.windowStart = t('errors.field.invalid_format');
    else if (!end) local.windowEnd = t('errors.field.invalid_format');
    setErrors(local);
    if (Object.keys(local).length > 0 || !unitId || !technicianId || !start || !end) return;
    try {
      await schedule.mutateAsync({ unitId, technicianId, address: address.trim(), windowStart: start, windowEnd: end, customerAcceptsCharges: consent });
      notifications.show({ color: 'teal', message: t('visits.scheduled') });
      setAddress('');
      setDate('');
      setConsent(false);
    } catch (err) {
      if (isApiError(err) && err.errors.length > 0) {
        const byField: Errors = {};
        for (const fe of err.errors) byField[(fe.field in { unitId: 1, technicianId: 1, address: 1, windowStart: 1, windowEnd: 1, customerAcceptsCharges: 1 } ? fe.field : 'windowStart') as Field] = fieldErrorMessage(t, fe.code);
        setErrors(byField);
      }
      setRefusal(errorMessage(t, err));
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="visit-form">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('visits.schedule')}
        </Text>
        <Select
          size="xs"
          label={t('visits.unit')}
          data={data.units.map((u) => ({ value: u.unitId, label: u.serial }))}
          value={unitId}
          onChange={setUnitId}
          error={errors.unitId}
          allowDeselect={false}
          data-testid="visit-unit"
        />
        {decision && (
          <Alert
            variant="light"
            p="xs"
            color={decision.rule === 'direct_service_blocked' ? 'red' : decision.billable ? 'orange' : 'teal'}
            data-testid="visit-decision"
            data-rule={decision.rule}
            data-billable={String(decision.billable)}
          >
            <Text size="xs" fw={500}>
              {decision.rule === 'direct_service_blocked' ? t('visits.notPossible') : decision.billable ? t('visits.billable') : t('visits.free')}
            </Text>
            <Text size="xs">{t(`visits.rule.${decision.rule}`)}</Text>
            <Text size="xs" c="dimmed">
              {t('visits.contract', { level: unit.contractLevel, outcome: t(`warranty.outcome.${unit.warrantyOutcome}`, { defaultValue: unit.warrantyOutcome }) })}
            </Text>
          </Alert>
        )}
        {decision?.billable && (
          <Checkbox size="xs" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} label={t('visits.acceptCharges')} error={errors.customerAcceptsCharges} data-testid="visit-consent" />
        )}
        <Select
          size="xs"
          label={t('visits.technician')}
          data={data.technicians.map((x) => ({ value: x.id, label: x.name }))}
          value={technicianId}
          onChange={setTechnicianId}
          error={errors.technicianId}
          data-testid="visit-technician"
        />
        <Textarea size="xs" label={t('visits.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={errors.address} autosize minRows={2} data-testid="visit-address" />
        <TextInput size="xs" type="date" label={t('visits.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} data-testid="visit-date" />
        <SimpleGrid cols={2} spacing="xs">
          <TextInput size="xs" type="time" label={t('visits.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.windowStart} data-testid="visit-from" />
          <TextInput size="xs" type="time" label={t('visits.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.windowEnd} data-testid="visit-to" />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('visits.zoneHint', { zone: tz })}
        </Text>
        {refusal && (
          <Alert variant="light" color="red" p="xs" data-testid="visit-error">
            <Text size="xs">{refusal}</Text>
          </Alert>
        )}
        <Button size="xs" type="submit" leftSection={<IconMapPin size={14} />} loading={schedule.isPending} disabled={decision?.rule === 'direct_service_blocked'} data-testid="visit-submit">
          {t('visits.submit')}
        </Button>
      </Stack>
    </form>
  );
}
