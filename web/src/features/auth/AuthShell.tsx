import { Box, Center, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher, Logo } from '../layout';

/** The frame of the signed-out pages: sign in, forgotten password, new password. */
export function AuthShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="linear-gradient(160deg, var(--mantine-color-blue-0) 0%, var(--mantine-color-gray-0) 55%)">
      <Group component="header" justify="flex-end" p="md">
        <LanguageSwitcher />
      </Group>
      <Center component="main" px="md" pb={80} pt={{ base: 'md', sm: 60 }}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={4}>
            <Logo size="lg" />
            <Text c="dimmed" size="sm" ta="center">
              {t('login.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            {children}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t('login.footer')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}

/** The address one signs in with, on the sign-in and forgotten-password pages. */
export function SignInEmailInput({ value, onChange, showRequired, testId }: { value: string; onChange: (v: string) => void; showRequired: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('login.email')}
      type="email"
      autoComplete="username"
      autoFocus
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={showRequired && !value.trim() ? t('errors.field.required') : undefined}
      data-testid={testId}
      name="email"
    />
  );
}
