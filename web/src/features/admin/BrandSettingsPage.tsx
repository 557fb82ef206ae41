import { Alert, Box, Button, Checkbox, ColorInput, FileButton, Group, Image, Paper, Select, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { contrastRatio, HEX_COLOUR, textColourOn } from '../../../../src/shared/contrast';
import { isApiError } from '../../api/errors';
import { LOCALES, type Locale } from '../../api/types';
import { errorMessage, fieldErrorMessage, LANGUAGE_NAMES } from '../../i18n';
import { focusFirstError, ErrorState, PageLoader, usePageTitle } from '../common';
import { type BrandAdmin, type BrandAdminInput, useAdminBrand, useAdminBrands, useRemoveLogo, useSaveBrand, useUploadLogo } from './brand-admin.api';
import { timeZoneOptions } from './calendar-labels';
import { IntakeFormEditor } from './IntakeFormEditor';
import { MailTemplatesPage } from './MailTemplatesPage';

const TABS = ['settings', 'intake', 'mails'] as const;
type Tab = (typeof TABS)[number];

/** Field errors of a refused save, by the path the server names, as messages. */
export function errorsByPath(t: ReturnType<typeof useTranslation>['t'], e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isApiError(e)) for (const fe of e.errors) if (fe.field && !(fe.field in out)) out[fe.field] = fieldErrorMessage(t, fe.code);
  return out;
}

/**
 * Admin → Brands (issue 14, item 6): one brand at a time — its identity, languages and region, the
 * portal look; its intake form; its customer mails. The brand and the tab live in the address, so
 * a page can be linked and reloaded.
 */
export function BrandAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('brandAdmin.title'));
  const [params, setParams] = useSearchParams();
  const brands = useAdminBrands();
  const items = brands.data?.items ?? [];
  const brandId = params.get('brand') ?? items[0]?.id;
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'settings';
  const brand = useAdminBrand(brandId);
  const go = (patch: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...patch }), { replace: true });

  if (brands.isPending) return <PageLoader />;
  if (brands.isError) return <ErrorState error={brands.error} onRetry={() => void brands.refetch()} />;
  return (
    <Stack gap="lg" data-testid="brand-admin-page">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('brandAdmin.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('brandAdmin.subtitle')}
          </Text>
        </div>
        {items.length > 1 && (
          <Select
            label={t('brandAdmin.brand')}
            data={items.map((b) => ({ value: b.id, label: b.name }))}
            value={brandId ?? null}
            onChange={(v) => v && go({ brand: v })}
            allowDeselect={false}
            w={{ base: '100%', xs: 260 }}
            data-testid="brand-admin-brand"
          />
        )}
      </Group>
      {items.length === 0 ? (
        <Alert color="gray">{t('brandAdmin.noBrands')}</Alert>
      ) : (
        <Tabs value={tab} onChange={(v) => v && go({ tab: v })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="settings" data-testid="brand-tab-settings">{t('brandAdmin.tabs.settings')}</Tabs.Tab>
            <Tabs.Tab value="intake" data-testid="brand-tab-intake">{t('brandAdmin.tabs.intake')}</Tabs.Tab>
            <Tabs.Tab value="mails" data-testid="brand-tab-mails">{t('brandAdmin.tabs.mails')}</Tabs.Tab>
          </Tabs.List>
          {brand.isPending ? (
            <PageLoader />
          ) : brand.isError ? (
            <ErrorState error={brand.error} onRetry={() => void brand.refetch()} />
          ) : (
            <>
              <Tabs.Panel value="settings">
                <BrandSettingsForm key={brand.data.id} brand={brand.data} />
              </Tabs.Panel>
              <Tabs.Panel value="intake">
                <IntakeFormEditor key={brand.data.id} brand={brand.data} />
              </Tabs.Panel>
              <Tabs.Panel value="mails">
                <MailTemplatesPage key={brand.data.id} brand={brand.data} />
              </Tabs.Panel>
            </>
          )}
        </Tabs>
      )}
    </Stack>
  );
}

function toInput(b: BrandAdmin): BrandAdminInput {
  return {
    name: b.name,
    supportEmail: b.supportEmail,
    phone: b.phone,
    postalAddress: b.postalAddress,
    locales: b.locales,
    defaultLocale: b.defaultLocale,
    timeZone: b.timeZone,
    ticketNumberFormat: b.ticketNumberFormat,
    primaryColour: b.primaryColour,
  };
}

/** How the portal's buttons and band will look: the colour with the text colour chosen for it. */
export function ColourSample({ colour, label }: { colour: string; label: string }) {
  const { t } = useTranslation();
  const text = textColourOn(colour);
  return (
    <Group gap="sm" wrap="wrap">
      <Box px="md" py={8} style={{ background: colour, color: text, borderRadius: 6, fontWeight: 600 }} data-testid="brand-colour-sample">
        {label}
      </Box>
      <Text size="xs" c="dimmed">
        {t('brandAdmin.look.contrast', { ratio: contrastRatio(colour, text).toFixed(1) })}
      </Text>
    </Group>
  );
}

function BrandSettingsForm({ brand }: { brand: BrandAdmin }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<BrandAdminInput>(() => toInput(brand));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveBrand(brand.id);
  const upload = useUploadLogo(brand.id);
  const remove = useRemoveLogo(brand.id);
  const [logoError, setLogoError] = useState<string | null>(null);
  const set = (patch: Partial<BrandAdminInput>) => setValues((v) => ({ ...v, ...patch }));
  const colourOk = values.primaryColour !== null && HEX_COLOUR.test(values.primaryColour);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      const saved = await save.mutateAsync({ ...values, primaryColour: values.primaryColour?.trim() ? values.primaryColour.trim() : null });
      setValues(toInput(saved));
      notifications.show({ color: 'teal', message: t('brandAdmin.saved') });
    } catch (err) {
      const byPath = errorsByPath(t, err);
      // A bad language in the list is shown on the list.
      for (const k of Object.keys(byPath)) if (k.startsWith('locales.')) byPath.locales ??= byPath[k]!;
      setErrors(byPath);
      if (Object.keys(byPath).length === 0) notifications.show({ color: 'red', message: errorMessage(t, err) });
      focusFirstError();
    }
  };

  const pickLogo = async (file: File | null) => {
    if (!file) return;
    setLogoError(null);
    try {
      await upload.mutateAsync(file);
    } catch (err) {
      setLogoError(errorsByPath(t, err).file ?? errorMessage(t, err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="brand-settings-form">
      <Stack gap="lg" maw={860}>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('brandAdmin.identity')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('brandAdmin.name')} required value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-testid="brand-name" />
            <TextInput label={t('brandAdmin.supportEmail')} type="email" value={values.supportEmail ?? ''} onChange={(e) => set({ supportEmail: e.currentTarget.value || null })} error={errors.supportEmail} />
            <TextInput label={t('brandAdmin.phone')} type="tel" value={values.phone ?? ''} onChange={(e) => set({ phone: e.currentTarget.value || null })} error={errors.phone} />
            <Textarea label={t('brandAdmin.postalAddress')} autosize minRows={2} value={values.postalAddress} onChange={(e) => set({ postalAddress: e.currentTarget.value })} error={errors.postalAddress} />
          </SimpleGrid>
        </Paper>

        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('brandAdmin.region')}
          </Title>
          <Stack gap="md">
            <Checkbox.Group label={t('brandAdmin.locales')} description={t('brandAdmin.localesHint')} value={values.locales} onChange={(v) => set({ locales: LOCALES.filter((l) => v.includes(l)) })} error={errors.locales}>
              <Group gap="md" mt={6}>
                {LOCALES.map((l) => (
                  <Checkbox key={l} value={l} label={LANGUAGE_NAMES[l]} data-testid={`brand-locale-${l}`} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('brandAdmin.defaultLocale')}
                data={values.locales.map((l) => ({ value: l, label: LANGUAGE_NAMES[l as Locale] }))}
                value={values.defaultLocale}
                onChange={(v) => v && set({ defaultLocale: v })}
                allowDeselect={false}
                error={errors.defaultLocale}
              />
              <Select label={t('brandAdmin.timeZone')} searchable data={timeZoneOptions(values.timeZone)} value={values.timeZone} onChange={(v) => v && set({ timeZone: v })} allowDeselect={false} error={errors.timeZone} data-testid="brand-time-zone" />
              <TextInput
                label={t('brandAdmin.numberFormat')}
                description={t('brandAdmin.numberFormatHint', { example: brand.ticketNumberExample })}
                value={values.ticketNumberFormat}
                onChange={(e) => set({ ticketNumberFormat: e.currentTarget.value })}
                error={errors.ticketNumberFormat}
                ff="monospace"
              />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb={4}>
            {t('brandAdmin.look.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('brandAdmin.look.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Stack gap="xs">
              <ColorInput
                label={t('brandAdmin.look.colour')}
                format="hex"
                value={values.primaryColour ?? ''}
                onChange={(v) => set({ primaryColour: v || null })}
                error={errors.primaryColour}
                placeholder="#1c3f94"
                data-testid="brand-colour"
              />
              {colourOk ? <ColourSample colour={values.primaryColour!} label={values.name || brand.name} /> : <Text size="xs" c="dimmed">{t('brandAdmin.look.noColour')}</Text>}
            </Stack>
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('brandAdmin.look.logo')}
              </Text>
              {brand.logoUrl ? (
                <Image src={brand.logoUrl} alt={t('brandAdmin.look.logoAlt', { brand: brand.name })} h={56} w="auto" fit="contain" maw={240} data-testid="brand-logo" />
              ) : (
                <Group gap={6} c="dimmed">
                  <IconPhoto size={18} />
                  <Text size="sm">{t('brandAdmin.look.noLogo')}</Text>
                </Group>
              )}
              <Group gap="xs">
                <FileButton onChange={(f) => void pickLogo(f)} accept="image/png,image/jpeg,image/gif,image/webp">
                  {(props) => (
                    <Button {...props} variant="default" size="xs" leftSection={<IconUpload size={14} />} loading={upload.isPending} data-testid="brand-logo-upload">
                      {t('brandAdmin.look.upload')}
                    </Button>
                  )}
                </FileButton>
                {brand.logoUrl && (
                  <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} loading={remove.isPending} onClick={() => remove.mutate()}>
                    {t('brandAdmin.look.remove')}
                  </Button>
                )}
              </Group>
              <Text size="xs" c={logoError ? 'red' : 'dimmed'} role={logoError ? 'alert' : undefined} data-testid="brand-logo-hint">
                {logoError ?? t('brandAdmin.look.logoHint')}
              </Text>
            </Stack>
          </SimpleGrid>
        </Paper>

        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="brand-save">
            {t('brandAdmin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
