import { NumberInput, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Brand, IntakeField } from '../../api/types';
import { fieldErrorMessage, pickLocalised, useLocale } from '../../i18n';
import { AttachmentPicker, type Uploads } from './attachments';
import { splitSerials, type DraftValue, type TicketDraft } from './ticket-draft';

export function SerialsInput({
  value,
  onChange,
  label,
  description,
  required,
  error,
  testId,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  label: string;
  description?: string;
  required?: boolean;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={label}
      description={description ?? t('ticketForm.serialsHelp')}
      placeholder={value.length === 0 ? t('ticketForm.serialsPlaceholder') : undefined}
      value={value}
      onChange={(v) => onChange(splitSerials(v.join(' ')))}
      splitChars={[',', ' ', ';']}
      acceptValueOnBlur
      clearable
      withAsterisk={required}
      error={error}
      data-testid={testId}
    />
  );
}

interface IntakeInputProps {
  field: IntakeField;
  brandLocale: string;
  value: DraftValue | undefined;
  error?: string;
  onChange: (v: DraftValue) => void;
}

function IntakeInput({ field, brandLocale, value, error, onChange }: IntakeInputProps) {
  const locale = useLocale();
  const common = {
    label: pickLocalised(field.label, locale, brandLocale) || field.key,
    description: field.help ? pickLocalised(field.help, locale, brandLocale) : undefined,
    withAsterisk: field.required,
    error,
    'data-testid': `field-${field.key}`,
    name: `customFields.${field.key}`,
  };
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  switch (field.type) {
    case 'textarea':
      return <Textarea {...common} autosize minRows={3} maxRows={12} value={text} maxLength={field.maxLength} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : text}
          onChange={(v) => onChange(v === '' ? null : v)}
          allowDecimal
          hideControls
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: pickLocalised(o.label, locale, brandLocale) || o.value }))}
          value={text || null}
          onChange={(v) => onChange(v)}
          clearable={!field.required}
          allowDeselect={!field.required}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'serials':
      return (
        <SerialsInput
          label={common.label}
          description={common.description}
          required={field.required}
          error={error}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          testId={common['data-testid']}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} maw={220} />;
    case 'email':
      return <TextInput {...common} type="email" autoComplete="email" value={text} maxLength={field.maxLength} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'phone':
      return <TextInput {...common} type="tel" autoComplete="tel" value={text} maxLength={field.maxLength} onChange={(e) => onChange(e.currentTarget.value)} />;
    default:
      return <TextInput {...common} value={text} maxLength={field.maxLength} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}

interface TicketFieldsProps {
  brand: Brand;
  draft: TicketDraft;
  onChange: (draft: TicketDraft) => void;
  /** Error codes keyed by field path (`subject`, `customFields.productVersion`…). */
  errors: Record<string, string>;
  uploads: Uploads;
  disabled?: boolean;
}

/** Subject, description, serials, the brand's intake form and attachments: the body of a new ticket. */
export function TicketFields({ brand, draft, onChange, errors, uploads, disabled }: TicketFieldsProps) {
  const { t } = useTranslation();
  const err = (path: string) => (errors[path] ? fieldErrorMessage(t, errors[path]) : undefined);
  return (
    <Stack gap="md">
      <TextInput
        label={t('ticketForm.subject')}
        placeholder={t('ticketForm.subjectPlaceholder')}
        withAsterisk
        maxLength={300}
        value={draft.subject}
        onChange={(e) => onChange({ ...draft, subject: e.currentTarget.value })}
        error={err('subject')}
        disabled={disabled}
        data-testid="field-subject"
        name="subject"
      />
      <Textarea
        label={t('ticketForm.description')}
        description={t('ticketForm.descriptionHelp')}
        withAsterisk
        autosize
        minRows={5}
        maxRows={16}
        value={draft.description}
        onChange={(e) => onChange({ ...draft, description: e.currentTarget.value })}
        error={err('description')}
        disabled={disabled}
        data-testid="field-description"
        name="description"
      />
      <SerialsInput
        label={t('ticketForm.serials')}
        required={brand.intakeForm.serialsRequired}
        value={draft.serialNumbers}
        onChange={(serialNumbers) => onChange({ ...draft, serialNumbers })}
        error={err('serialNumbers')}
        testId="field-serialNumbers"
      />
      {brand.intakeForm.fields.map((field) => (
        <IntakeInput
          key={`${brand.id}:${field.key}`}
          field={field}
          brandLocale={brand.defaultLocale}
          value={draft.customFields[field.key]}
          error={err(`customFields.${field.key}`)}
          onChange={(v) => onChange({ ...draft, customFields: { ...draft.customFields, [field.key]: v } })}
        />
      ))}
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('attachments.title')}
        </Text>
        <AttachmentPicker uploads={uploads} disabled={disabled} />
      </div>
    </Stack>
  );
}
