import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBox, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { fieldErrorsByPath, isApiError } from '../../api/errors';
import type { BodyOf, ResponseOf } from '../../api/types';
import { errorMessage, fieldErrorMessage, formatPlainDate, intlTag, pickLocalised, useLocale } from '../../i18n';
import { useBrands } from '../brands';
import { PageHeader, Empty, ListStates, usePageTitle } from '../common';

type Model = ResponseOf<'/api/v1/catalog/models', 'get'>['items'][number];
type ModelBody = BodyOf<'/api/v1/admin/catalog/models', 'post'>;
const LANGS = ['fr', 'en', 'ro', 'ru', 'sv'] as const;

/**
 * The catalog (issue 11): each brand's models — warranty, lifecycle, serial patterns, on-site
 * levels, the accessories a return must bring — listed and edited by the admin. The server checks
 * every field (patterns included) and says which one is wrong.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('catalog.title'));
  const brands = useBrands();
  const [brandId, setBrandId] = useState<string | null>(null);
  const brand = brandId ?? brands.data?.[0]?.id ?? null;
  const models = useQuery({
    queryKey: ['catalog', 'models', brand],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/catalog/models', { params: { query: { brandId: brand! } }, signal })),
    enabled: brand !== null,
    select: (d) => d.items,
  });
  const [editing, setEditing] = useState<Model | 'new' | null>(null);
  const items = models.data ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} disabled={!brand} data-testid="catalog-new">
            {t('catalog.new')}
          </Button>
        }
      />
      <Select label={t('catalog.brand')} data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brand} onChange={setBrandId} maw={320} allowDeselect={false} data-testid="catalog-brand" />
      <ListStates pending={models.isPending} error={models.isError ? models.error : null} onRetry={() => void models.refetch()} isEmpty={items.length === 0} empty={<Empty icon={<IconBox size={28} />} title={t('catalog.empty')} />}>
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table striped highlightOnHover verticalSpacing="xs" miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.code')}</Table.Th>
                <Table.Th>{t('catalog.name')}</Table.Th>
                <Table.Th>{t('catalog.warranty')}</Table.Th>
                <Table.Th>{t('catalog.lifecycle')}</Table.Th>
                <Table.Th>{t('catalog.patterns')}</Table.Th>
                <Table.Th ta="right">{t('catalog.units')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id} data-testid="catalog-model" data-code={m.code}>
                  <Table.Td ff="monospace">{m.code}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{pickLocalised(m.name, locale)}</Text>
                    {m.family && (
                      <Text size="xs" c="dimmed">
                        {pickLocalised(m.family.name, locale)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{m.commercialWarrantyMonths ? t('catalog.months', { count: m.commercialWarrantyMonths }) : t('catalog.noWarranty')}</Table.Td>
                  <Table.Td>
                    {m.lifecycle === 'active' ? (
                      <Badge variant="light" color="teal" tt="none">
                        {t('catalog.active')}
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray" tt="none">
                        {t('catalog.endOfLifeOn', { date: formatPlainDate(m.endOfLifeOn!, locale) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {m.identifiedBy === 'licence_key' ? `${t('catalog.licence')} · ` : ''}
                    {m.serialPatterns.join('  ')}
                  </Table.Td>
                  <Table.Td ta="right">{m.units}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(m)} data-testid="catalog-edit">
                      {t('catalog.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </ListStates>
      {editing && brand && <ModelModal brandId={brand} model={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {brand && <PartsSection brandId={brand} />}
    </Stack>
  );
}

type Part = ResponseOf<'/api/v1/catalog/parts', 'get'>['items'][number];

/** The brand's spare parts: price, stock on hand (warned at zero), reorder lead time, the models using them. */
function PartsSection({ brandId }: { brandId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parts = useQuery({ queryKey: ['catalog', 'parts'], queryFn: ({ signal }) => ok(api.GET('/api/v1/catalog/parts', { signal })), select: (d) => d.items });
  const [editing, setEditing] = useState<Part | 'new' | null>(null);
  const items = (parts.data ?? []).filter((p) => p.brandId === brandId);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('catalog.parts')}</Text>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="part-new">
          {t('catalog.newPart')}
        </Button>
      </Group>
      <ListStates pending={parts.isPending} error={parts.isError ? parts.error : null} onRetry={() => void parts.refetch()} isEmpty={items.length === 0} empty={<Text size="sm" c="dimmed">{t('catalog.noParts')}</Text>}>
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table striped verticalSpacing="xs" miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalog.reference')}</Table.Th>
                <Table.Th>{t('catalog.name')}</Table.Th>
                <Table.Th ta="right">{t('catalog.price')}</Table.Th>
                <Table.Th ta="right">{t('catalog.stock')}</Table.Th>
                <Table.Th ta="right">{t('catalog.leadDays')}</Table.Th>
                <Table.Th>{t('catalog.usedBy')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id} data-testid="catalog-part" data-reference={p.reference}>
                  <Table.Td ff="monospace">{p.reference}</Table.Td>
                  <Table.Td>{pickLocalised(p.name, locale)}</Table.Td>
                  <Table.Td ta="right">{new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency: p.currency }).format(p.priceCents / 100)}</Table.Td>
                  <Table.Td ta="right">
                    {p.stockOnHand === 0 ? (
                      <Badge color="red" variant="light" tt="none">
                        {t('catalog.outOfStock')}
                      </Badge>
                    ) : (
                      p.stockOnHand
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{t('catalog.days', { count: p.reorderLeadDays })}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {p.models.join(', ')}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(p)} data-testid="part-edit">
                      {t('catalog.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </ListStates>
      {editing && <PartModal brandId={brandId} part={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function PartModal({ brandId, part, onClose }: { brandId: string; part: Part | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reference, setReference] = useState(part?.reference ?? '');
  const [names, setNames] = useState<Record<string, string>>(part?.name ?? {});
  const [price, setPrice] = useState<number | string>(part ? part.priceCents / 100 : '');
  const [currency, setCurrency] = useState(part?.currency ?? 'EUR');
  const [stock, setStock] = useState<number | string>(part?.stockOnHand ?? 0);
  const [lead, setLead] = useState<number | string>(part?.reorderLeadDays ?? 0);
  const [models, setModels] = useState((part?.models ?? []).join(', '));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: BodyOf<'/api/v1/admin/catalog/parts', 'post'>) => (part ? ok(api.PUT('/api/v1/admin/catalog/parts/{id}', { params: { path: { id: part.id } }, body })) : ok(api.POST('/api/v1/admin/catalog/parts', { body }))),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['catalog'] });
      notifications.show({ color: 'teal', message: t('catalog.partSaved', { reference }) });
      onClose();
    },
    onError: (err) => setErrors(fieldMessages(t, err)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    save.mutate({
      brandId,
      reference: reference.trim(),
      name: Object.fromEntries(Object.entries(names).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()])),
      priceCents: Math.round(Number(price || 0) * 100),
      currency: currency.trim().toUpperCase(),
      stockOnHand: Number(stock || 0),
      reorderLeadDays: Number(lead || 0),
      models: models.split(/[,\s]+/).map((m) => m.trim()).filter(Boolean),
    });
  };
  return (
    <Modal opened onClose={onClose} title={part ? t('catalog.editPartTitle', { reference: part.reference }) : t('catalog.newPart')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('catalog.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={errors.reference} required ff="monospace" data-testid="part-reference" />
          <NameInputs names={names} onChange={setNames} error={errors.name} />
          <Group grow align="flex-start">
            <NumberInput label={t('catalog.price')} value={price} onChange={setPrice} min={0} decimalScale={2} error={errors.priceCents} required />
            <TextInput label={t('catalog.currency')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} error={errors.currency} maxLength={3} required />
          </Group>
          <Group grow align="flex-start">
            <NumberInput label={t('catalog.stock')} value={stock} onChange={setStock} min={0} allowDecimal={false} error={errors.stockOnHand} data-testid="part-stock" />
            <NumberInput label={t('catalog.leadDays')} value={lead} onChange={setLead} min={0} allowDecimal={false} error={errors.reorderLeadDays} />
          </Group>
          <TextInput label={t('catalog.usedBy')} description={t('catalog.usedByHint')} value={models} onChange={(e) => setModels(e.currentTarget.value)} error={errors.models} ff="monospace" />
          {save.isError && !(isApiError(save.error) && save.error.errors?.length) && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="part-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A field error per form field from the server's answer; a taken code or reference says so in words. */
function fieldMessages(t: TFunction, err: unknown): Record<string, string> {
  if (!isApiError(err) || !err.errors?.length) return {};
  return Object.fromEntries(Object.entries(fieldErrorsByPath(err.errors)).map(([k, fe]) => [k, fe.code === 'duplicate' ? errorMessage(t, err) : fieldErrorMessage(t, fe.code)]));
}

/** A name in each of the five languages (at least one). */
function NameInputs({ names, onChange, error }: { names: Record<string, string>; onChange: (n: Record<string, string>) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('catalog.name')}
      </Text>
      {LANGS.map((l) => (
        <TextInput key={l} leftSection={<Text size="xs">{l.toUpperCase()}</Text>} value={names[l] ?? ''} onChange={(e) => onChange({ ...names, [l]: e.currentTarget.value })} aria-label={`${t('catalog.name')} ${l}`} />
      ))}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

function ModelModal({ brandId, model, onClose }: { brandId: string; model: Model | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const [code, setCode] = useState(model?.code ?? '');
  const [family, setFamily] = useState(model?.family?.code ?? '');
  const [names, setNames] = useState<Record<string, string>>(model?.name ?? {});
  const [identifiedBy, setIdentifiedBy] = useState<'serial' | 'licence_key'>(model?.identifiedBy ?? 'serial');
  const [patterns, setPatterns] = useState((model?.serialPatterns ?? []).join('\n'));
  const [lifecycle, setLifecycle] = useState<'active' | 'end_of_life'>(model?.lifecycle ?? 'active');
  const [endOfLifeOn, setEndOfLifeOn] = useState(model?.endOfLifeOn ?? '');
  const [months, setMonths] = useState<number | string>(model?.commercialWarrantyMonths ?? '');
  const [levels, setLevels] = useState((model?.onsiteContractLevels ?? []).join(', '));
  const [accessories, setAccessories] = useState((model?.accessories ?? []).map((a) => `${a.key}: ${pickLocalised(a.name, locale)}`).join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: ModelBody) => (model ? ok(api.PUT('/api/v1/admin/catalog/models/{id}', { params: { path: { id: model.id } }, body })) : ok(api.POST('/api/v1/admin/catalog/models', { body }))),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['catalog'] });
      notifications.show({ color: 'teal', message: t('catalog.saved', { code }) });
      onClose();
    },
    onError: (err) => setErrors(fieldMessages(t, err)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    const name = Object.fromEntries(Object.entries(names).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
    save.mutate({
      brandId,
      familyCode: family.trim() || null,
      code: code.trim(),
      name,
      identifiedBy,
      serialPatterns: lines(patterns),
      lifecycle,
      endOfLifeOn: lifecycle === 'end_of_life' ? endOfLifeOn || null : null,
      commercialWarrantyMonths: months === '' ? null : Number(months),
      onsiteContractLevels: levels.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean),
      // The name typed is this language's; the accessory's names in the other languages are kept.
      accessories: lines(accessories).map((l) => {
        const [key, ...rest] = l.split(':');
        const k = key!.trim();
        const before = model?.accessories.find((a) => a.key === k)?.name ?? {};
        const shown = pickLocalised(before, locale);
        const typed = rest.join(':').trim() || k;
        return { key: k, name: typed === shown ? before : { ...before, [locale]: typed } };
      }),
    });
  };

  return (
    <Modal opened onClose={onClose} title={model ? t('catalog.editTitle', { code: model.code }) : t('catalog.new')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label={t('catalog.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} required ff="monospace" data-testid="model-code" />
            <TextInput label={t('catalog.family')} value={family} onChange={(e) => setFamily(e.currentTarget.value)} error={errors.familyCode} />
          </Group>
          <NameInputs names={names} onChange={setNames} error={errors.name} />
          <SegmentedControl value={identifiedBy} onChange={(v) => setIdentifiedBy(v as 'serial' | 'licence_key')} data={[{ value: 'serial', label: t('catalog.bySerial') }, { value: 'licence_key', label: t('catalog.licence') }]} />
          <Textarea label={t('catalog.patterns')} description={t('catalog.patternsHint')} value={patterns} onChange={(e) => setPatterns(e.currentTarget.value)} error={errors.serialPatterns} autosize minRows={2} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} data-testid="model-patterns" />
          <Group grow align="flex-start">
            <NumberInput label={t('catalog.warranty')} description={t('catalog.warrantyHint')} value={months} onChange={setMonths} min={1} max={240} allowDecimal={false} error={errors.commercialWarrantyMonths} />
            <Select label={t('catalog.lifecycle')} data={[{ value: 'active', label: t('catalog.active') }, { value: 'end_of_life', label: t('catalog.endOfLife') }]} value={lifecycle} onChange={(v) => setLifecycle((v ?? 'active') as 'active' | 'end_of_life')} allowDeselect={false} />
            {lifecycle === 'end_of_life' && <TextInput type="date" label={t('catalog.endOfLifeDate')} value={endOfLifeOn} onChange={(e) => setEndOfLifeOn(e.currentTarget.value)} error={errors.endOfLifeOn} required />}
          </Group>
          <TextInput label={t('catalog.onsite')} description={t('catalog.onsiteHint')} value={levels} onChange={(e) => setLevels(e.currentTarget.value)} error={errors.onsiteContractLevels} />
          <Textarea label={t('catalog.accessories')} description={t('catalog.accessoriesHint')} value={accessories} onChange={(e) => setAccessories(e.currentTarget.value)} error={errors.accessories} autosize minRows={2} />
          {save.isError && !(isApiError(save.error) && save.error.errors?.length) && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="model-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
