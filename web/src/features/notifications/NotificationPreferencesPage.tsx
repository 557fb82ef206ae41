import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageLoader } from '../common';
import { type NotificationPreferences, useNotificationPreferences, useSaveNotificationPreferences } from './notifications.api';

/** Per kind of notification: in the app only, or by e-mail too (in the agent's language). */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [draft, setDraft] = useState<NotificationPreferences['items'] | null>(null);
  useEffect(() => {
    if (prefs.data && draft === null) setDraft(prefs.data.items);
  }, [prefs.data, draft]);

  if (prefs.isPending) return <PageLoader />;
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  const items = draft ?? prefs.data.items;

  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Title order={1} size="h2">
          {t('notifications.preferences.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('notifications.preferences.intro')}
        </Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <Table verticalSpacing="sm" data-testid="notification-preferences">
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.kind}>
                <Table.Td>
                  <Text fw={500} id={`pref-${p.kind}`}>
                    {t(`notifications.preferences.kind.${p.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <SegmentedControl
                    aria-labelledby={`pref-${p.kind}`}
                    value={p.email ? 'email' : 'app'}
                    onChange={(v) => setDraft(items.map((x) => (x.kind === p.kind ? { ...x, email: v === 'email' } : x)))}
                    data={[
                      { value: 'app', label: t('notifications.preferences.appOnly') },
                      { value: 'email', label: t('notifications.preferences.emailToo') },
                    ]}
                    data-testid={`pref-${p.kind}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end" mt="md">
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ items }, { onSuccess: () => notifications.show({ color: 'teal', message: t('notifications.preferences.saved') }) })}
            data-testid="notification-preferences-save"
          >
            {t('notifications.preferences.save')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
