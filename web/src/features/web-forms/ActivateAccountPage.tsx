import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, setCsrfToken } from '../../api/client';
import { errorMessage } from '../../i18n';
import { AuthShell } from '../auth';
import { usePageTitle } from '../common';

/**
 * The page a web form's confirmation mail opens for a requester without a password: they choose
 * one, are signed in, and land on their request. The token travels in the fragment, never to a log.
 */
export function ActivateAccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('webForms.activate.title'));
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = hash.get('token') ?? '';
  const ticket = hash.get('ticket') ?? '';
  const [password, setPassword] = useState('');
  const activate = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/public/account-activation', { body: { token, password } })),
    onSuccess: (data) => {
      setCsrfToken(data.csrfToken);
      // A full load: the app starts again signed in, on the request.
      window.location.assign(/^[\w-]+$/.test(ticket) ? `/portal/tickets/${ticket}` : '/portal');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    activate.mutate();
  };
  return (
    <AuthShell>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={1} size="h3">
            {t('webForms.activate.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('webForms.activate.intro')}
          </Text>
          {activate.isError && (
            <Alert color="red" role="alert" data-testid="activate-error">
              {errorMessage(t, activate.error)}
            </Alert>
          )}
          <PasswordInput
            label={t('webForms.activate.password')}
            description={t('webForms.activate.passwordHelp')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="activate-password"
          />
          <Button type="submit" fullWidth loading={activate.isPending} disabled={!token} data-testid="activate-submit">
            {t('webForms.activate.submit')}
          </Button>
        </Stack>
      </form>
    </AuthShell>
  );
}
