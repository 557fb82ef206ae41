import { Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../api/types';
import { fieldErrorMessage, LANGUAGE_NAMES } from '../../i18n';
import { isValidEmail } from './ticket-draft';

export interface RequesterDraft {
  email: string;
  name: string;
  locale: Locale | null;
}

export const EMPTY_REQUESTER: RequesterDraft = { email: '', name: '', locale: null };

export function validateRequester(r: RequesterDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!r.email.trim()) errors.requesterEmail = 'required';
  else if (!isValidEmail(r.email)) errors.requesterEmail = 'invalid_format';
  if (!r.name.trim()) errors.requesterName = 'required';
  return errors;
}

/** The customer a request is logged for: by the desk on the phone, or by a reseller for its client. */
export function RequesterFields({
  value,
  onChange,
  errors,
  hint,
  defaultLocale,
}: {
  value: RequesterDraft;
  onChange: (v: RequesterDraft) => void;
  errors: Record<string, string | undefined>;
  hint: string;
  defaultLocale?: string;
}) {
  const { t } = useTranslation();
  const err = (k: string) => (errors[k] ? fieldErrorMessage(t, errors[k]) : undefined);
  return (
    <Stack gap="md">
      <TextInput
        label={t('newTicket.requesterEmail')}
        type="email"
        withAsterisk
        value={value.email}
        onChange={(e) => onChange({ ...value, email: e.currentTarget.value })}
        error={err('requesterEmail') ?? err('requesterId')}
        data-testid="requester-email"
        name="requesterEmail"
      />
      <TextInput
        label={t('newTicket.requesterName')}
        withAsterisk
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
        error={err('requesterName')}
        data-testid="requester-name"
        name="requesterName"
      />
      <Select
        label={t('newTicket.requesterLocale')}
        description={t('newTicket.requesterLocaleHelp')}
        placeholder={defaultLocale && (LOCALES as readonly string[]).includes(defaultLocale) ? LANGUAGE_NAMES[defaultLocale as Locale] : undefined}
        data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        value={value.locale}
        onChange={(v) => onChange({ ...value, locale: (v as Locale | null) ?? null })}
        clearable
        error={err('requesterLocale')}
        data-testid="requester-locale"
      />
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}
