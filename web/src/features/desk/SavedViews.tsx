import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { QUEUE_COLUMNS, TICKET_SORTS, type QueueColumn, type TicketSort } from '../../api/types';
import { errorMessage, fieldErrorMessage } from '../../i18n';
import { useGroups } from '../brands';
import type { QueueParams } from '../agent';
import { type SavedView, useDeleteView, useSavedViews, useSaveView } from './desk.api';

interface SavedViewsProps {
  params: QueueParams;
  /** The desk's columns when no view chose any. */
  defaultColumns: readonly QueueColumn[];
  /** Replaces the queue's URL with these filters, columns and order (and the view's id). */
  onApply: (next: QueueParams) => void;
  /**
   * Changes part of the queue's URL, merged with what the URL holds now: two changes in quick
   * succession (an order, then the columns) both stay, even before the page re-rendered the first.
   */
  onPatch: (patch: Partial<QueueParams>) => void;
}

/** The view's filters as the queue's URL holds them. */
function paramsOf(view: SavedView): QueueParams {
  const f = view.filters;
  return { q: f.q ?? '', brandId: f.brandId, status: f.status, groupId: f.groupId, assigneeId: f.assigneeId, from: f.from, until: f.until, columns: view.columns, sort: view.sort, view: view.id };
}

/**
 * Saved views of the queue (issue 14, item 3): pick one (the agent's own, then their groups'),
 * choose the columns and the order, save what is on screen under a name — for oneself or a group.
 */
export function SavedViews({ params, defaultColumns, onApply, onPatch }: SavedViewsProps) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const remove = useDeleteView();
  const [saving, savingModal] = useDisclosure(false);
  const current = views.data?.find((v) => v.id === params.view);
  const columns = params.columns ?? [...defaultColumns];
  const sort = params.sort ?? 'due';

  const mine = (views.data ?? []).filter((v) => !v.group);
  const byGroup = new Map<string, SavedView[]>();
  for (const v of views.data ?? []) if (v.group) byGroup.set(v.group.name, [...(byGroup.get(v.group.name) ?? []), v]);
  const options = [
    ...(mine.length ? [{ group: t('savedViews.mine'), items: mine.map((v) => ({ value: v.id, label: v.name })) }] : []),
    ...[...byGroup].map(([name, list]) => ({ group: t('savedViews.sharedWith', { group: name }), items: list.map((v) => ({ value: v.id, label: v.name })) })),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="saved-views">
      <Select
        label={t('savedViews.view')}
        placeholder={t('savedViews.none')}
        data={options}
        value={current?.id ?? null}
        onChange={(id) => {
          const view = views.data?.find((v) => v.id === id);
          onApply(view ? paramsOf(view) : { q: '' });
        }}
        clearable
        w={220}
        nothingFoundMessage={t('savedViews.empty')}
        data-testid="view-select"
      />
      <MultiSelect
        label={t('savedViews.columns')}
        data={QUEUE_COLUMNS.map((c) => ({ value: c, label: t(`ticketTable.${c}`) }))}
        value={columns}
        onChange={(v) => v.length && onPatch({ columns: QUEUE_COLUMNS.filter((c) => v.includes(c)), view: undefined })}
        miw={220}
        maw={460}
        data-testid="view-columns"
      />
      <Select
        label={t('savedViews.sort')}
        data={TICKET_SORTS.map((s) => ({ value: s, label: t(`savedViews.sorts.${s}`) }))}
        value={sort}
        onChange={(v) => v && onPatch({ sort: v as TicketSort, view: undefined })}
        allowDeselect={false}
        w={220}
        data-testid="view-sort"
      />
      <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} onClick={savingModal.open} data-testid="view-save">
        {t('savedViews.save')}
      </Button>
      {current?.editable && (
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} />}
          loading={remove.isPending}
          onClick={() => remove.mutate(current.id, { onSuccess: () => onPatch({ view: undefined }) })}
          data-testid="view-delete"
        >
          {t('savedViews.delete', { name: current.name })}
        </Button>
      )}
      <Modal opened={saving} onClose={savingModal.close} title={t('savedViews.saveTitle')}>
        {saving && <SaveViewForm params={params} columns={columns} sort={sort} onSaved={(view) => { savingModal.close(); onApply(paramsOf(view)); }} />}
      </Modal>
    </Group>
  );
}

function SaveViewForm({ params, columns, sort, onSaved }: { params: QueueParams; columns: QueueColumn[]; sort: TicketSort; onSaved: (view: SavedView) => void }) {
  const { t } = useTranslation();
  const groups = useGroups(params.brandId);
  const save = useSaveView();
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const fieldError = (field: string) => {
    const e = isApiError(save.error) ? save.error.errors.find((x) => x.field === field) : undefined;
    return e ? fieldErrorMessage(t, e.code) : undefined;
  };
  const known = isApiError(save.error) && save.error.errors.some((e) => e.field === 'name' || e.field === 'groupId');
  const submit = () =>
    save.mutate(
      {
        name,
        groupId,
        filters: { q: params.q || undefined, brandId: params.brandId, status: params.status, groupId: params.groupId, assigneeId: params.assigneeId as 'me' | 'none' | undefined, from: params.from, until: params.until },
        columns,
        sort,
      },
      { onSuccess: onSaved },
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {save.isError && !known && (
          <Alert color="red" role="alert">
            {errorMessage(t, save.error)}
          </Alert>
        )}
        <TextInput label={t('savedViews.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-autofocus data-testid="view-name" />
        <Select
          label={t('savedViews.shareWith')}
          placeholder={t('savedViews.justMe')}
          description={t('savedViews.shareHelp')}
          data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={groupId}
          onChange={setGroupId}
          clearable
          error={fieldError('groupId')}
          data-testid="view-group"
        />
        <Button type="submit" loading={save.isPending} disabled={!name.trim()} data-testid="view-save-confirm">
          {t('savedViews.saveConfirm')}
        </Button>
      </Stack>
    </form>
  );
}
