import { Alert, Button, Group } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage, fieldErrorMessage } from '../../i18n';
import type { useTicketForm } from './useTicketForm';

/** The end of a new-ticket form, desk or portal: what the server refused, then cancel and send. */
export function TicketFormFooter({ form, cancelTo, submitLabel }: { form: ReturnType<typeof useTicketForm>; cancelTo: string; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      {form.create.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="form-error">
          {errorMessage(t, form.create.error)}
          {form.unplacedServerErrors.map((fe, i) => (
            <div key={i}>{fieldErrorMessage(t, fe.code)}</div>
          ))}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button component={Link} to={cancelTo} variant="default">
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={form.create.isPending} disabled={form.uploads.uploading} data-testid="new-ticket-submit">
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
