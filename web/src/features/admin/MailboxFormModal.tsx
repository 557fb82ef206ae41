import { Alert, Button, Divider, Group, Modal, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconCircleX, IconInbox, IconPlugConnected, IconSend } from '@tabler/icons-react';
import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath, isApiError } from '../../api/errors';
import type { Brand, ConnectionTestResult, Mailbox } from '../../api/types';
import { errorMessage, fieldErrorMessage } from '../../i18n';
import { focusFirstError } from '../common';
import { useSaveMailbox, useTestMailbox } from './admin.api';
import { initialValues, isDirty, portForTls, toInput, validate, type MailboxFormValues } from './mailbox-form';

type Kind = 'imap' | 'smtp';
type ServerPatch = Partial<MailboxFormValues['smtp']> & { folder?: string };
type SetServer = (kind: Kind, patch: ServerPatch) => void;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The mailbox to edit; null to add one (for `brandId` when given). */
  mailbox: Mailbox | null;
  brandId: string | null;
  brands: readonly Brand[];
}

/** Mounted afresh for each mailbox (the page keys it), so its state starts from that mailbox. */
export function MailboxFormModal({ opened, onClose, mailbox, brandId, brands }: Props) {
  const { t } = useTranslation();
  const [stored, setStored] = useState<Mailbox | null>(mailbox);
  const [values, setValues] = useState<MailboxFormValues>(() => initialValues(mailbox, brandId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lastTest, setLastTest] = useState<{ kind: Kind; result: ConnectionTestResult | null; error: unknown } | null>(null);
  const [testing, setTesting] = useState<Kind | null>(null);
  const save = useSaveMailbox();
  const test = useTestMailbox();

  const set = (patch: Partial<MailboxFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const setServer: SetServer = (kind, patch) => setValues((v) => (kind === 'imap' ? { ...v, imap: { ...v.imap, ...patch } } : { ...v, smtp: { ...v.smtp, ...patch } }));
  const err = (key: string) => errors[key];

  /** Validates and saves; resolves to the stored mailbox, or null when the form or the server refused. */
  const persist = async (): Promise<Mailbox | null> => {
    const local = validate(values, stored);
    if (Object.keys(local).length > 0) {
      setErrors(Object.fromEntries(Object.entries(local).map(([k, code]) => [k, fieldErrorMessage(t, code)])));
      focusFirstError();
      return null;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync({ id: stored?.id ?? null, body: toInput(values) });
      setStored(saved);
      // The passwords are now stored: the fields go back to "unchanged".
      setValues(initialValues(saved, null));
      return saved;
    } catch (e) {
      if (isApiError(e) && e.errors.length > 0) {
        const byField: Record<string, string> = {};
        for (const fe of e.errors) if (fe.field && !(fe.field in byField)) byField[fe.field] = fieldErrorMessage(t, fe.code);
        // Paths deeper than the form (imap.port.0…) are shown on the field itself.
        for (const [k, fe] of Object.entries(fieldErrorsByPath(e.errors))) if (!(k in byField)) byField[k] = fieldErrorMessage(t, fe.code);
        setErrors(byField);
        focusFirstError();
      }
      return null;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wasNew = !stored;
    const saved = await persist();
    if (!saved) return;
    notifications.show({ color: 'teal', message: wasNew ? t('mailboxes.created') : t('mailboxes.saved') });
    onClose();
  };

  const runTest = async (kind: Kind) => {
    setLastTest(null);
    setTesting(kind);
    try {
      // The server tests what is stored: unsaved changes are saved first.
      const target = isDirty(values, stored) ? await persist() : stored;
      if (!target) return;
      try {
        const result = await test.mutateAsync({ id: target.id, kind });
        setLastTest({ kind, result, error: null });
      } catch (error) {
        setLastTest({ kind, result: null, error });
      }
    } finally {
      setTesting(null);
    }
  };

  const dirty = isDirty(values, stored);
  const testButton = (kind: Kind, on: boolean) => (
    <Button
      variant="light"
      size="xs"
      leftSection={<IconPlugConnected size={14} />}
      disabled={!on || (testing !== null && testing !== kind)}
      loading={testing === kind}
      onClick={() => void runTest(kind)}
      data-testid={`mailbox-test-${kind}`}
    >
      {dirty ? t('mailboxes.saveAndTest') : t('mailboxes.test')}
    </Button>
  );

  const testResult = (kind: Kind): ReactNode => {
    if (!lastTest || lastTest.kind !== kind) return null;
    const r = lastTest.result;
    const ok = r?.ok === true;
    const message = r ? (ok ? r.detail : (r.error ?? r.detail)) : errorMessage(t, lastTest.error);
    const extra = r && !ok && r.error && r.detail ? r.detail : null;
    return (
      <Alert
        color={ok ? 'teal' : 'red'}
        variant="light"
        icon={ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
        title={ok ? t('mailboxes.testOk') : t('mailboxes.testFailed')}
        data-testid="mailbox-test-result"
        data-kind={kind}
        data-ok={ok ? 'true' : 'false'}
        role={ok ? 'status' : 'alert'}
      >
        {message && (
          <Text size="xs" ff={ok ? undefined : 'monospace'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message}
          </Text>
        )}
        {extra && (
          <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {extra}
          </Text>
        )}
      </Alert>
    );
  };

  const brandOptions = brands.map((b) => ({ value: b.id, label: b.name }));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={stored ? t('mailboxes.editTitle', { address: stored.address }) : t('mailboxes.createTitle')}
      size="xl"
      centered
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="mailbox-form">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('mailboxes.brand')}
              data={brandOptions}
              value={values.brandId || null}
              onChange={(v) => set({ brandId: v ?? '' })}
              allowDeselect={false}
              required
              error={err('brandId')}
              nothingFoundMessage={t('common.noOptions')}
              data-testid="mailbox-brand"
            />
            <Switch
              mt={{ base: 0, sm: 30 }}
              label={t('mailboxes.enabled')}
              description={t('mailboxes.enabledHelp')}
              checked={values.enabled}
              onChange={(e) => set({ enabled: e.currentTarget.checked })}
              data-testid="mailbox-enabled"
            />
            <TextInput
              label={t('mailboxes.address')}
              placeholder="support@example.com"
              type="email"
              required
              value={values.address}
              onChange={(e) => set({ address: e.currentTarget.value })}
              error={err('address')}
              data-testid="mailbox-address"
              data-autofocus
            />
            <TextInput
              label={t('mailboxes.displayName')}
              description={t('mailboxes.displayNameHelp')}
              value={values.displayName}
              onChange={(e) => set({ displayName: e.currentTarget.value })}
              error={err('displayName')}
              data-testid="mailbox-display-name"
            />
          </SimpleGrid>

          {(['imap', 'smtp'] as const).map((kind) => (
            <Fragment key={kind}>
              <Divider />
              <Section
                icon={kind === 'imap' ? <IconInbox size={18} /> : <IconSend size={18} />}
                title={t(`mailboxes.${kind}Title`)}
                toggleLabel={t(`mailboxes.${kind}Toggle`)}
                offHint={t(`mailboxes.${kind}OffHint`)}
                on={values[`${kind}On`]}
                onToggle={(on) => set(kind === 'imap' ? { imapOn: on } : { smtpOn: on })}
                testId={`mailbox-${kind}-on`}
                action={testButton(kind, values[`${kind}On`])}
              >
                <ServerFields kind={kind} values={values} setServer={setServer} err={err} hasPassword={stored?.[kind]?.hasPassword ?? false} />
                {testResult(kind)}
              </Section>
            </Fragment>
          ))}
          {!values.smtpOn && (
            <Switch
              label={t('mailboxes.outboxToggle')}
              description={t('mailboxes.outboxHelp')}
              checked={values.outbox}
              onChange={(e) => set({ outbox: e.currentTarget.checked })}
              data-testid="mailbox-outbox"
            />
          )}

          {save.isError && !(isApiError(save.error) && save.error.errors.length > 0) && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, save.error)}
            </Alert>
          )}
          <Group justify="space-between" mt="xs">
            <Text size="xs" c="dimmed" maw={420}>
              {t('mailboxes.testHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending && testing === null} data-testid="mailbox-save">
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Section({
  icon,
  title,
  toggleLabel,
  offHint,
  on,
  onToggle,
  testId,
  action,
  children,
}: {
  icon: ReactNode;
  title: string;
  toggleLabel: string;
  offHint: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  testId: string;
  action: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          {icon}
          <Title order={3} size="h5">
            {title}
          </Title>
        </Group>
        {action}
      </Group>
      <Switch label={toggleLabel} checked={on} onChange={(e) => onToggle(e.currentTarget.checked)} data-testid={testId} />
      {on ? (
        children
      ) : (
        <Text size="sm" c="dimmed">
          {offHint}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The receiving (IMAP) or sending (SMTP) server of a mailbox: the same fields, but IMAP needs its
 * user and password and reads a folder, while SMTP may send without logging in.
 */
function ServerFields({
  kind,
  values,
  setServer,
  err,
  hasPassword,
}: {
  kind: Kind;
  values: MailboxFormValues;
  setServer: SetServer;
  err: (key: string) => string | undefined;
  hasPassword: boolean;
}) {
  const { t } = useTranslation();
  const v = values[kind];
  const set = (patch: ServerPatch) => setServer(kind, patch);
  const imap = kind === 'imap';
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          style={{ gridColumn: 'span 2' }}
          label={t('mailboxes.host')}
          placeholder={`${kind}.example.com`}
          required
          value={v.host}
          onChange={(e) => set({ host: e.currentTarget.value })}
          error={err(`${kind}.host`) ?? err(kind)}
          data-testid={`mailbox-${kind}-host`}
        />
        <NumberInput
          label={t('mailboxes.port')}
          required
          min={1}
          max={65535}
          allowDecimal={false}
          allowNegative={false}
          value={v.port}
          onChange={(p) => set({ port: typeof p === 'number' ? p : p === '' ? '' : Number(p) })}
          error={err(`${kind}.port`)}
          data-testid={`mailbox-${kind}-port`}
        />
        <TextInput
          label={t('mailboxes.user')}
          description={imap ? undefined : t('mailboxes.smtpUserHelp')}
          required={imap}
          autoComplete="off"
          value={v.user}
          onChange={(e) => set({ user: e.currentTarget.value })}
          error={err(`${kind}.user`)}
          data-testid={`mailbox-${kind}-user`}
        />
        <PasswordInput
          label={t('mailboxes.password')}
          required={imap && !hasPassword}
          autoComplete="new-password"
          placeholder={hasPassword ? t('mailboxes.passwordUnchanged') : undefined}
          description={hasPassword ? t('mailboxes.passwordHelp') : undefined}
          value={v.password}
          onChange={(e) => set({ password: e.currentTarget.value })}
          error={err(`${kind}.password`)}
          data-testid={`mailbox-${kind}-password`}
        />
        {imap && (
          <TextInput
            label={t('mailboxes.folder')}
            placeholder="INBOX"
            value={values.imap.folder}
            onChange={(e) => set({ folder: e.currentTarget.value })}
            error={err('imap.folder')}
            data-testid="mailbox-imap-folder"
          />
        )}
      </SimpleGrid>
      <Switch
        label={t('mailboxes.tls')}
        description={t(imap ? 'mailboxes.tlsHelpImap' : 'mailboxes.tlsHelpSmtp')}
        checked={v.secure}
        onChange={(e) => {
          const secure = e.currentTarget.checked;
          set({ secure, port: portForTls(kind, v.port, secure) });
        }}
        data-testid={`mailbox-${kind}-tls`}
      />
    </>
  );
}
