import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { errorMessage, LANGUAGE_NAMES } from '../../i18n';
import { ErrorState, PageLoader } from '../common';
import { type BrandAdmin, type MailLanguage, type MailPreview, type MailTemplate, type MailTemplateKey, useMailTemplates, usePreviewMailTemplate, useResetMailTemplate, useSaveMailTemplate } from './brand-admin.api';
import { errorsByPath } from './BrandSettingsPage';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders of a text that are not variables of the mail (the server refuses them the same way). */
function unknownVariables(text: string, variables: readonly string[]): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((v) => !variables.includes(v)))];
}

/**
 * A brand's customer mails per language (issue 14, item 6): the wording in use, the variables it may
 * use, a preview of the whole letter with sample values, saving, and a reset to the default text.
 */
export function MailTemplatesPage({ brand }: { brand: BrandAdmin }) {
  const { t } = useTranslation();
  const list = useMailTemplates(brand.id);
  const [template, setTemplate] = useState<MailTemplateKey>('acknowledgment');
  const [locale, setLocale] = useState<Locale>(brand.defaultLocale);

  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const item = list.data.items.find((x) => x.template === template)!;
  const lang = item.languages.find((l) => l.locale === locale) ?? item.languages[0]!;
  return (
    <Stack gap="md" maw={980} data-testid="mail-templates">
      <Text size="sm" c="dimmed">
        {t('brandAdmin.mails.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('brandAdmin.mails.template')}
          data={list.data.items.map((x) => ({ value: x.template, label: t(`brandAdmin.mails.templates.${x.template}`) }))}
          value={template}
          onChange={(v) => v && setTemplate(v as MailTemplateKey)}
          allowDeselect={false}
          data-testid="mail-template-select"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="mail-language-label">
            {t('brandAdmin.mails.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="mail-language-label"
            value={lang.locale}
            onChange={(v) => setLocale(v as Locale)}
            data={item.languages.map((l) => ({ value: l.locale, label: l.locale.toUpperCase() + (l.overridden ? ' •' : '') }))}
            fullWidth
            data-testid="mail-language"
          />
        </Stack>
      </SimpleGrid>
      <TemplateEditor key={`${template}-${lang.locale}`} brand={brand} item={item} lang={lang} />
    </Stack>
  );
}

function TemplateEditor({ brand, item, lang }: { brand: BrandAdmin; item: MailTemplate; lang: MailLanguage }) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(lang.subject);
  const [body, setBody] = useState(lang.body);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<MailPreview | null>(null);
  const save = useSaveMailTemplate(brand.id);
  const reset = useResetMailTemplate(brand.id);
  const show = usePreviewMailTemplate(brand.id);
  const ref = { template: item.template, locale: lang.locale };
  const unknown = (text: string) => {
    const names = unknownVariables(text, item.variables);
    return names.length ? t('brandAdmin.mails.unknownVariable', { names: names.map((n) => `{{${n}}}`).join(', ') }) : undefined;
  };
  const local = { subject: unknown(subject), body: unknown(body) };

  const run = async (what: 'preview' | 'save') => {
    setErrors({});
    if (local.subject || local.body) return;
    try {
      if (what === 'preview') setPreview(await show.mutateAsync({ ...ref, subject, body }));
      else {
        await save.mutateAsync({ ...ref, subject, body });
        notifications.show({ color: 'teal', message: t('brandAdmin.mails.saved') });
      }
    } catch (err) {
      const byPath = errorsByPath(t, err);
      setErrors(byPath);
      if (Object.keys(byPath).length === 0) notifications.show({ color: 'red', message: errorMessage(t, err) });
    }
  };

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light" color={lang.overridden ? 'indigo' : 'gray'} tt="none" data-testid="mail-template-state">
            {lang.overridden ? t('brandAdmin.mails.overridden') : t('brandAdmin.mails.default')}
          </Badge>
          <Text size="xs" c="dimmed">
            {LANGUAGE_NAMES[lang.locale]}
          </Text>
        </Group>
        <TextInput label={t('brandAdmin.mails.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={local.subject ?? errors.subject} data-testid="mail-subject" />
        <Textarea label={t('brandAdmin.mails.body')} autosize minRows={6} maxRows={18} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={local.body ?? errors.body} data-testid="mail-body" />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('brandAdmin.mails.variables')}
          </Text>
          <Group gap={6} data-testid="mail-variables">
            {item.variables.map((v) => (
              <Badge key={v} variant="outline" color="gray" tt="none" ff="monospace">{`{{${v}}}`}</Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('brandAdmin.mails.letterNote')}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => void run('preview')} loading={show.isPending} data-testid="mail-preview">
            {t('brandAdmin.mails.preview')}
          </Button>
          <Button onClick={() => void run('save')} loading={save.isPending} data-testid="mail-save">
            {t('brandAdmin.mails.save')}
          </Button>
          {lang.overridden && (
            <Button variant="subtle" color="red" leftSection={<IconRestore size={16} />} onClick={() =>
                reset.mutate(ref, {
                  onSuccess: () => {
                    setSubject(lang.defaultSubject);
                    setBody(lang.defaultBody);
                    setErrors({});
                  },
                })
              } loading={reset.isPending} data-testid="mail-reset">
              {t('brandAdmin.mails.reset')}
            </Button>
          )}
        </Group>
      </Stack>
      <Paper withBorder radius="md" p="md" bg="gray.0" aria-live="polite">
        <Title order={3} size="h5" mb="xs">
          {t('brandAdmin.mails.previewTitle')}
        </Title>
        {preview ? (
          <Stack gap="xs" data-testid="mail-preview-result">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="mail-preview-subject">
              {preview.subject}
            </Text>
            <Text component="pre" size="sm" m={0} ff="monospace" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="mail-preview-text">
              {preview.text}
            </Text>
          </Stack>
        ) : (
          <Alert color="gray" variant="light">
            {t('brandAdmin.mails.previewEmpty')}
          </Alert>
        )}
      </Paper>
    </SimpleGrid>
  );
}
