import { Badge, Button, Group, MultiSelect, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconFilterOff, IconInbox, IconPhonePlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, useNavigate } from 'react-router';
import { TICKET_STATUSES, type TicketStatus } from '../../api/types';
import { useCurrentUser } from '../auth';
import { useBrands, useGroups, useStaffUsers } from '../brands';
import { Empty, ListStates, usePageTitle, PageHeader, LoadMore } from '../common';
import { TicketTable, type TicketColumn, type TicketSelection, useTicketList, useTicketSearch } from '../tickets';
import { BulkBar, MacroPicker, ShortcutsModal, SavedViews } from '../desk';
import { createdRange, filtersFromParams, paramsFromFilters } from './filters';
import { TicketLookup } from './TicketLookup';
import { useUnseenTickets } from '../notifications';

const COLUMNS: TicketColumn[] = ['number', 'subject', 'requester', 'status', 'priority', 'sla', 'assignee', 'created'];

export function QueuePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t('queue.title'));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [q, setQ] = useState(filters.q);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);

  const brands = useBrands();
  const groups = useGroups(filters.brandId);
  const users = useStaffUsers(filters.brandId);

  // The router re-renders after the URL changed (in a transition): a second change made in between
  // must start from the URL, not from this render's copy, or it undoes the first.
  const patchParams = (patch: Partial<typeof filters>) => setParams(paramsFromFilters({ ...filtersFromParams(new URLSearchParams(window.location.search)), ...patch }), { replace: true });
  // A changed filter is no longer the saved view it came from; the columns and order stay.
  const update = (patch: Partial<typeof filters>) => patchParams({ ...patch, view: undefined });

  useEffect(() => {
    if (debouncedQ !== filters.q) patchParams({ q: debouncedQ });
    // Only the debounced text drives the URL here; the other filters are already in it.
  }, [debouncedQ]);

  // The brand goes under the number (a desk serving one brand needs it nowhere): room for the due time.
  const multiBrand = (brands.data?.length ?? 0) > 1;
  const searching = filters.q.length > 0;
  // Dates are read in the chosen brand's zone, else in the agent's own.
  const zone = brands.data?.find((b) => b.id === filters.brandId)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const apiFilters = useMemo(
    () => ({ brandId: filters.brandId, status: filters.status, groupId: filters.groupId, assigneeId: filters.assigneeId, ...createdRange(filters.from, filters.until, zone) }),
    [filters, zone],
  );
  const list = useTicketList({ ...apiFilters, sort: filters.sort });
  const unseen = useUnseenTickets();
  const search = useTicketSearch(filters.q, apiFilters);

  const hits = search.data ?? [];
  const tickets = searching ? hits : (list.data?.pages.flatMap((p) => p.items) ?? []);

  // Bulk selection (issue 14, item 3): kept while the tickets stay in the list, dropped with a new filter.
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setSelectedIds(new Set()), [params]);
  const selection: TicketSelection = useMemo(
    () => ({
      selected: selectedIds,
      toggle: (id) =>
        setSelectedIds((prev) => {
          const next = new Set(prev);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        }),
      setAll: (ids, on) =>
        setSelectedIds((prev) => {
          const next = new Set(prev);
          for (const id of ids) if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
    }),
    [selectedIds],
  );
  const selectedTickets = tickets.filter((tk) => selectedIds.has(tk.id));

  // Keyboard (issue 14, item 3): j/k move, Enter or o open, ? lists the keys; never while typing.
  const navigate = useNavigate();
  const [help, helpModal] = useDisclosure(false);
  const [cursor, setCursor] = useState(-1);
  useEffect(() => setCursor(-1), [params]);
  const active = cursor >= 0 ? tickets[Math.min(cursor, tickets.length - 1)] : undefined;
  const move = (step: number) => {
    if (tickets.length === 0) return;
    const next = Math.max(0, Math.min(tickets.length - 1, cursor + step));
    setCursor(next);
    document.querySelector(`[data-ticket-id="${tickets[next]!.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const open = () => active && void navigate(`/agent/tickets/${active.id}`);
  useHotkeys([
    ['j', () => move(1)],
    ['k', () => move(-1)],
    ['enter', open, { preventDefault: false }],
    ['o', open],
    ['shift+?', helpModal.open],
  ]);
  const pending = searching ? search.isPending : list.isPending;
  const error = searching ? search.error : list.error;
  const hasFilters = !!(filters.brandId || filters.status || filters.groupId || filters.assigneeId || filters.q || filters.from || filters.until);

  const assigneeOptions = useMemo(() => {
    const people = (users.data ?? []).filter((u) => u.id !== user.id).map((u) => ({ value: u.id, label: u.name }));
    return [
      { value: 'me', label: t('queue.assigneeMe') },
      { value: 'none', label: t('queue.assigneeNone') },
      ...people,
    ];
  }, [users.data, user.id, t]);

  return (
    <Stack gap="lg">
      <ShortcutsModal opened={help} onClose={helpModal.close} />
      <PageHeader
        title={t('queue.title')}
        subtitle={t('queue.subtitle')}
        action={
          <Button component={Link} to="/agent/new" leftSection={<IconPhonePlus size={18} />} data-testid="new-ticket-button">
            {t('nav.newTicket')}
          </Button>
        }
      />

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextInput
              style={{ flex: '1 1 320px' }}
              aria-label={t('queue.search')}
              placeholder={t('queue.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              type="search"
              data-testid="search-input"
            />
            <TicketLookup example={brands.data?.[0]?.ticketNumberExample} />
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('queue.filterBrand')}
              placeholder={t('queue.allBrands')}
              data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              value={filters.brandId ?? null}
              onChange={(v) => update({ brandId: v ?? undefined, groupId: undefined })}
              clearable
              w={200}
              data-testid="filter-brand"
            />
            <MultiSelect
              label={t('queue.filterStatus')}
              placeholder={filters.status ? undefined : t('queue.allStatuses')}
              data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={filters.status ?? []}
              onChange={(v) => update({ status: v.length ? (v as TicketStatus[]) : undefined })}
              clearable
              miw={220}
              maw={420}
              data-testid="filter-status"
            />
            <Select
              label={t('queue.filterGroup')}
              placeholder={t('queue.allGroups')}
              data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              value={filters.groupId ?? null}
              onChange={(v) => update({ groupId: v ?? undefined })}
              clearable
              w={200}
              nothingFoundMessage={t('common.noOptions')}
              data-testid="filter-group"
            />
            <Select
              label={t('queue.filterAssignee')}
              placeholder={t('queue.anyone')}
              data={assigneeOptions}
              value={filters.assigneeId ?? null}
              onChange={(v) => update({ assigneeId: v ?? undefined })}
              clearable
              searchable
              w={200}
              data-testid="filter-assignee"
            />
            <TextInput
              type="date"
              label={t('queue.filterCreatedFrom')}
              value={filters.from ?? ''}
              max={filters.until}
              onChange={(e) => update({ from: e.currentTarget.value || undefined })}
              w={170}
              data-testid="filter-created-from"
            />
            <TextInput
              type="date"
              label={t('queue.filterCreatedUntil')}
              value={filters.until ?? ''}
              min={filters.from}
              onChange={(e) => update({ until: e.currentTarget.value || undefined })}
              w={170}
              data-testid="filter-created-until"
            />
            {hasFilters && (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconFilterOff size={16} />}
                onClick={() => {
                  setQ('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
                data-testid="filters-reset"
              >
                {t('queue.resetFilters')}
              </Button>
            )}
          </Group>
          <SavedViews
            params={filters}
            defaultColumns={COLUMNS}
            onApply={(next) => {
              setQ(next.q);
              setParams(paramsFromFilters(next), { replace: true });
            }}
            onPatch={patchParams}
          />
        </Stack>
      </Paper>

      {searching && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('queue.searchResults', { q: filters.q })}
          </Text>
          {search.data && <Badge variant="light">{hits.length}</Badge>}
        </Group>
      )}

      <BulkBar selected={selectedTickets} brandId={filters.brandId} onClear={() => setSelectedIds(new Set())}>
        {(run) => <MacroPicker brandId={filters.brandId} onPick={(macroId) => run({ type: 'macro', macroId })} />}
      </BulkBar>
      <ListStates
        pending={pending}
        error={error}
        onRetry={() => void (searching ? search.refetch() : list.refetch())}
        isEmpty={tickets.length === 0}
        empty={
          <Empty
            icon={searching ? <IconSearch size={28} /> : <IconInbox size={28} />}
            title={searching ? t('queue.noResults') : hasFilters ? t('queue.emptyFiltered') : t('queue.empty')}
            description={searching ? t('queue.noResultsHint') : hasFilters ? t('queue.emptyFilteredHint') : t('queue.emptyHint')}
          />
        }
      >
        <Stack gap="sm">
          <TicketTable
            tickets={tickets}
            columns={filters.columns ?? COLUMNS}
            brandUnderNumber={multiBrand}
            linkTo={(tk) => `/agent/tickets/${tk.id}`}
            highlight={searching ? filters.q : undefined}
            selection={selection}
            activeId={active?.id}
            unseen={unseen.data}
          />
          {!searching && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="queue-count">
                {t('queue.shown', { count: tickets.length })}
              </Text>
              <LoadMore list={list} />
            </Group>
          )}
        </Stack>
      </ListStates>
    </Stack>
  );
}
