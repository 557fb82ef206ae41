import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconArrowMerge, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/errors';
import type { Ticket } from '../../api/types';
import { errorMessage } from '../../i18n';
import { StatusBadge, lookupTicket, useMergeTicket } from '../tickets';

/** Merges this ticket into another one found by its number (the duplicate disappears into the target). */
export function MergeModal({ ticket, opened, onClose }: { ticket: Ticket; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const lookup = useMutation({ mutationFn: lookupTicket });
  const merge = useMergeTicket(ticket.id);
  const target = lookup.data;
  const sameTicket = target?.id === ticket.id;

  const close = () => {
    setNumber('');
    lookup.reset();
    merge.reset();
    onClose();
  };

  const find = (e: FormEvent) => {
    e.preventDefault();
    merge.reset();
    if (number.trim()) lookup.mutate(number);
  };

  let lookupError: string | undefined;
  if (lookup.isError) {
    const e = lookup.error;
    if (isApiError(e) && e.code === 'TICKET_NUMBER_CHECK_DIGIT_INVALID') lookupError = t('lookup.typo');
    else if (isApiError(e) && (e.status === 404 || e.code === 'VALIDATION_FAILED')) lookupError = t('lookup.notFound');
    else lookupError = errorMessage(t, e);
  } else if (sameTicket) lookupError = t('merge.same');

  return (
    <Modal opened={opened} onClose={close} title={t('merge.title', { number: ticket.number })} size="lg" centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('merge.explain')}
        </Text>
        <form onSubmit={find} noValidate>
          <Group align="flex-start" gap="xs">
            <TextInput
              style={{ flex: 1 }}
              label={t('merge.targetNumber')}
              placeholder={ticket.number}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              value={number}
              onChange={(e) => {
                setNumber(e.currentTarget.value);
                if (lookup.data || lookup.isError) lookup.reset();
              }}
              error={lookupError}
              data-testid="merge-number"
              data-autofocus
            />
            <Button type="submit" variant="default" mt={25} loading={lookup.isPending} leftSection={<IconSearch size={16} />} data-testid="merge-find">
              {t('merge.find')}
            </Button>
          </Group>
        </form>
        {target && !sameTicket && (
          <Paper withBorder p="sm" radius="md" bg="gray.0" data-testid="merge-target">
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text ff="monospace" fw={600} size="sm">
                  {target.number}
                </Text>
                <Text size="sm">{target.subject}</Text>
                <Text size="xs" c="dimmed">
                  {target.requester.name} · {target.brandName}
                </Text>
              </div>
              <StatusBadge status={target.status} />
            </Group>
          </Paper>
        )}
        {merge.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, merge.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            leftSection={<IconArrowMerge size={16} />}
            disabled={!target || sameTicket}
            loading={merge.isPending}
            onClick={() =>
              target &&
              merge.mutate(target.id, {
                onSuccess: (into: Ticket) => {
                  close();
                  void navigate(`/agent/tickets/${into.id}`);
                },
              })
            }
            data-testid="merge-confirm"
          >
            {t('merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
