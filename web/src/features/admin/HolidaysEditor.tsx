import { serverNow } from '../../app/server-clock';
import { ActionIcon, Alert, Badge, Button, Chip, Group, Paper, ScrollArea, Select, SimpleGrid, Skeleton, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconBriefcase, IconChevronLeft, IconChevronRight, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOLIDAY_TYPES, type BusinessCalendar, type HolidayType } from '../../api/types';
import { errorMessage, isValidTimeZone, toZonedWall, useLocale } from '../../i18n';
import { holidaySourceChanged, isCalendarDate, type CalendarFormValues } from './calendar-form';
import { countryOptions, formatDayWithWeekday } from './calendar-labels';
import { useCalendarHolidays } from './service-levels.api';

interface Props {
  values: CalendarFormValues;
  set: (patch: Partial<CalendarFormValues>) => void;
  err: (path: string) => string | undefined;
  saved: BusinessCalendar | null;
}

interface Row {
  date: string;
  name: string;
  source: 'library' | 'added';
  removed: boolean;
}

/**
 * The holiday source (country, region, types), then one year's closed days as they stand in the
 * form: library holidays with a way to work on one (a removal) or take it back, and the brand's
 * own closed days (additions). Library holidays come from the server for the saved selection.
 */
export function HolidaysEditor({ values, set, err, saved }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [year, setYear] = useState(() => Number(toZonedWall(serverNow(), isValidTimeZone(values.timeZone) ? values.timeZone : 'UTC').slice(0, 4)));
  const [newDay, setNewDay] = useState({ date: '', name: '' });
  const [newDayError, setNewDayError] = useState<{ date?: string; name?: string }>({});
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const stale = values.holidaysOn && holidaySourceChanged(values, saved);
  const holidays = useCalendarHolidays(saved && values.holidaysOn && !stale ? saved.id : null, year, saved?.version);

  const viewport = useRef<HTMLDivElement>(null);

  // This year's list opens at the next closed day rather than at New Year.
  useEffect(() => {
    const v = viewport.current;
    if (!v) return;
    const today = toZonedWall(serverNow(), isValidTimeZone(values.timeZone) ? values.timeZone : 'UTC').slice(0, 10);
    const next = [...v.querySelectorAll<HTMLElement>('[data-testid="holiday-row"]')].find((r) => (r.dataset.date ?? '') >= today);
    v.scrollTop = next && today.startsWith(`${year}-`) ? Math.max(0, next.offsetTop - 8) : 0;
  }, [year, holidays.data]);

  const removed = new Set(values.holidayRemovals.map((r) => r.date));
  const rows: Row[] = [
    ...(holidays.data?.items ?? []).filter((h) => h.source === 'library').map((h) => ({ ...h, removed: removed.has(h.date) })),
    ...values.holidayAdditions.filter((a) => a.date.startsWith(`${year}-`)).map((a) => ({ date: a.date, name: a.name, source: 'added' as const, removed: false })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source === 'library' ? -1 : 1));

  const toggleRemoval = (date: string) =>
    set({ holidayRemovals: removed.has(date) ? values.holidayRemovals.filter((r) => r.date !== date) : [...values.holidayRemovals, { date }] });
  const dropAddition = (date: string, name: string) => set({ holidayAdditions: values.holidayAdditions.filter((a) => !(a.date === date && a.name === name)) });
  const addDay = () => {
    const e: { date?: string; name?: string } = {};
    if (!newDay.date) e.date = t('errors.field.required');
    else if (!isCalendarDate(newDay.date)) e.date = t('errors.field.invalid_format');
    else if (values.holidayAdditions.some((a) => a.date === newDay.date)) e.date = t('calendars.dayAlreadyAdded');
    if (!newDay.name.trim()) e.name = t('errors.field.required');
    setNewDayError(e);
    if (e.date || e.name) return;
    set({ holidayAdditions: [...values.holidayAdditions, { date: newDay.date, name: newDay.name.trim() }] });
    setYear(Number(newDay.date.slice(0, 4)));
    setNewDay({ date: '', name: '' });
  };
  const additionErrors = values.holidayAdditions.flatMap((a, i) =>
    (['date', 'name'] as const).flatMap((k) => {
      const m = err(`definition.holidayAdditions.${i}.${k}`);
      return m ? [`${a.date} ${a.name}: ${m}`] : [];
    }),
  );

  return (
    <Stack gap="md">
      <Switch
        label={t('calendars.holidaysOn')}
        description={t('calendars.holidaysOnHelp')}
        checked={values.holidaysOn}
        onChange={(e) => set({ holidaysOn: e.currentTarget.checked })}
        data-testid="holidays-on"
      />
      {values.holidaysOn && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('calendars.country')}
              data={countries}
              value={values.country || null}
              onChange={(v) => set({ country: v ?? '' })}
              searchable
              required
              nothingFoundMessage={t('common.noOptions')}
              error={err('definition.holidays.country') ?? err('definition.holidays')}
              data-testid="holidays-country"
            />
            <TextInput
              label={t('calendars.region')}
              description={t('calendars.regionHelp')}
              value={values.region}
              onChange={(e) => set({ region: e.currentTarget.value.toUpperCase() })}
              maxLength={10}
              error={err('definition.holidays.region')}
              data-testid="holidays-region"
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('calendars.types')}
            </Text>
            <Chip.Group multiple value={values.types} onChange={(v) => set({ types: v as HolidayType[] })}>
              <Group gap="xs">
                {HOLIDAY_TYPES.map((type) => (
                  <Chip key={type} value={type} size="xs" data-testid={`holidays-type-${type}`}>
                    {t(`calendars.holidayType.${type}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {err('definition.holidays.types') && (
              <Text size="xs" c="red.7" role="alert">
                {err('definition.holidays.types')}
              </Text>
            )}
          </Stack>
        </Stack>
      )}

      <Paper withBorder radius="md" data-testid="holidays-year">
        <Group justify="space-between" px="sm" py={6} bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md) var(--mantine-radius-md) 0 0' }}>
          <Text size="sm" fw={600}>
            {t('calendars.closedDaysOf', { year })}
          </Text>
          <Group gap={4}>
            <ActionIcon variant="subtle" color="gray" onClick={() => setYear((y) => y - 1)} aria-label={t('calendars.previousYear')} data-testid="holidays-prev-year">
              <IconChevronLeft size={16} />
            </ActionIcon>
            <Text size="sm" fw={600} w={44} ta="center" data-testid="holidays-year-label">
              {year}
            </Text>
            <ActionIcon variant="subtle" color="gray" onClick={() => setYear((y) => y + 1)} aria-label={t('calendars.nextYear')} data-testid="holidays-next-year">
              <IconChevronRight size={16} />
            </ActionIcon>
          </Group>
        </Group>
        {values.holidaysOn && stale && (
          <Alert variant="light" color="blue" radius={0} icon={<IconInfoCircle size={16} />} p="xs">
            <Text size="xs">{saved ? t('calendars.holidaysStale') : t('calendars.holidaysAfterCreate')}</Text>
          </Alert>
        )}
        {holidays.isError && (
          <Alert variant="light" color="red" radius={0} p="xs">
            <Text size="xs">{errorMessage(t, holidays.error)}</Text>
          </Alert>
        )}
        {holidays.isFetching && !holidays.data ? (
          <Stack gap={6} p="sm">
            <Skeleton height={14} />
            <Skeleton height={14} />
            <Skeleton height={14} width="60%" />
          </Stack>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('calendars.noClosedDays')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={380} type="auto" viewportRef={viewport}>
            <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="holidays-table">
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.source}-${r.date}-${r.name}`} data-testid="holiday-row" data-date={r.date} data-source={r.source} data-removed={r.removed ? 'true' : 'false'}>
                    <Table.Td style={{ whiteSpace: 'nowrap', width: 1 }}>
                      <Text size="sm" td={r.removed ? 'line-through' : undefined} c={r.removed ? 'dimmed' : undefined}>
                        {formatDayWithWeekday(r.date, locale)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" td={r.removed ? 'line-through' : undefined} c={r.removed ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
                        {r.name}
                      </Text>
                      <Group gap={4} mt={2}>
                        {r.source === 'added' && (
                          <Badge size="xs" variant="light" color="grape" tt="none">
                            {t('calendars.ownDay')}
                          </Badge>
                        )}
                        {r.removed && (
                          <Badge size="xs" variant="light" color="orange" tt="none" data-testid="holiday-worked">
                            {t('calendars.workedDay')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ width: 1 }}>
                      {r.source === 'library' ? (
                        <Tooltip label={r.removed ? t('calendars.restoreHoliday') : t('calendars.workHoliday')} withArrow openDelay={300}>
                          <ActionIcon
                            variant="subtle"
                            color={r.removed ? 'teal' : 'gray'}
                            onClick={() => toggleRemoval(r.date)}
                            aria-label={r.removed ? t('calendars.restoreHoliday') : t('calendars.workHoliday')}
                            data-testid="holiday-toggle"
                          >
                            {r.removed ? <IconArrowBackUp size={16} /> : <IconBriefcase size={16} />}
                          </ActionIcon>
                        </Tooltip>
                      ) : (
                        <Tooltip label={t('calendars.dropOwnDay')} withArrow openDelay={300}>
                          <ActionIcon variant="subtle" color="gray" onClick={() => dropAddition(r.date, r.name)} aria-label={t('calendars.dropOwnDay')} data-testid="holiday-drop">
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Paper>

      {additionErrors.map((m) => (
        <Text key={m} size="xs" c="red.7" role="alert">
          {m}
        </Text>
      ))}

      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('calendars.addOwnDay')}
        </Text>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            type="date"
            w={150}
            style={{ flex: 'none' }}
            value={newDay.date}
            onChange={(e) => setNewDay((d) => ({ ...d, date: e.currentTarget.value }))}
            error={newDayError.date}
            aria-label={t('calendars.ownDayDate')}
            data-testid="own-day-date"
          />
          <TextInput
            style={{ flex: 1 }}
            placeholder={t('calendars.ownDayNamePlaceholder')}
            value={newDay.name}
            onChange={(e) => setNewDay((d) => ({ ...d, name: e.currentTarget.value }))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addDay();
              }
            }}
            maxLength={200}
            error={newDayError.name}
            aria-label={t('calendars.ownDayName')}
            data-testid="own-day-name"
          />
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={addDay} style={{ flex: 'none' }} data-testid="own-day-add">
            {t('calendars.add')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
