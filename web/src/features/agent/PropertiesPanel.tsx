import { Button, NativeSelect, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconUserCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type Ticket, type TicketPriority, type TicketStatus, type UpdateTicketBody } from '../../api/types';
import { errorMessage } from '../../i18n';
import { useCurrentUser } from '../auth';
import { useGroups, useStaffUsers } from '../brands';
import { useUpdateTicket } from '../tickets';

/** Status, priority, group and assignee of a ticket; each change is saved at once. */
export function PropertiesPanel({ ticket, onMerge }: { ticket: Ticket; onMerge: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const update = useUpdateTicket(ticket.id);
  const groups = useGroups(ticket.brandId);
  const users = useStaffUsers(ticket.brandId);

  const save = (body: UpdateTicketBody, what: string) =>
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('ticket.saved', { what }) }),
      onError: (e) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, e) }),
    });

  // The select offers the current status and the transitions the server allows from it, nothing else.
  const statusOptions = useMemo(() => {
    const list: TicketStatus[] = [ticket.status, ...ticket.allowedTransitions.filter((s) => s !== ticket.status)];
    return list.map((s) => ({ value: s, label: s === ticket.status ? t('ticket.statusCurrent', { status: t(`status.${s}`) }) : t(`status.${s}`) }));
  }, [ticket.status, ticket.allowedTransitions, t]);

  const assigneeOptions = useMemo(() => {
    const people = new Map<string, string>();
    people.set(user.id, t('ticket.meName', { name: user.name }));
    for (const u of users.data ?? []) if (!people.has(u.id)) people.set(u.id, u.name);
    if (ticket.assignee && !people.has(ticket.assignee.id)) people.set(ticket.assignee.id, ticket.assignee.name);
    return [...people].map(([value, label]) => ({ value, label }));
  }, [users.data, ticket.assignee, user.id, user.name, t]);

  const groupOptions = useMemo(() => {
    const list = (groups.data ?? []).map((g) => ({ value: g.id, label: g.name }));
    if (ticket.group && !list.some((g) => g.value === ticket.group?.id)) list.push({ value: ticket.group.id, label: ticket.group.name });
    return list;
  }, [groups.data, ticket.group]);

  const closed = ticket.mergedInto !== null;

  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('ticket.status')}
        data={statusOptions}
        value={ticket.status}
        onChange={(e) => {
          const status = e.currentTarget.value as TicketStatus;
          if (status !== ticket.status) save({ status }, t('ticket.status'));
        }}
        disabled={update.isPending || closed || ticket.allowedTransitions.length === 0}
        data-testid="status-select"
      />
      <NativeSelect
        label={t('ticket.priority')}
        data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        value={ticket.priority}
        onChange={(e) => save({ priority: e.currentTarget.value as TicketPriority }, t('ticket.priority'))}
        disabled={update.isPending || closed}
        data-testid="priority-select"
      />
      <Select
        label={t('ticket.group')}
        placeholder={t('ticket.noGroup')}
        data={groupOptions}
        value={ticket.group?.id ?? null}
        onChange={(v) => save({ groupId: v }, t('ticket.group'))}
        clearable
        disabled={update.isPending || closed}
        nothingFoundMessage={t('common.noOptions')}
        data-testid="group-select"
      />
      <Select
        label={t('ticket.assignee')}
        placeholder={t('ticket.unassigned')}
        data={assigneeOptions}
        value={ticket.assignee?.id ?? null}
        onChange={(v) => save({ assigneeId: v }, t('ticket.assignee'))}
        clearable
        searchable
        disabled={update.isPending || closed}
        data-testid="assignee-select"
      />
      {ticket.assignee?.id !== user.id && !closed && (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconUserCheck size={16} />}
          onClick={() => save({ assigneeId: user.id }, t('ticket.assignee'))}
          loading={update.isPending}
          data-testid="assign-me"
        >
          {t('ticket.assignToMe')}
        </Button>
      )}
      {!closed && (
        <Button variant="subtle" color="orange" size="xs" leftSection={<IconArrowMerge size={16} />} onClick={onMerge} data-testid="merge-open">
          {t('merge.open')}
        </Button>
      )}
    </Stack>
  );
}
