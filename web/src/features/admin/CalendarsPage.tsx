import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconCalendarTime, IconClock, IconPencil, IconWorld } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BusinessCalendar, SlaPolicy } from '../../api/types';
import { useLocale } from '../../i18n';
import { useBrands } from '../brands';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { zoneName } from '../sla';
import { summariseWeek } from './calendar-form';
import { countryOptions, weekdayName } from './calendar-labels';
import { useCalendars, usePolicies } from './service-levels.api';

function CalendarRow({ calendar, policies }: { calendar: BusinessCalendar; policies: SlaPolicy[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = calendar.definition;
  const week = summariseWeek(d.week, (day) => weekdayName(day, locale));
  const country = d.holidays ? (countryOptions(locale).find((c) => c.value === d.holidays?.country)?.label ?? d.holidays.country) : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="calendar-row" data-name={calendar.name} data-id={calendar.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text fw={600}>{calendar.name}</Text>
            <Badge variant="default" size="xs" tt="none" radius="sm">
              {t('calendars.version', { version: calendar.version })}
            </Badge>
          </Group>
          <Group gap={6} wrap="nowrap" c="dimmed">
            <IconWorld size={14} style={{ flex: 'none' }} />
            <Text size="sm">
              {zoneName(d.timeZone, locale)} · {d.timeZone}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconClock size={14} style={{ flex: 'none', marginTop: 3 }} color="var(--mantine-color-dimmed)" />
            <Text size="sm">{week || t('calendars.neverOpen')}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {country ? t('calendars.holidaysOf', { country }) : t('calendars.noHolidays')}
            {d.holidayAdditions.length > 0 && ` · ${t('calendars.ownDays', { count: d.holidayAdditions.length })}`}
            {d.holidayRemovals.length > 0 && ` · ${t('calendars.workedDays', { count: d.holidayRemovals.length })}`}
            {d.closures.length > 0 && ` · ${t('calendars.closureCount', { count: d.closures.length })}`}
          </Text>
          <Text size="xs" c="dimmed">
            {policies.length ? t('calendars.usedBy', { names: policies.map((p) => p.name).join(', ') }) : t('calendars.unused')}
          </Text>
        </Stack>
        <Button component={Link} to={`/admin/calendars/${calendar.id}`} variant="default" size="xs" leftSection={<IconPencil size={14} />} data-testid="calendar-edit">
          {t('calendars.edit')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Every brand's business calendars: opening hours, holidays and closures that due times count in. */
export function CalendarsPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendars.title'));
  const calendars = useCalendars();
  const policies = usePolicies();
  const brands = useBrands();

  const sections = useMemo(() => {
    const list: { id: string; name: string; items: BusinessCalendar[] }[] = (brands.data ?? []).map((b) => ({ id: b.id, name: b.name, items: [] }));
    for (const c of calendars.data ?? []) {
      let s = list.find((x) => x.id === c.brandId);
      if (!s) list.push((s = { id: c.brandId, name: c.brandName, items: [] }));
      s.items.push(c);
    }
    return list;
  }, [brands.data, calendars.data]);

  return (
    <Stack gap="lg" data-testid="calendars-page">
      <div>
        <Title order={1} size="h2">
          {t('calendars.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('calendars.subtitle')}
        </Text>
      </div>
      {calendars.isPending || brands.isPending ? (
        <TableSkeleton rows={4} />
      ) : calendars.isError ? (
        <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />
      ) : sections.length === 0 ? (
        <Empty icon={<IconCalendarTime size={28} />} title={t('calendars.empty')} />
      ) : (
        sections.map((s) => (
          <Stack key={s.id} gap="sm" data-testid="calendar-brand-section" data-brand={s.name}>
            <Group justify="space-between">
              <Title order={2} size="h4">
                {s.name}
              </Title>
              <Button
                component={Link}
                to={`/admin/calendars/new?brandId=${encodeURIComponent(s.id)}`}
                variant="subtle"
                color="gray"
                size="xs"
                leftSection={<IconCalendarPlus size={14} />}
                data-testid="calendar-add-for-brand"
              >
                {t('calendars.addFor', { brand: s.name })}
              </Button>
            </Group>
            {s.items.length === 0 ? (
              <Paper withBorder radius="md" p="md" bg="gray.0">
                <Text size="sm" c="dimmed">
                  {t('calendars.noneForBrand')}
                </Text>
              </Paper>
            ) : (
              s.items.map((c) => <CalendarRow key={c.id} calendar={c} policies={(policies.data ?? []).filter((p) => p.calendarId === c.id)} />)
            )}
          </Stack>
        ))
      )}
    </Stack>
  );
}
