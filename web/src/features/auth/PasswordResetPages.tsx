import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconAlertCircle, IconCheck, IconMailForward } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import { errorMessage, fieldErrorMessage } from '../../i18n';
import { isApiError } from '../../api/errors';
import { usePageTitle } from '../common';
import { AuthShell, SignInEmailInput } from './AuthShell';

const MIN_PASSWORD_LENGTH = 10;

const backToLogin = (label: string) => (
  <Anchor component={Link} to="/login" size="sm" ta="center" data-testid="back-to-login">
    {label}
  </Anchor>
);

function Done({ icon, testId, text, link }: { icon: ReactNode; testId: string; text: string; link: string }) {
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={icon} data-testid={testId}>
        {text}
      </Alert>
      {backToLogin(link)}
    </Stack>
  );
}

/** "Forgot your password?": the same answer whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.forgotTitle'));
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const request = useMutation({ mutationFn: (address: string) => ok(api.POST('/api/v1/auth/password-reset', { body: { email: address } })) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (email.trim()) request.mutate(email.trim());
  };

  return (
    <AuthShell>
      {request.isSuccess ? (
        <Done icon={<IconMailForward size={18} />} testId="reset-sent" text={t('reset.sent', { email: email.trim() })} link={t('reset.backToLogin')} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Title order={1} size="h3">
              {t('reset.forgotTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('reset.forgotHelp')}
            </Text>
            {request.isError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {errorMessage(t, request.error)}
              </Alert>
            )}
            <SignInEmailInput value={email} onChange={setEmail} showRequired={touched} testId="reset-email" />
            <Button type="submit" fullWidth loading={request.isPending} data-testid="reset-request">
              {t('reset.send')}
            </Button>
            {backToLogin(t('reset.backToLogin'))}
          </Stack>
        </form>
      )}
    </AuthShell>
  );
}

/** What a page that chooses a password says: its own words, the same form. */
interface ChoosePasswordTexts {
  title: string;
  intro?: string;
  save: string;
  done: string;
  signIn: string;
  /** Shown when the link has no token at all. */
  invalid: string;
}

/**
 * A password link's page (a reset, an admin's invitation): the token travels in the URL's
 * fragment, never to a server log, and the same endpoint confirms it.
 */
export function ChoosePasswordPage({ texts, testIdPrefix, confirmTestId }: { texts: ChoosePasswordTexts; testIdPrefix: string; confirmTestId: string }) {
  const { t } = useTranslation();
  usePageTitle(texts.title);
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);
  const confirm = useMutation({ mutationFn: () => ok(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })) });
  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const mismatch = repeat !== password;
  const serverField = isApiError(confirm.error) ? confirm.error.errors.find((f) => f.field === 'password') : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!tooShort && !mismatch) confirm.mutate();
  };

  return (
    <AuthShell>
      {confirm.isSuccess ? (
        <Done icon={<IconCheck size={18} />} testId={`${testIdPrefix}-done`} text={texts.done} link={texts.signIn} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Title order={1} size="h3">
              {texts.title}
            </Title>
            {texts.intro && (
              <Text size="sm" c="dimmed">
                {texts.intro}
              </Text>
            )}
            {(!token || (confirm.isError && !serverField)) && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid={`${testIdPrefix}-error`}>
                {token ? errorMessage(t, confirm.error) : texts.invalid}
              </Alert>
            )}
            <PasswordInput
              label={t('reset.newPassword')}
              description={t('reset.rule', { count: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={touched && tooShort ? t('reset.rule', { count: MIN_PASSWORD_LENGTH }) : serverField ? fieldErrorMessage(t, serverField.code) : undefined}
              data-testid={`${testIdPrefix}-password`}
            />
            <PasswordInput
              label={t('reset.repeat')}
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={touched && mismatch ? t('reset.mismatch') : undefined}
              data-testid={`${testIdPrefix}-repeat`}
            />
            <Button type="submit" fullWidth loading={confirm.isPending} disabled={!token} data-testid={confirmTestId}>
              {texts.save}
            </Button>
            {backToLogin(t('reset.backToLogin'))}
          </Stack>
        </form>
      )}
    </AuthShell>
  );
}

/** The page a reset link opens. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  return (
    <ChoosePasswordPage
      texts={{ title: t('reset.newTitle'), save: t('reset.save'), done: t('reset.done'), signIn: t('reset.signIn'), invalid: t('errors.codes.AUTH_RESET_LINK_INVALID') }}
      testIdPrefix="reset"
      confirmTestId="reset-confirm"
    />
  );
}
