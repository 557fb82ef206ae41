import { Alert, Button, Group, List, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconArrowMerge, IconCircleCheck, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus, type TicketSummary } from '../../api/types';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../i18n';
import { useCurrentUser } from '../auth';
import { useStaffUsers } from '../brands';
import { type BulkAction, type BulkResult, type UndoResult, useBulk, useUndoBulk } from './desk.api';

interface BulkBarProps {
  /** The selected tickets, in the queue's order. */
  selected: readonly TicketSummary[];
  brandId: string | undefined;
  onClear: () => void;
  /** Extra actions (apply a macro), rendered with the others. */
  children?: (run: (action: BulkAction) => void) => React.ReactNode;
}

/** One bulk action picked from a list: a choice runs it at once, and the list shows no value. */
function BulkSelect(props: { label: string; data: { value: string; label: string }[]; onChange: (value: string) => void; w: number; disabled: boolean; testId: string; searchable?: boolean }) {
  return (
    <Select
      aria-label={props.label}
      placeholder={props.label}
      data={props.data}
      value={null}
      onChange={(v) => v && props.onChange(v)}
      searchable={props.searchable}
      w={props.w}
      size="xs"
      disabled={props.disabled}
      data-testid={props.testId}
    />
  );
}

/** The queue's bulk actions: one call, answered per ticket, with an undo (issue 14, item 3). */
export function BulkBar({ selected, brandId, onClear, children }: BulkBarProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const users = useStaffUsers(brandId);
  const bulk = useBulk();
  const [mergeInto, setMergeInto] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<BulkResult | null>(null);

  const run = (action: BulkAction) => {
    bulk.mutate(
      { ticketIds: selected.map((s) => s.id), action },
      {
        onSuccess: (res) => {
          setOutcome(res);
          onClear();
        },
      },
    );
  };

  const assignees = useMemo(
    () => [
      { value: user.id, label: t('queue.assigneeMe') },
      { value: 'none', label: t('bulk.unassign') },
      ...(users.data ?? []).filter((u) => u.id !== user.id).map((u) => ({ value: u.id, label: u.name })),
    ],
    [users.data, user.id, t],
  );
  const target = selected.find((s) => s.id === mergeInto);

  return (
    <Stack gap="xs">
      {selected.length > 0 && (
        <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-blue-light)" data-testid="bulk-bar">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={600} size="sm" data-testid="bulk-count">
              {t('bulk.selected', { count: selected.length })}
            </Text>
            <Group gap="xs" wrap="wrap">
              <BulkSelect
                label={t('bulk.assign')}
                data={assignees}
                onChange={(v) => run({ type: 'assign', assigneeId: v === 'none' ? null : v })}
                searchable
                w={170}
                disabled={bulk.isPending}
                testId="bulk-assign"
              />
              <BulkSelect
                label={t('bulk.status')}
                data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                onChange={(v) => run({ type: 'status', status: v as TicketStatus })}
                w={170}
                disabled={bulk.isPending}
                testId="bulk-status"
              />
              <BulkSelect
                label={t('bulk.priority')}
                data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                onChange={(v) => run({ type: 'priority', priority: v as TicketPriority })}
                w={140}
                disabled={bulk.isPending}
                testId="bulk-priority"
              />
              <BulkSelect
                label={t('bulk.mergeInto')}
                data={selected.map((s) => ({ value: s.id, label: s.number }))}
                onChange={setMergeInto}
                w={170}
                disabled={bulk.isPending || selected.length < 2}
                testId="bulk-merge"
              />
              {children?.(run)}
              <Button size="xs" variant="default" leftSection={<IconCircleCheck size={14} />} loading={bulk.isPending} onClick={() => run({ type: 'close' })} data-testid="bulk-close">
                {t('bulk.close')}
              </Button>
              <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear} data-testid="bulk-clear">
                {t('bulk.clear')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
      {bulk.isError && (
        <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => bulk.reset()}>
          {errorMessage(t, bulk.error)}
        </Alert>
      )}
      {outcome && <BulkOutcome outcome={outcome} onClose={() => setOutcome(null)} />}
      <Modal opened={!!target} onClose={() => setMergeInto(null)} title={t('bulk.mergeTitle')} centered>
        {target && (
          <Stack>
            <Text size="sm">{t('bulk.mergeConfirm', { count: selected.length - 1, number: target.number })}</Text>
            <Text size="sm" c="dimmed">
              {t('bulk.mergeNoUndo')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setMergeInto(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                leftSection={<IconArrowMerge size={16} />}
                onClick={() => {
                  run({ type: 'merge', intoTicketId: target.id });
                  setMergeInto(null);
                }}
                data-testid="bulk-merge-confirm"
              >
                {t('bulk.mergeAction')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function Failures({ results }: { results: UndoResult['results'] }) {
  const { t } = useTranslation();
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) return null;
  return (
    <List size="sm" mt={4} data-testid="bulk-failures">
      {failed.map((r) => (
        <List.Item key={r.ticketId}>
          {r.number ? `${r.number}: ` : `${t('bulk.unknownTicket')}: `}
          {errorMessage(t, new ApiError(200, r.code ?? 'UNKNOWN'))}
        </List.Item>
      ))}
    </List>
  );
}

function BulkOutcome({ outcome, onClose }: { outcome: BulkResult; onClose: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoBulk();
  const done = outcome.results.filter((r) => r.ok).length;
  const undone = undo.data ? undo.data.results.filter((r) => r.ok).length : null;
  return (
    <Alert color={done === outcome.results.length ? 'teal' : 'yellow'} variant="light" withCloseButton onClose={onClose} data-testid="bulk-outcome">
      {undo.data ? (
        <>
          <Text size="sm" data-testid="bulk-undone">
            {t('bulk.undone', { count: undone ?? 0, total: undo.data.results.length })}
          </Text>
          <Failures results={undo.data.results} />
        </>
      ) : (
        <>
          <Group justify="space-between" gap="xs">
            <Text size="sm" data-testid="bulk-done">
              {t('bulk.done', { count: done, total: outcome.results.length })}
            </Text>
            {outcome.id && outcome.undoable && (
              <Button size="xs" variant="white" leftSection={<IconArrowBackUp size={14} />} loading={undo.isPending} onClick={() => undo.mutate(outcome.id!)} data-testid="bulk-undo">
                {t('bulk.undo')}
              </Button>
            )}
          </Group>
          {outcome.id && !outcome.undoable && (
            <Text size="xs" c="dimmed">
              {t('bulk.mergeNoUndo')}
            </Text>
          )}
          <Failures results={outcome.results} />
          {undo.isError && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(t, undo.error)}
            </Text>
          )}
        </>
      )}
    </Alert>
  );
}
