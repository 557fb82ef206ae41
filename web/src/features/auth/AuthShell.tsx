import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { Logo } from '../layout/Logo';

/** The frame of the signed-out pages: sign in, forgotten password, new password. */
export function AuthShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="linear-gradient(160deg, var(--mantine-color-blue-0) 0%, var(--mantine-color-gray-0) 55%)">
      <Group justify="flex-end" p="md">
        <LanguageSwitcher />
      </Group>
      <Center px="md" pb={80} pt={{ base: 'md', sm: 60 }}>
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
