import { serverNow } from '../../app/server-clock';
import { Alert, Button, Group, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCalculator, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fromZonedWall, toZonedWall, useLocale } from '../../i18n';
import { formatDueWithZone, formatDuration, listAdjusted, listSkipped } from '../sla';
import { DurationInput } from './DurationInput';
import { useDuePreview } from './service-levels.api';

interface Props {
  calendarId: string | null;
  timeZone: string;
  /** The form has unsaved changes: the preview answers for the saved calendar. */
  dirty: boolean;
}

/** "If a ticket came in at … , when would N working minutes be up?" on the saved calendar. */
export function DuePreviewTool({ calendarId, timeZone, dirty }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [from, setFrom] = useState(() => toZonedWall(serverNow(), timeZone));
  const [minutes, setMinutes] = useState<number | null>(48 * 60);
  const [error, setError] = useState<{ from?: string; minutes?: string }>({});
  const preview = useDuePreview(calendarId);
  const result = preview.data;

  const run = () => {
    const iso = from ? fromZonedWall(from, timeZone) : null;
    const e: { from?: string; minutes?: string } = {};
    if (!from) e.from = t('errors.field.required');
    else if (!iso) e.from = t('errors.field.invalid_format');
    if (minutes === null) e.minutes = t('errors.field.required');
    setError(e);
    if (!iso || minutes === null) return;
    preview.mutate({ from: iso, minutes });
  };

  if (!calendarId) {
    return (
      <Text size="sm" c="dimmed">
        {t('calendars.previewAfterCreate')}
      </Text>
    );
  }

  const skipped = result ? listSkipped(t, result.skipped, locale) : [];
  return (
    <Stack gap="sm" data-testid="due-preview">
      <TextInput
        type="datetime-local"
        label={t('calendars.previewFrom')}
        description={t('calendars.previewFromHelp')}
        value={from}
        onChange={(e) => setFrom(e.currentTarget.value)}
        error={error.from}
        data-testid="due-preview-from"
      />
      <DurationInput label={t('calendars.previewMinutes')} value={minutes} onChange={setMinutes} error={error.minutes} testId="due-preview-duration" />
      <Group>
        <Button leftSection={<IconCalculator size={16} />} variant="light" onClick={run} loading={preview.isPending} data-testid="due-preview-run">
          {t('calendars.previewRun')}
        </Button>
      </Group>
      {dirty && (
        <Alert variant="light" color="yellow" p="xs" icon={<IconInfoCircle size={16} />}>
          <Text size="xs">{t('calendars.previewSavedOnly')}</Text>
        </Alert>
      )}
      {preview.isError && (
        <Alert variant="light" color="red" p="xs" role="alert">
          <Text size="sm">{errorMessage(t, preview.error)}</Text>
        </Alert>
      )}
      {result && (
        <Paper withBorder radius="md" p="sm" bg="teal.0" data-testid="due-preview-result">
          <Text size="xs" c="dimmed">
            {t('calendars.previewFor', { duration: formatDuration(t, result.minutes), from: formatDueWithZone(result.from, locale, result.timeZone) })}
          </Text>
          <Text fw={600} mt={2} data-testid="due-preview-due">
            {t('calendars.previewDue', { date: formatDueWithZone(result.dueAt, locale, result.timeZone) })}
          </Text>
          {result.adjusted.length > 0 && (
            <List size="sm" spacing={2} mt="xs" data-testid="due-preview-adjusted">
              {listAdjusted(t, result.adjusted, locale).map((s) => (
                <List.Item key={s}>{s}</List.Item>
              ))}
            </List>
          )}
          {skipped.length > 0 ? (
            <>
              <Text size="sm" mt="xs">
                {t('calendars.previewSkipped')}
              </Text>
              <List size="sm" spacing={2} data-testid="due-preview-skipped">
                {skipped.map((s) => (
                  <List.Item key={s}>{s}</List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm" mt="xs" c="dimmed">
              {t('calendars.previewNothingSkipped')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
