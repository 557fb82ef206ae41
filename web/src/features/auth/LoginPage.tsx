import { Alert, Anchor, Button, PasswordInput, Stack, Title } from '@mantine/core';
import { IconAlertCircle, IconLogin } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../i18n';
import { PageLoader, usePageTitle } from '../common';
import { useLogin, useMe } from './auth.api';
import { AuthShell, SignInEmailInput } from './AuthShell';
import { homePath } from './guards';

/** Only same-app paths are followed after login, never another origin. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  if (me.isPending) return <PageLoader />;
  if (me.data && !login.isPending) return <Navigate to={safeNext(params.get('next')) ?? homePath(me.data.user.role)} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!email.trim() || !password) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (session) => {
          void navigate(safeNext(params.get('next')) ?? homePath(session.user.role), { replace: true });
        },
      },
    );
  };

  return (
    <AuthShell>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={1} size="h3">
            {t('login.title')}
          </Title>
          {login.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
              {errorMessage(t, login.error)}
            </Alert>
          )}
          <SignInEmailInput value={email} onChange={setEmail} showRequired={touched} testId="login-email" />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={touched && !password ? t('errors.field.required') : undefined}
            data-testid="login-password"
            name="password"
          />
          <Button type="submit" fullWidth loading={login.isPending} leftSection={<IconLogin size={18} />} data-testid="login-submit">
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center" data-testid="login-forgot">
            {t('login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthShell>
  );
}
