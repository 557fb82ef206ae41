import { serverNow } from '../../app/server-clock';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { SCHEDULE_CHANGE_REASONS, type ScheduleChangeReason, type Ticket, type TicketSla } from '../../api/types';
import { errorMessage, fieldErrorMessage, fromZonedWall, toZonedWall, useLocale } from '../../i18n';
import { focusFirstError } from '../common';
import { formatDueWithZone, zoneName } from './sla-format';
import { useScheduleChange } from './sla.api';

type Errors = Partial<Record<'reason' | 'plannedResolutionAt' | 'note', string>>;

/** The date the form starts from: the current planned or computed resolution time, if still ahead. */
function initialWall(sla: TicketSla, timeZone: string, now: Date): string {
  const due = sla.plannedResolutionAt ?? sla.timers.find((x) => x.kind === 'resolution')?.dueAt ?? null;
  return due && Date.parse(due) > now.getTime() ? toZonedWall(due, timeZone) : '';
}

/**
 * Records a new planned resolution date with one of seed 003's reasons. The date is typed in the
 * brand's time zone, whatever the agent's own; the customer is told by e-mail in their language.
 */
export function ScheduleChangeModal({ opened, onClose, ticket, sla }: { opened: boolean; onClose: () => void; ticket: Ticket; sla: TicketSla }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tz = ticket.timeZone;
  const [reason, setReason] = useState<ScheduleChangeReason | null>(null);
  const [wall, setWall] = useState(() => initialWall(sla, tz, serverNow()));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const change = useScheduleChange(ticket.id);

  const iso = wall ? fromZonedWall(wall, tz) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Errors = {};
    if (!reason) local.reason = t('errors.field.required');
    if (!wall) local.plannedResolutionAt = t('errors.field.required');
    else if (!iso) local.plannedResolutionAt = t('errors.field.invalid_format');
    else if (Date.parse(iso) <= serverNow().getTime()) local.plannedResolutionAt = t('sla.change.dateInPast');
    setErrors(local);
    if (Object.keys(local).length > 0 || !reason || !iso) {
      focusFirstError();
      return;
    }
    try {
      await change.mutateAsync({ reason, plannedResolutionAt: iso, ...(note.trim() ? { note: note.trim() } : {}) });
      notifications.show({ color: 'teal', message: t('sla.change.done') });
      onClose();
    } catch (err) {
      if (isApiError(err) && err.errors.length > 0) {
        const byField: Errors = {};
        for (const fe of err.errors) {
          const key = fe.field.split('.')[0] as keyof Errors;
          if (!['reason', 'plannedResolutionAt', 'note'].includes(key) || byField[key]) continue;
          byField[key] = key === 'plannedResolutionAt' && fe.code === 'too_small' ? t('sla.change.dateInPast') : fieldErrorMessage(t, fe.code);
        }
        setErrors(byField);
        focusFirstError();
      }
    }
  };

  const unmapped = change.isError && !(isApiError(change.error) && change.error.errors.some((fe) => ['reason', 'plannedResolutionAt', 'note'].includes(fe.field.split('.')[0] ?? '')));

  return (
    <Modal opened={opened} onClose={onClose} title={t('sla.change.title')} size="lg" centered>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="schedule-change-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('sla.change.intro')}
          </Text>
          <Select
            label={t('sla.change.reason')}
            placeholder={t('sla.change.reasonPlaceholder')}
            data={SCHEDULE_CHANGE_REASONS.map((r) => ({ value: r, label: t(`sla.reason.${r}`) }))}
            value={reason}
            onChange={(v) => setReason(v as ScheduleChangeReason | null)}
            allowDeselect={false}
            required
            error={errors.reason}
            comboboxProps={{ withinPortal: true }}
            data-testid="schedule-change-reason"
            data-autofocus
          />
          {reason && (
            <Alert variant="light" color="gray" p="xs" icon={<IconMail size={16} />} data-testid="schedule-change-customer-text">
              <Text size="xs" c="dimmed">
                {t('sla.change.customerReads')}
              </Text>
              <Text size="sm">{t(`sla.reasonCustomer.${reason}`)}</Text>
            </Alert>
          )}
          <TextInput
            type="datetime-local"
            label={t('sla.change.date')}
            description={t('sla.change.dateHelp', { zone: zoneName(tz, locale), tz })}
            required
            value={wall}
            min={toZonedWall(serverNow(), tz)}
            onChange={(e) => setWall(e.currentTarget.value)}
            error={errors.plannedResolutionAt}
            data-testid="schedule-change-date"
          />
          {iso && !errors.plannedResolutionAt && (
            <Text size="xs" c="dimmed" mt={-8} data-testid="schedule-change-date-echo">
              {formatDueWithZone(iso, locale, tz)}
            </Text>
          )}
          <Textarea
            label={t('sla.change.note')}
            description={t('sla.change.noteHelp')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            data-testid="schedule-change-note-input"
          />
          {unmapped && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, change.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} data-testid="schedule-change-submit">
              {t('sla.change.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
