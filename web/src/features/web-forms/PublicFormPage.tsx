import { Alert, Anchor, Box, Button, Center, FileInput, Group, Image, Loader, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconPaperclip } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiError, type FieldError } from '../../api/client';
import { currentLocale, errorMessage, fieldErrorMessage, isLocale, pickLocalised, useLocale } from '../../i18n';
import { LanguageSwitcher } from '../layout';
import { usePageTitle } from '../common';
import { submitWebForm, usePublicForm, type IntakeField, type PublicForm, type WebFormAnswer } from './web-forms.api';

/**
 * A brand's public request form (issue 14, item 7): no account needed (seeds 003 and 004 ask a
 * request before any exists). Standalone in the app at /f/<brand>, compact in an iframe on the
 * brand's own site (?embed=1), where it tells the embedding page its height.
 */
export function PublicFormPage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const embed = params.get('embed') === '1';
  const { t, i18n } = useTranslation();
  const form = usePublicForm(slug);
  const [answer, setAnswer] = useState<WebFormAnswer | null>(null);
  usePageTitle(form.data ? t('webForms.title', { brand: form.data.brand.name }) : t('webForms.titleLoading'));

  // The visitor's language: the one asked for in the address, else the browser's if the brand
  // speaks it, else the brand's own.
  const brand = form.data?.brand;
  useEffect(() => {
    if (!brand) return;
    const asked = params.get('lang');
    if (isLocale(asked)) void i18n.changeLanguage(asked);
    else if (!brand.locales.includes(currentLocale())) void i18n.changeLanguage(brand.defaultLocale);
  }, [brand, params, i18n]);

  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!embed || window.parent === window || !root.current) return;
    // Only a height leaves the frame; the embed script accepts it from this origin and frame only.
    const tell = () => window.parent.postMessage({ type: 'apres:form-height', height: root.current?.scrollHeight ?? 0 }, '*');
    const observer = new ResizeObserver(tell);
    observer.observe(root.current);
    tell();
    return () => observer.disconnect();
  }, [embed, form.data, answer]);

  const accent = brand?.accentColour ?? '#1f4e79';
  return (
    <Box ref={root} mih={embed ? undefined : '100vh'} bg={embed ? undefined : 'gray.0'} pb={embed ? 'xs' : 60}>
      {!embed && <Box h={6} style={{ background: accent }} />}
      <Stack w="100%" maw={720} mx="auto" px={embed ? 'xs' : 'md'} pt={embed ? 'xs' : 'lg'} gap="md">
        <Group justify="space-between" wrap="nowrap">
          {brand?.logoUrl && !embed && <Image src={brand.logoUrl} alt={brand.name} h={40} w="auto" maw={160} fit="contain" />}
          <Title flex={1} order={1} size={embed ? 'h3' : 'h2'} data-testid="web-form-title">
            {brand ? t('webForms.heading', { brand: brand.name }) : t('webForms.titleLoading')}
          </Title>
          <LanguageSwitcher />
        </Group>
        {form.isPending && (
          <Center py="xl">
            <Loader aria-label={t('webForms.titleLoading')} />
          </Center>
        )}
        {form.isError && (
          <Alert color="red" title={t('errors.title')}>
            {isApiError(form.error) && form.error.code === 'WEB_FORM_NOT_FOUND' ? t('errors.codes.WEB_FORM_NOT_FOUND') : errorMessage(t, form.error)}
          </Alert>
        )}
        {form.data && !answer && <RequestForm slug={slug} data={form.data} onDone={setAnswer} embed={embed} />}
        {answer && <Confirmation answer={answer} />}
      </Stack>
    </Box>
  );
}

function Confirmation({ answer }: { answer: WebFormAnswer }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl" data-testid="web-form-confirmation" role="status">
      <Stack gap="sm" align="flex-start">
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={28} color="var(--mantine-color-green-7)" aria-hidden />
          <Title order={2} size="h3">
            {t('webForms.done.title')}
          </Title>
        </Group>
        <Text>{t('webForms.done.number')}</Text>
        <Text fw={700} fz="xl" data-testid="web-form-number">
          {answer.number}
        </Text>
        <Text>{t(`webForms.done.mail.${answer.confirmation}`, { email: answer.email })}</Text>
      </Stack>
    </Paper>
  );
}

const labelOf = (field: IntakeField, locale: string, brandLocale: string) => pickLocalised(field.label, locale, brandLocale) || field.key;

function RequestForm({ slug, data, onDone, embed }: { slug: string; data: PublicForm; onDone: (a: WebFormAnswer) => void; embed: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [values, setValues] = useState<Record<string, string>>({ name: '', email: '', subject: '', message: '', serials: '', website: '' });
  const [custom, setCustom] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // When the form was shown (a monotonic clock): a person who is quicker than the spam guard's
  // minimum waits the rest of it with the button spinning, rather than being refused.
  const [shownAt] = useState(() => performance.now());
  const set = (k: string) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field || x.field.startsWith(`${field}.`));
    return e ? fieldErrorMessage(t, e.code) : undefined;
  };
  const brandLocale = data.brand.defaultLocale;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setProblem(null);
    try {
      const wait = data.minFillSeconds * 1000 + 500 - (performance.now() - shownAt);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const serials = values.serials!.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
      const answer = await submitWebForm(
        slug,
        {
          token: data.token,
          website: values.website!,
          name: values.name!,
          email: values.email!.trim(),
          locale,
          subject: values.subject!,
          message: values.message!,
          serialNumbers: serials,
          customFields: Object.fromEntries(Object.entries(custom).filter(([, v]) => v.trim() !== '')),
        },
        files,
      );
      onDone(answer);
    } catch (e) {
      if (isApiError(e)) setErrors(e.errors);
      setProblem(errorMessage(t, e));
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder={!embed} radius="md" p={embed ? 0 : 'xl'} component="form" onSubmit={submit} noValidate data-testid="web-form">
      <Stack gap="md">
        {!embed && <Text c="dimmed">{t('webForms.intro')}</Text>}
        {problem && (
          <Alert color="red" title={t('webForms.notSent')} data-testid="web-form-error" role="alert">
            {problem}
          </Alert>
        )}
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <TextInput miw={220} label={t('webForms.name')} required autoComplete="name" value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errorOf('name')} name="name" />
          <TextInput miw={220} label={t('webForms.email')} required type="email" autoComplete="email" value={values.email} onChange={(e) => set('email')(e.currentTarget.value)} error={errorOf('email')} name="email" />
        </Group>
        <TextInput label={t('webForms.subject')} required value={values.subject} onChange={(e) => set('subject')(e.currentTarget.value)} error={errorOf('subject')} name="subject" />
        <Textarea label={t('webForms.message')} required autosize minRows={4} value={values.message} onChange={(e) => set('message')(e.currentTarget.value)} error={errorOf('message')} name="message" />
        {data.form.fields.map((field) => (
          <CustomField
            key={field.key}
            field={field}
            label={labelOf(field, locale, brandLocale)}
            help={field.help ? pickLocalised(field.help, locale, brandLocale) : undefined}
            value={custom[field.key] ?? ''}
            onChange={(v) => setCustom((c) => ({ ...c, [field.key]: v }))}
            error={errorOf(`customFields.${field.key}`)}
            locale={locale}
            brandLocale={brandLocale}
          />
        ))}
        <TextInput
          label={t('webForms.serials')}
          description={t('webForms.serialsHelp')}
          required={data.form.serialsRequired}
          value={values.serials}
          onChange={(e) => set('serials')(e.currentTarget.value)}
          error={errorOf('serialNumbers')}
          name="serials"
        />
        <FileInput
          label={t('webForms.files')}
          description={t('webForms.filesHelp', { count: data.maxFiles, size: Math.round(data.maxFileBytes / 1024) })}
          multiple
          clearable
          leftSection={<IconPaperclip size={16} />}
          value={files}
          onChange={(f) => setFiles(f.slice(0, data.maxFiles))}
          error={errorOf('files')}
          data-testid="web-form-files"
        />
        {/* The honeypot: off screen and out of the tab order, so only a robot fills it in. */}
        <Box aria-hidden style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
          <label>
            Website
            <input type="text" name="website" tabIndex={-1} autoComplete="off" value={values.website} onChange={(e) => set('website')(e.currentTarget.value)} />
          </label>
        </Box>
        <Group justify="space-between" align="center">
          <Text size="xs" c="dimmed">
            {t('webForms.requiredNote')}
          </Text>
          <Button type="submit" loading={busy} data-testid="web-form-submit">
            {t('webForms.send')}
          </Button>
        </Group>
        {!embed && (
          <Text size="xs" c="dimmed">
            {t('webForms.haveAccount')}{' '}
            <Anchor href="/login" size="xs">
              {t('webForms.signIn')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function CustomField(p: { field: IntakeField; label: string; help: string | undefined; value: string; onChange: (v: string) => void; error: string | undefined; locale: string; brandLocale: string }) {
  const common = { label: p.label, description: p.help, required: p.field.required, error: p.error, name: `customFields.${p.field.key}` };
  switch (p.field.type) {
    case 'textarea':
      return <Textarea {...common} autosize minRows={3} value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)} />;
    case 'select':
      return (
        <Select
          {...common}
          data={(p.field.options ?? []).map((o) => ({ value: o.value, label: pickLocalised(o.label, p.locale, p.brandLocale) || o.value }))}
          value={p.value || null}
          onChange={(v) => p.onChange(v ?? '')}
          allowDeselect={!p.field.required}
        />
      );
    default: {
      const type = p.field.type === 'email' ? 'email' : p.field.type === 'phone' ? 'tel' : p.field.type === 'date' ? 'date' : p.field.type === 'number' ? 'number' : 'text';
      return <TextInput {...common} type={type} value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)} />;
    }
  }
}
