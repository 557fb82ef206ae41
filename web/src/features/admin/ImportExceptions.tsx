import { Alert, Button, FileButton, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { BusinessCalendar } from '../../api/types';
import { errorMessage } from '../../i18n';
import { useImportExceptions } from './service-levels.api';

/**
 * A year's exceptions from a file (issue 14, item 11): a government's list of moved days as CSV
 * (date;kind;hours;name) or an iCalendar file of all-day events. The saved calendar takes them as
 * a new version; a file with a problem changes nothing and its lines are listed.
 */
export function ImportExceptions({ calendarId, onImported }: { calendarId: string; onImported: (c: BusinessCalendar) => void }) {
  const { t } = useTranslation();
  const run = useImportExceptions();
  const pick = async (file: File | null) => {
    if (!file) return;
    const format = /\.(ics|ical|ifb)$/i.test(file.name) ? 'ics' : 'csv';
    run.mutate(
      { id: calendarId, format, content: await file.text() },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('calendars.importDone', { closed: r.imported.closedDays, changed: r.imported.dayOverrides }) });
          onImported(r.calendar);
        },
      },
    );
  };
  const problems = isApiError(run.error) ? run.error.errors : [];
  return (
    <Stack gap={6} data-testid="calendar-import">
      <FileButton onChange={(f) => void pick(f)} accept=".csv,.txt,.ics,text/csv,text/calendar">
        {(props) => (
          <Button {...props} variant="default" size="xs" leftSection={<IconFileImport size={14} />} loading={run.isPending} data-testid="calendar-import-button">
            {t('calendars.importButton')}
          </Button>
        )}
      </FileButton>
      <Text size="xs" c="dimmed">
        {t('calendars.importHelp')}
      </Text>
      {run.isError && (
        <Alert color="red" variant="light" p="xs" data-testid="calendar-import-error">
          {problems.length ? (
            <List size="xs">
              {problems.map((p) => (
                <List.Item key={p.field}>{p.message}</List.Item>
              ))}
            </List>
          ) : (
            errorMessage(t, run.error)
          )}
        </Alert>
      )}
    </Stack>
  );
}
