import { Alert, Anchor, Badge, Button, Card, CopyButton, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCheck, IconDeviceFloppy, IconMapPin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { errorMessage, fieldErrorMessage, pickLocalised, useLocale } from '../../i18n';
import { useCurrentUser } from '../auth';
import { formatWindow } from './visit-format';
import { useIssueCalendarFeed, useMyVisits, useReportVisit, VISIT_OUTCOMES, type Visit, type VisitOutcome } from './visits.api';

const STATE_COLOUR: Record<Visit['state'], string> = { scheduled: 'blue', in_progress: 'orange', done: 'teal', cancelled: 'gray' };

/**
 * The technician's agenda on the phone (seed 000): their visits soonest first, each with the
 * window in the brand's time zone, the address, the unit and whether it is billable; the report
 * is written on site — saved as they go, then completed — and the agenda can be subscribed to
 * from the phone's calendar app.
 */
export function VisitsPage() {
  const { t } = useTranslation();
  const visits = useMyVisits();
  const open = (visits.data ?? []).filter((v) => v.state === 'scheduled' || v.state === 'in_progress');
  const past = (visits.data ?? []).filter((v) => v.state === 'done' || v.state === 'cancelled');
  return (
    <Stack gap="md" maw={640} data-testid="visits-page">
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Title order={2}>{t('visits.myVisits')}</Title>
        <CalendarFeed />
      </Group>
      {visits.isError && <Alert color="red">{errorMessage(t, visits.error)}</Alert>}
      {visits.isSuccess && open.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('visits.noneToCome')}
        </Text>
      )}
      {open.map((v) => (
        <VisitCard key={v.id} visit={v} />
      ))}
      {past.length > 0 && (
        <Text fw={600} size="sm" mt="sm">
          {t('visits.past')}
        </Text>
      )}
      {past.map((v) => (
        <VisitCard key={v.id} visit={v} />
      ))}
    </Stack>
  );
}

function CalendarFeed() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const issue = useIssueCalendarFeed();
  if (user.role !== 'technician') return null;
  if (issue.data)
    return (
      <Group gap={4} wrap="nowrap" w="100%">
        <TextInput size="xs" readOnly value={issue.data.url} style={{ flex: 1 }} aria-label={t('visits.feedUrl')} data-testid="visits-feed-url" />
        <CopyButton value={issue.data.url}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? t('visits.copied') : t('visits.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    );
  return (
    <Button size="xs" variant="light" leftSection={<IconCalendarPlus size={14} />} loading={issue.isPending} onClick={() => issue.mutate(user.id, { onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }) })}>
      {t('visits.subscribe')}
    </Button>
  );
}

function VisitCard({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="visit-card" data-state={visit.state}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/agent/tickets/${visit.ticketId}`} ff="monospace" size="sm" fw={600}>
            {visit.ticketNumber}
          </Anchor>
          <Badge size="sm" variant="light" color={STATE_COLOUR[visit.state]} tt="none">
            {t(`visits.state.${visit.state}`)}
          </Badge>
        </Group>
        <Text size="sm" fw={500}>
          {formatWindow(visit.windowStart, visit.windowEnd, locale, visit.timeZone)}
        </Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconMapPin size={16} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {visit.address}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {pickLocalised(visit.unit.modelName, locale)} · <Text span ff="monospace" size="xs">{visit.unit.serial}</Text>
        </Text>
        <Text size="xs" c={visit.billable ? 'orange' : 'teal'} fw={500}>
          {visit.billable ? t('visits.billable') : t('visits.free')} — {t(`visits.rule.${visit.rule}`)}
        </Text>
        {visit.mayReport ? (
          <ReportForm visit={visit} />
        ) : (
          visit.report.workDone && (
            <Text size="xs">{t('visits.reportLine', { outcome: visit.report.outcome ? t(`visits.outcome.${visit.report.outcome}`) : '—', minutes: visit.report.timeSpentMinutes ?? 0, work: visit.report.workDone })}</Text>
          )
        )}
      </Stack>
    </Card>
  );
}

type Errors = Partial<Record<'workDone' | 'outcome' | 'timeSpentMinutes' | 'customerSignatureName', string>>;

function ReportForm({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const report = useReportVisit();
  const [workDone, setWorkDone] = useState(visit.report.workDone ?? '');
  const [outcome, setOutcome] = useState<VisitOutcome | ''>(visit.report.outcome ?? '');
  const [minutes, setMinutes] = useState<number | string>(visit.report.timeSpentMinutes ?? '');
  const [signature, setSignature] = useState(visit.report.customerSignatureName ?? '');
  const [errors, setErrors] = useState<Errors>({});

  const send = (complete: boolean) => {
    const local: Errors = {};
    if (complete && !workDone.trim()) local.workDone = t('errors.field.required');
    if (complete && !outcome) local.outcome = t('errors.field.required');
    if (complete && minutes === '') local.timeSpentMinutes = t('errors.field.required');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    report.mutate(
      {
        id: visit.id,
        body: {
          workDone: workDone.trim(),
          ...(outcome ? { outcome } : {}),
          ...(typeof minutes === 'number' ? { timeSpentMinutes: minutes } : {}),
          customerSignatureName: signature.trim(),
          complete,
        },
      },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: complete ? t('visits.completed') : t('visits.saved') }),
        onError: (err) => {
          if (isApiError(err) && err.errors.length > 0) {
            const byField: Errors = {};
            for (const fe of err.errors) byField[fe.field as keyof Errors] = fieldErrorMessage(t, fe.code);
            setErrors(byField);
          }
          notifications.show({ color: 'red', message: errorMessage(t, err) });
        },
      },
    );
  };

  return (
    <Stack gap="xs" mt={4} data-testid="visit-report">
      <Textarea label={t('visits.workDone')} value={workDone} onChange={(e) => setWorkDone(e.currentTarget.value)} error={errors.workDone} autosize minRows={3} data-testid="report-work" />
      <Radio.Group label={t('visits.outcomeLabel')} value={outcome} onChange={(v) => setOutcome(v as VisitOutcome)} error={errors.outcome}>
        <Stack gap={6} mt={4}>
          {VISIT_OUTCOMES.map((o) => (
            <Radio key={o} value={o} label={t(`visits.outcome.${o}`)} data-testid={`report-outcome-${o}`} />
          ))}
        </Stack>
      </Radio.Group>
      <NumberInput label={t('visits.timeSpent')} value={minutes} onChange={setMinutes} min={0} max={1440} step={15} allowDecimal={false} error={errors.timeSpentMinutes} inputMode="numeric" data-testid="report-minutes" />
      <TextInput label={t('visits.signature')} description={t('visits.signatureHint')} value={signature} onChange={(e) => setSignature(e.currentTarget.value)} error={errors.customerSignatureName} data-testid="report-signature" />
      {/* Full-width, one above the other: thumb-sized on a phone, whatever the language's words. */}
      <Stack gap="xs">
        <Button color="teal" fullWidth leftSection={<IconCheck size={16} />} loading={report.isPending} onClick={() => send(true)} data-testid="report-complete">
          {t('visits.complete')}
        </Button>
        <Button variant="default" fullWidth leftSection={<IconDeviceFloppy size={16} />} loading={report.isPending} onClick={() => send(false)} data-testid="report-save">
          {t('visits.save')}
        </Button>
      </Stack>
    </Stack>
  );
}
