import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, List, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import type { BusinessCalendar } from '../../api/types';
import { errorMessage, fieldErrorMessage, useLocale } from '../../i18n';
import { useBrands } from '../brands';
import { focusFirstError, ErrorState, isNotFound, NotFound, PageLoader, usePageTitle } from '../common';
import { zoneName } from '../sla';
import { initialCalendarValues, isCalendarDirty, routeFieldErrors, toCalendarInput, validateCalendar, type CalendarFormValues } from './calendar-form';
import { timeZoneOptions } from './calendar-labels';
import { ClosuresEditor } from './ClosuresEditor';
import { DayOverridesEditor } from './DayOverridesEditor';
import { ImportExceptions } from './ImportExceptions';
import { DuePreviewTool } from './DuePreviewTool';
import { HolidaysEditor } from './HolidaysEditor';
import { useCalendar, useSaveCalendar } from './service-levels.api';
import { WeekEditor } from './WeekEditor';

function Section({ title, description, children, testId }: { title: string; description?: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      <Stack gap="sm" mt={description ? 0 : 'sm'}>
        {children}
      </Stack>
    </Paper>
  );
}

/** The fields the form shows errors on, by the server's paths. */
function isFormPath(path: string, v: CalendarFormValues): boolean {
  if (['brandId', 'name', 'definition.timeZone', 'definition.holidays', 'definition.holidays.country', 'definition.holidays.region', 'definition.holidays.types'].includes(path)) return true;
  const m = /^definition\.(week\.(mon|tue|wed|thu|fri|sat|sun)(\.(\d+)\.(start|end))?|holidayAdditions\.(\d+)\.(date|name)|closures\.(\d+)\.(start|end|reason)|dayOverrides\.(\d+)\.(date|intervals|reason))$/.exec(path);
  if (!m) return false;
  if (m[2]) return m[4] === undefined || Number(m[4]) < v.week[m[2] as keyof CalendarFormValues['week']].length;
  if (m[6]) return Number(m[6]) < v.holidayAdditions.length;
  if (m[10]) return Number(m[10]) < v.dayOverrides.length;
  return Number(m[8]) < v.closures.length;
}

export function CalendarEditorPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const calendar = useCalendar(isNew ? null : id);
  const brands = useBrands();
  if ((!isNew && calendar.isPending) || brands.isPending) return <PageLoader />;
  if (!isNew && calendar.isError) {
    return isNotFound(calendar.error) ? <NotFound homeTo="/admin/calendars" /> : <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  }
  // Keyed by the calendar so a navigation to another one starts a fresh form.
  return <CalendarForm key={calendar.data?.id ?? 'new'} saved={calendar.data ?? null} />;
}

function CalendarForm({ saved: initial }: { saved: BusinessCalendar | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const brands = useBrands();
  const [saved, setSaved] = useState<BusinessCalendar | null>(initial);
  const [values, setValues] = useState<CalendarFormValues>(() => {
    const brand = brands.data?.find((b) => b.id === params.get('brandId')) ?? null;
    return initialCalendarValues(initial, brand);
  });
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<{ field: string; code: string; message?: string }[]>([]);
  const save = useSaveCalendar();
  usePageTitle(saved ? t('calendars.editTitle', { name: saved.name }) : t('calendars.createTitle'));

  const set = (patch: Partial<CalendarFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const err = (path: string) => (codes[path] ? fieldErrorMessage(t, codes[path]) : undefined);
  const dirty = isCalendarDirty(values, saved);
  const zones = useMemo(() => timeZoneOptions(values.timeZone), [values.timeZone]);
  const brandName = saved?.brandName ?? brands.data?.find((b) => b.id === values.brandId)?.name;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validateCalendar(values);
    setCodes(local);
    setOtherErrors([]);
    if (Object.keys(local).length > 0) {
      focusFirstError();
      return;
    }
    try {
      const stored = await save.mutateAsync({ id: saved?.id ?? null, body: toCalendarInput(values) });
      notifications.show({ color: 'teal', message: saved ? t('calendars.saved') : t('calendars.created') });
      setSaved(stored);
      setValues(initialCalendarValues(stored, null));
      if (!saved) void navigate(`/admin/calendars/${stored.id}`, { replace: true });
    } catch (error) {
      if (isApiError(error) && error.errors.length > 0) {
        const { byPath, rest } = routeFieldErrors(error.errors, (p) => isFormPath(p, values));
        setCodes(byPath);
        setOtherErrors(rest);
        focusFirstError();
      }
    }
  };

  const generalError = save.isError && !(isApiError(save.error) && save.error.errors.length > 0);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="calendar-form">
      <Stack gap="lg">
        <Breadcrumbs separator="›">
          <Anchor component={Link} to="/admin/calendars" size="sm">
            {t('nav.calendars')}
          </Anchor>
          <Text size="sm">{saved?.name ?? t('calendars.createTitle')}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1} size="h2" data-testid="calendar-title">
              {saved ? saved.name : t('calendars.createTitle')}
            </Title>
            <Group gap="xs" mt={4}>
              {brandName && (
                <Text size="sm" c="dimmed">
                  {brandName}
                </Text>
              )}
              {saved && (
                <Badge variant="default" size="sm" tt="none" radius="sm">
                  {t('calendars.version', { version: saved.version })}
                </Badge>
              )}
              {saved && dirty && (
                <Badge variant="light" color="yellow" size="sm" tt="none" data-testid="calendar-dirty">
                  {t('calendars.unsaved')}
                </Badge>
              )}
            </Group>
          </div>
          <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} loading={save.isPending} data-testid="calendar-save">
            {saved ? t('common.save') : t('calendars.create')}
          </Button>
        </Group>

        {(generalError || otherErrors.length > 0) && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={errorMessage(t, save.error)} role="alert" data-testid="calendar-errors">
            {otherErrors.length > 0 && (
              <List size="sm">
                {otherErrors.map((fe) => (
                  <List.Item key={`${fe.field}-${fe.code}`}>
                    <Text span ff="monospace" size="xs">
                      {fe.field}
                    </Text>
                    : {fieldErrorMessage(t, fe.code)}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <Section title={t('calendars.general')} testId="calendar-general">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {!saved && (
                    <Select
                      label={t('calendars.brand')}
                      data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                      value={values.brandId || null}
                      onChange={(v) => {
                        const brand = brands.data?.find((b) => b.id === v);
                        set({ brandId: v ?? '', ...(brand ? { timeZone: brand.timeZone } : {}) });
                      }}
                      allowDeselect={false}
                      required
                      error={err('brandId')}
                      data-testid="calendar-brand"
                    />
                  )}
                  <TextInput
                    label={t('calendars.name')}
                    placeholder={t('calendars.namePlaceholder')}
                    required
                    maxLength={120}
                    value={values.name}
                    onChange={(e) => set({ name: e.currentTarget.value })}
                    error={err('name')}
                    data-testid="calendar-name"
                  />
                  <Select
                    label={t('calendars.timeZone')}
                    description={values.timeZone ? zoneName(values.timeZone, locale) : undefined}
                    data={zones}
                    value={values.timeZone || null}
                    onChange={(v) => set({ timeZone: v ?? '' })}
                    searchable
                    allowDeselect={false}
                    required
                    limit={60}
                    nothingFoundMessage={t('common.noOptions')}
                    error={err('definition.timeZone')}
                    data-testid="calendar-timezone"
                  />
                </SimpleGrid>
              </Section>

              <Section title={t('calendars.week')} description={t('calendars.weekIntro')} testId="calendar-week">
                <WeekEditor week={values.week} onChange={(week) => set({ week })} err={err} />
              </Section>

              <Section title={t('calendars.dayOverrides')} description={t('calendars.dayOverridesIntro')} testId="calendar-day-overrides">
                <DayOverridesEditor values={values} set={set} err={err} />
                {saved && (
                  <ImportExceptions
                    calendarId={saved.id}
                    onImported={(c) => {
                      setSaved(c);
                      setValues(initialCalendarValues(c, null));
                    }}
                  />
                )}
              </Section>

              <Section title={t('calendars.closures')} description={t('calendars.closuresIntro', { zone: zoneName(values.timeZone, locale) })} testId="calendar-closures">
                <ClosuresEditor values={values} set={set} err={err} />
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              <Section title={t('calendars.holidays')} description={t('calendars.holidaysIntro')} testId="calendar-holidays">
                <HolidaysEditor values={values} set={set} err={err} saved={saved} />
              </Section>
              <Section title={t('calendars.preview')} description={t('calendars.previewIntro')} testId="calendar-preview">
                <DuePreviewTool calendarId={saved?.id ?? null} timeZone={saved?.definition.timeZone ?? values.timeZone} dirty={dirty} />
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>

        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/admin/calendars">
            {t('calendars.backToList')}
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} loading={save.isPending} data-testid="calendar-save-bottom">
            {saved ? t('common.save') : t('calendars.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
