import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../api/types';
import { errorMessage, LANGUAGE_NAMES } from '../../i18n';
import { focusFirstError } from '../common';
import { type BrandAdmin, useSaveIntakeForm } from './brand-admin.api';
import { errorsByPath } from './BrandSettingsPage';

type IntakeFormInput = BrandAdmin['intakeForm'];
type Field = IntakeFormInput['fields'][number];
const TYPES: Field['type'][] = ['text', 'textarea', 'number', 'select', 'date', 'email', 'phone', 'serials'];

/**
 * The brand's intake form (issue 14, item 6): the fields a request must or may carry, in order,
 * with a label (required in each language the brand offers) and help text in the five languages.
 * Saved fields keep their key and type — tickets hold their values by key — so those two are
 * locked once saved; a new field gets both freely.
 */
export function IntakeFormEditor({ brand }: { brand: BrandAdmin }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<IntakeFormInput>(() => structuredClone(brand.intakeForm));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveIntakeForm(brand.id);
  const saved = new Set(brand.intakeForm.fields.map((f) => f.key));
  const languages = [...brand.locales, ...LOCALES.filter((l) => !brand.locales.includes(l))] as Locale[];

  const setField = (i: number, patch: Partial<Field>) => setForm((f) => ({ ...f, fields: f.fields.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const move = (i: number, by: -1 | 1) =>
    setForm((f) => {
      const fields = [...f.fields];
      const [x] = fields.splice(i, 1);
      fields.splice(i + by, 0, x!);
      return { ...f, fields };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      const result = await save.mutateAsync(form);
      setForm(structuredClone(result.intakeForm));
      notifications.show({ color: 'teal', message: t('brandAdmin.saved') });
    } catch (err) {
      const byPath = errorsByPath(t, err);
      setErrors(byPath);
      if (Object.keys(byPath).length === 0) notifications.show({ color: 'red', message: errorMessage(t, err) });
      focusFirstError();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="intake-form-editor">
      <Stack gap="md" maw={980}>
        <Text size="sm" c="dimmed">
          {t('brandAdmin.intake.hint')}
        </Text>
        <Switch label={t('brandAdmin.intake.serialsRequired')} checked={form.serialsRequired} onChange={(e) => setForm((f) => ({ ...f, serialsRequired: e.currentTarget.checked }))} />
        {form.fields.length === 0 && <Alert color="gray">{t('brandAdmin.intake.empty')}</Alert>}
        {form.fields.map((field, i) => {
          const at = `fields.${i}`;
          const locked = saved.has(field.key) && brand.intakeForm.fields.find((f) => f.key === field.key)?.type === field.type;
          return (
            <Paper key={i} withBorder radius="md" p="md" data-testid="intake-field">
              <Group justify="space-between" mb="sm" wrap="nowrap">
                <Group gap="xs">
                  <Title order={3} size="h5">
                    {field.label[languages[0]!] || field.key || t('brandAdmin.intake.newField')}
                  </Title>
                  {field.required && <Badge size="sm" variant="light">{t('brandAdmin.intake.required')}</Badge>}
                </Group>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" color="gray" size="lg" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('brandAdmin.intake.up')}>
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="gray" size="lg" disabled={i === form.fields.length - 1} onClick={() => move(i, 1)} aria-label={t('brandAdmin.intake.down')}>
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" size="lg" onClick={() => setForm((f) => ({ ...f, fields: f.fields.filter((_, j) => j !== i) }))} aria-label={t('brandAdmin.intake.remove')}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
                <TextInput label={t('brandAdmin.intake.key')} value={field.key} readOnly={locked} onChange={(e) => setField(i, { key: e.currentTarget.value })} error={errors[`${at}.key`]} ff="monospace" data-testid="intake-key" />
                <Select
                  label={t('brandAdmin.intake.type')}
                  data={TYPES.map((v) => ({ value: v, label: t(`brandAdmin.intake.types.${v as Field['type']}`) }))}
                  value={field.type}
                  onChange={(v) => v && setField(i, { type: v as Field['type'], ...(v === 'select' ? { options: field.options ?? [] } : { options: undefined }) })}
                  allowDeselect={false}
                  readOnly={locked}
                  error={errors[`${at}.type`]}
                />
                <Switch mt={{ base: 0, sm: 30 }} label={t('brandAdmin.intake.required')} checked={field.required ?? false} onChange={(e) => setField(i, { required: e.currentTarget.checked })} data-testid="intake-required" />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {languages.map((l) => (
                  <TextInput
                    key={`label-${l}`}
                    label={t('brandAdmin.intake.labelIn', { language: LANGUAGE_NAMES[l] })}
                    required={brand.locales.includes(l)}
                    value={field.label[l] ?? ''}
                    onChange={(e) => setField(i, { label: { ...field.label, [l]: e.currentTarget.value } })}
                    error={errors[`${at}.label.${l}`]}
                    data-testid={`intake-label-${l}`}
                  />
                ))}
                {languages.map((l) => (
                  <TextInput key={`help-${l}`} label={t('brandAdmin.intake.helpIn', { language: LANGUAGE_NAMES[l] })} value={field.help?.[l] ?? ''} onChange={(e) => setField(i, { help: { ...field.help, [l]: e.currentTarget.value } })} error={errors[`${at}.help.${l}`]} />
                ))}
              </SimpleGrid>
              {field.type === 'select' && (
                <Stack gap="xs" mt="sm">
                  <Text size="sm" fw={500}>
                    {t('brandAdmin.intake.options')}
                  </Text>
                  {errors[`${at}.options`] && (
                    <Text size="xs" c="red" role="alert">
                      {errors[`${at}.options`]}
                    </Text>
                  )}
                  {(field.options ?? []).map((o, j) => (
                    <Group key={j} gap="xs" align="flex-start" wrap="wrap">
                      <TextInput
                        w={140}
                        label={t('brandAdmin.intake.optionValue')}
                        value={o.value}
                        onChange={(e) => setField(i, { options: field.options!.map((x, k) => (k === j ? { ...x, value: e.currentTarget.value } : x)) })}
                        error={errors[`${at}.options.${j}.value`]}
                        ff="monospace"
                      />
                      {brand.locales.map((l) => (
                        <TextInput
                          key={l}
                          w={180}
                          label={LANGUAGE_NAMES[l as Locale]}
                          value={o.label[l] ?? ''}
                          onChange={(e) => setField(i, { options: field.options!.map((x, k) => (k === j ? { ...x, label: { ...x.label, [l]: e.currentTarget.value } } : x)) })}
                          error={errors[`${at}.options.${j}.label.${l}`]}
                        />
                      ))}
                      <ActionIcon mt={26} variant="subtle" color="red" size="lg" onClick={() => setField(i, { options: field.options!.filter((_, k) => k !== j) })} aria-label={t('brandAdmin.intake.removeOption')}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  ))}
                  <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setField(i, { options: [...(field.options ?? []), { value: '', label: {} }] })}>
                    {t('brandAdmin.intake.addOption')}
                  </Button>
                </Stack>
              )}
            </Paper>
          );
        })}
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setForm((f) => ({ ...f, fields: [...f.fields, { key: '', type: 'text', required: false, label: {} }] }))} data-testid="intake-add">
            {t('brandAdmin.intake.add')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="intake-save">
            {t('brandAdmin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
