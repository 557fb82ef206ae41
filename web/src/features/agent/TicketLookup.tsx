import { ActionIcon, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconArrowRight, IconHash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../i18n';
import { lookupTicket } from '../tickets';

/** Jump to a ticket by its number; the check digit catches a number misread from a parcel or a call. */
export function TicketLookup({ example }: { example?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const lookup = useMutation({ mutationFn: lookupTicket, onSuccess: (ticket) => void navigate(`/agent/tickets/${ticket.id}`) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (number.trim()) lookup.mutate(number);
  };

  let error: string | undefined;
  if (lookup.isError) {
    const e = lookup.error;
    if (isApiError(e) && e.code === 'TICKET_NUMBER_CHECK_DIGIT_INVALID') error = t('lookup.typo');
    else if (isApiError(e) && (e.status === 404 || e.code === 'VALIDATION_FAILED')) error = t('lookup.notFound');
    else error = errorMessage(t, e);
  }

  return (
    <form onSubmit={submit} noValidate style={{ flex: '0 1 300px', minWidth: 220 }}>
      <TextInput
        aria-label={t('lookup.label')}
        placeholder={example ? t('lookup.placeholderExample', { example }) : t('lookup.placeholder')}
        leftSection={<IconHash size={16} />}
        value={number}
        onChange={(e) => {
          setNumber(e.currentTarget.value);
          if (lookup.isError) lookup.reset();
        }}
        error={error}
        errorProps={{ 'data-testid': 'lookup-error' }}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        rightSection={
          <ActionIcon type="submit" variant="subtle" loading={lookup.isPending} aria-label={t('lookup.submit')} data-testid="lookup-submit">
            <IconArrowRight size={16} />
          </ActionIcon>
        }
        data-testid="lookup-input"
      />
    </form>
  );
}
