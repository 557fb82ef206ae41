import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCurrentLocation, IconMail, IconMap2, IconMapPin, IconPhone, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Locale } from '../../api/types';
import { errorMessage, fieldErrorMessage, intlTag, useLocale } from '../../i18n';
import { useBrands } from '../brands';
import { PageHeader, Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { type NearestCentre, type NearestQuery, useNearestCentres } from './service-centres.api';

type Mode = 'postcode' | 'city';
type Hours = NonNullable<NearestCentre['openingHours']>;

/**
 * "Service centres near you" (seed 001: the "centres SAV" close to the customer, for servicing,
 * repairs and spare parts in the years after the sale). Search by postcode, by town, or by the
 * browser's position; the server ranks the brand's centres by great-circle distance and says which
 * are open now, in each centre's own time zone.
 */
export function ServiceCentresPage() {
  const { t } = useTranslation();
  usePageTitle(t('serviceCentres.title'));
  const brands = useBrands();
  const [brandSlug, setBrandSlug] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('postcode');
  const [text, setText] = useState('');
  const [query, setQuery] = useState<NearestQuery | null>(null);
  const [geo, setGeo] = useState<'idle' | 'locating' | 'denied' | 'unsupported'>('idle');
  const brand = brandSlug ?? brands.data?.[0]?.slug ?? null;
  const nearest = useNearestCentres(query);

  const search = (e: FormEvent) => {
    e.preventDefault();
    if (!brand || !text.trim()) return;
    setGeo('idle');
    setQuery(mode === 'postcode' ? { brand, postcode: text.trim() } : { brand, city: text.trim() });
  };

  const locate = () => {
    if (!brand) return;
    if (!('geolocation' in navigator)) return setGeo('unsupported');
    setGeo('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeo('idle');
        setQuery({ brand, lat: Math.round(pos.coords.latitude * 1e5) / 1e5, lon: Math.round(pos.coords.longitude * 1e5) / 1e5 });
      },
      () => setGeo('denied'),
      { timeout: 15_000, maximumAge: 10 * 60_000 },
    );
  };

  // A refusal that names the search field is shown under it; anything else above the list.
  const failed = isApiError(nearest.error) ? nearest.error : null;
  const fieldError = failed?.errors.find((e) => e.field === 'postcode' || e.field === 'city');
  // An unknown place has its own sentence; a malformed one says what is wrong with the field.
  const placeError = failed && fieldError ? (failed.code === 'VALIDATION_FAILED' ? fieldErrorMessage(t, fieldError.code) : errorMessage(t, failed)) : null;

  return (
    <Stack gap="lg">
      <PageHeader title={t('serviceCentres.title')} subtitle={t('serviceCentres.subtitle')} />
      <Paper withBorder radius="md" p="md" component="form" onSubmit={search} data-testid="centre-search">
        <Stack gap="sm">
          {(brands.data?.length ?? 0) > 1 && (
            <Select
              label={t('serviceCentres.brand')}
              data={(brands.data ?? []).map((b) => ({ value: b.slug, label: b.name }))}
              value={brand}
              onChange={(v) => setBrandSlug(v)}
              allowDeselect={false}
              maw={320}
            />
          )}
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            data={[
              { value: 'postcode', label: t('serviceCentres.mode.postcode') },
              { value: 'city', label: t('serviceCentres.mode.city') },
            ]}
            w="fit-content"
          />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              aria-label={t(`serviceCentres.mode.${mode}`)}
              placeholder={t(mode === 'postcode' ? 'serviceCentres.postcodePlaceholder' : 'serviceCentres.cityPlaceholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={placeError}
              inputMode={mode === 'postcode' ? 'numeric' : 'text'}
              autoComplete={mode === 'postcode' ? 'postal-code' : 'address-level2'}
              style={{ flex: '1 1 200px' }}
              maw={360}
              data-testid="centre-search-input"
            />
            <Button type="submit" leftSection={<IconSearch size={16} />} disabled={!brand || !text.trim()} data-testid="centre-search-submit">
              {t('serviceCentres.search')}
            </Button>
            <Button variant="light" leftSection={<IconCurrentLocation size={16} />} onClick={locate} loading={geo === 'locating'} disabled={!brand} data-testid="centre-locate">
              {t('serviceCentres.useMyPosition')}
            </Button>
          </Group>
          {geo === 'denied' && <Text size="sm" c="red">{t('serviceCentres.geoDenied')}</Text>}
          {geo === 'unsupported' && <Text size="sm" c="red">{t('serviceCentres.geoUnsupported')}</Text>}
        </Stack>
      </Paper>
      <Results query={query} nearest={nearest} fieldErrorShown={placeError !== null} />
    </Stack>
  );
}

function Results({ query, nearest, fieldErrorShown }: { query: NearestQuery | null; nearest: ReturnType<typeof useNearestCentres>; fieldErrorShown: boolean }) {
  const { t } = useTranslation();
  if (query === null) return <Empty icon={<IconMapPin size={28} />} title={t('serviceCentres.title')} description={t('serviceCentres.start')} />;
  if (nearest.isPending) return <TableSkeleton rows={3} />;
  if (nearest.isError) return fieldErrorShown ? null : <ErrorState error={nearest.error} onRetry={() => void nearest.refetch()} />;
  const { origin, items } = nearest.data;
  if (items.length === 0) return <Empty icon={<IconMapPin size={28} />} title={t('serviceCentres.empty')} description={t('serviceCentres.emptyHint')} />;
  return (
    <Stack gap="md" data-testid="centre-results">
      <Text fw={600}>{origin.kind === 'position' ? t('serviceCentres.nearPosition') : t('serviceCentres.nearPlace', { place: origin.name })}</Text>
      {origin.precision === 'area' && (
        <Alert color="yellow" variant="light">
          {t('serviceCentres.approximate')}
        </Alert>
      )}
      {items.map((c) => (
        <CentreCard key={c.id} centre={c} />
      ))}
    </Stack>
  );
}

function CentreCard({ centre }: { centre: NearestCentre }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const km = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: centre.distanceKm < 10 ? 1 : 0 }).format(centre.distanceKm);
  const hours = centre.openingHours;
  const mapUrl = `https://www.openstreetmap.org/?mlat=${centre.latitude}&mlon=${centre.longitude}#map=16/${centre.latitude}/${centre.longitude}`;
  return (
    <Paper withBorder radius="md" p="md" data-testid="centre-card" data-name={centre.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700}>{centre.name}</Text>
          <Badge variant="light" color="blue" tt="none" style={{ flexShrink: 0 }}>
            {t('serviceCentres.distance', { km })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[...centre.addressLines, `${centre.postcode} ${centre.city}`].join(', ')}
        </Text>
        {hours ? <OpenNow hours={hours} locale={locale} /> : <Text size="sm" c="dimmed">{t('serviceCentres.hoursUnknown')}</Text>}
        <Group gap="md" wrap="wrap">
          {centre.phone && (
            <Anchor href={`tel:${centre.phone.replace(/\s+/g, '')}`} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconPhone size={14} />
                {t('serviceCentres.call')} {centre.phone}
              </Group>
            </Anchor>
          )}
          {centre.email && (
            <Anchor href={`mailto:${centre.email}`} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconMail size={14} />
                {t('serviceCentres.email')}
              </Group>
            </Anchor>
          )}
          <Anchor href={mapUrl} target="_blank" rel="noopener noreferrer" size="sm">
            <Group gap={4} wrap="nowrap">
              <IconMap2 size={14} />
              {t('serviceCentres.map')}
            </Group>
          </Anchor>
        </Group>
        {hours && <Week hours={hours} locale={locale} />}
      </Stack>
    </Paper>
  );
}

const intervalsText = (day: Hours['days'][number]) => day.intervals.map((iv) => `${iv.start}–${iv.end}`).join(', ');

function OpenNow({ hours, locale }: { hours: Hours; locale: Locale }) {
  const { t } = useTranslation();
  const today = hours.days[0]!;
  const next = hours.nextOpeningAt
    ? new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: hours.timeZone }).format(new Date(hours.nextOpeningAt))
    : null;
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={hours.openNow ? 'green' : 'gray'} variant={hours.openNow ? 'filled' : 'light'} data-testid="centre-open-now">
        {hours.openNow ? t('serviceCentres.openNow') : t('serviceCentres.closedNow')}
      </Badge>
      <Text size="sm">
        {t('serviceCentres.todayHours', { hours: today.closed ? t(`serviceCentres.closed.${today.closed.reason}`) : intervalsText(today) })}
      </Text>
      {!hours.openNow && next && (
        <Text size="sm" c="dimmed">
          · {t('serviceCentres.opensAt', { at: next })}
        </Text>
      )}
    </Group>
  );
}

function Week({ hours, locale }: { hours: Hours; locale: Locale }) {
  const { t } = useTranslation();
  const weekday = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    <details>
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>{t('serviceCentres.week')}</summary>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm" mt={4} maw={420}>
        <Table.Tbody>
          {hours.days.map((d, i) => (
            <Table.Tr key={d.date} fw={i === 0 ? 600 : undefined}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{weekday.format(new Date(`${d.date}T00:00:00Z`))}</Table.Td>
              <Table.Td c={d.closed ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>{d.closed ? (d.closed.name && d.closed.reason === 'holiday' ? `${t('serviceCentres.closed.holiday')} — ${d.closed.name}` : t(`serviceCentres.closed.${d.closed.reason}`)) : intervalsText(d)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
