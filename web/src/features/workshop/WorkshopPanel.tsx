import { Alert, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DocumentLink } from '../common';
import type { Ticket } from '../../api/types';
import { errorMessage, formatDateTime, formatPlainDate, useLocale } from '../../i18n';
import { useTicketReturn } from '../returns';
import { BenchActions } from './BenchActions';
import { DiagnosisForm } from './DiagnosisForm';
import { QuoteCard } from './QuoteCard';
import { invoicePdfUrl, type Repair, repairDocumentUrl, useDecide, useWorkshop } from './workshop.api';

/** The decisions put to the customer to choose: an exchange, or the legal guarantee's repair or replacement. */
const CHOICE_RULES: string[] = ['defective_on_arrival', 'seller_proposal', 'repair_by_default'];
/** The return states in which a unit may be diagnosed (remotely by the desk once authorised, or on the bench). */
const DIAGNOSABLE = ['authorised', 'awaiting_parcel', 'received', 'in_workshop'];
export const STATE_COLOUR: Record<Repair['state'], string> = {
  diagnosing: 'blue',
  awaiting_customer: 'orange',
  awaiting_parts: 'yellow',
  repairing: 'blue',
  testing: 'cyan',
  replacing: 'violet',
  ready_to_ship: 'teal',
  returning_unrepaired: 'gray',
  done: 'gray',
};

/**
 * The workshop on a ticket (issue 13): each unit's diagnosis, the remedy decided and the rule that
 * decided it (the law first), the expected duration, parts, quotes and offers to answer, invoices
 * and documents; for the workshop, the next steps. The customer sees the same, without the
 * workshop's controls, and answers a quote or an exchange from here.
 */
export function WorkshopPanel({ ticket, portal = false }: { ticket: Ticket; portal?: boolean }) {
  const { t } = useTranslation();
  const rma = useTicketReturn(ticket.id);
  const workshop = useWorkshop(ticket.id, !!rma.data);
  if (!rma.data || !workshop.data) return null;
  const repairs = workshop.data;
  const undiagnosed = portal || !DIAGNOSABLE.includes(rma.data.state) ? [] : rma.data.lines.filter((l) => !repairs.some((r) => r.unitId === l.unitId));
  if (repairs.length === 0 && undiagnosed.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="workshop-panel">
      <Group gap={8} mb="sm">
        <IconTool size={18} />
        <Text fw={600}>{t('workshop.title')}</Text>
      </Group>
      <Stack gap="md">
        {repairs.map((r) => (
          <RepairCard key={r.id} repair={r} ticket={ticket} portal={portal} />
        ))}
        {undiagnosed.map((l) => (
          <DiagnosisForm key={l.unitId} ticketId={ticket.id} line={l} />
        ))}
      </Stack>
    </Paper>
  );
}

function RepairCard({ repair: r, ticket, portal }: { repair: Repair; ticket: Ticket; portal: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decide = useDecide(ticket.id);
  const d = r.decision;
  const choose = (customerChoice: 'repair' | 'replacement') =>
    decide.mutate({ repairId: r.id, customerChoice }, { onSuccess: () => notifications.show({ color: 'teal', message: t('workshop.choiceRecorded') }), onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }) });
  return (
    <Stack gap="xs" data-testid="repair" data-serial={r.serial} data-state={r.state}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {r.model}{' '}
          <Text span ff="monospace" size="xs" c="dimmed">
            {r.serial}
          </Text>
        </Text>
        <Badge variant="light" radius="sm" tt="none" color={STATE_COLOUR[r.state]} data-testid="repair-state">
          {t(`workshop.state.${r.state}`)}
        </Badge>
      </Group>
      {r.diagnosis && (
        <Text size="sm" data-testid="repair-findings">
          {r.diagnosis.findings}
          {r.diagnosis.faultCode && !portal ? <Text span c="dimmed" size="xs">{` · ${r.diagnosis.faultCode}`}</Text> : null}
        </Text>
      )}
      {d && (
        <Alert variant="light" color={d.billable ? 'orange' : 'teal'} title={t(`workshop.remedy.${d.remedy}`, { condition: d.replacementCondition ? t(`workshop.condition.${d.replacementCondition}`) : '' })} data-testid="repair-decision" data-rule={d.rule}>
          <Text size="sm">{t(`workshop.rule.${d.rule}`)}</Text>
          {d.article && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('workshop.article', { article: d.article })}
            </Text>
          )}
          {d.overridden.map((o) => (
            <Text key={o.setting} size="xs" c="red" mt={4} data-testid="repair-overridden">
              {t('workshop.overridden', { setting: o.setting, law: o.law })}
            </Text>
          ))}
        </Alert>
      )}
      {r.estimate && r.state !== 'done' && (
        <Text size="sm" data-testid="repair-estimate">
          {t('workshop.estimate', { min: r.estimate.minDays, count: r.estimate.maxDays })}
          {r.estimate.basis.partsLeadDays ? <Text span size="xs" c="dimmed">{` · ${t('workshop.estimateParts', { count: r.estimate.basis.partsLeadDays as number })}`}</Text> : null}
        </Text>
      )}
      {portal && r.state === 'awaiting_customer' && d && CHOICE_RULES.includes(d.rule) && (
        <Group gap="xs" data-testid="repair-choice">
          <Button size="xs" loading={decide.isPending && decide.variables?.customerChoice === 'replacement'} onClick={() => choose('replacement')} data-testid="repair-choose-replacement">
            {d.remedy === 'exchange_offer' ? t('workshop.chooseExchange') : t('workshop.chooseReplacement')}
          </Button>
          <Button size="xs" variant="light" loading={decide.isPending && decide.variables?.customerChoice === 'repair'} onClick={() => choose('repair')} data-testid="repair-choose-repair">
            {t('workshop.chooseRepair')}
          </Button>
        </Group>
      )}
      {r.parts.length > 0 && (
        <List size="xs" spacing={2} data-testid="repair-parts">
          {r.parts.map((p) => (
            <List.Item key={p.partId}>
              {p.quantity} × {p.name} ({p.reference}) — {t(`workshop.partStatus.${p.status}`)}
              {p.expectedOn ? ` · ${t('workshop.expectedOn', { date: formatPlainDate(p.expectedOn, locale) })}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {r.quotes.map((q) => (
        <QuoteCard key={q.id} quote={q} ticketId={ticket.id} portal={portal} />
      ))}
      <Group gap="md">
        {r.invoices.map((i) => (
          <DocumentLink key={i.id} href={invoicePdfUrl(i.id)} label={t('workshop.invoice', { number: i.number })} testId="repair-invoice" />
        ))}
        {(r.state === 'ready_to_ship' || (r.state === 'done' && r.workDone)) && <DocumentLink href={repairDocumentUrl(ticket.id, r.id, 'report')} label={t('workshop.report')} testId="repair-report" />}
        {r.recycled && <DocumentLink href={repairDocumentUrl(ticket.id, r.id, 'recycling-certificate')} label={t('workshop.certificate')} testId="repair-certificate" />}
      </Group>
      {r.replacementSerial && (
        <Text size="sm" data-testid="repair-replacement">
          {t('workshop.replacementShipped', { serial: r.replacementSerial })}
        </Text>
      )}
      {!portal && <BenchActions repair={r} ticketId={ticket.id} />}
      {!portal && r.history.length > 0 && (
        <Text size="xs" c="dimmed">
          {r.history.map((h) => `${formatDateTime(h.at, locale, ticket.timeZone, { compact: true })} ${t(`workshop.state.${h.to as Repair['state']}`)}${h.by ? ` (${h.by})` : ''}`).join(' → ')}
        </Text>
      )}
    </Stack>
  );
}
