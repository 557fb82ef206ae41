import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBell, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DateTime } from '../tickets';
import type { LiveState } from './live-events';
import { useNotifications, useReadAllNotifications, useReadNotification } from './notifications.api';

type Item = NonNullable<ReturnType<typeof useNotifications>['data']>['items'][number];

/** The header's bell: the unread count, the latest notifications, mark read, mark all read. */
export function NotificationBell({ live }: { live: LiveState }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const read = useReadNotification();
  const readAll = useReadAllNotifications();
  const unread = list.data?.unread ?? 0;

  const open = (n: Item) => {
    if (!n.read) read.mutate(n.id);
    setOpened(false);
    if (n.ticket) void navigate(`/agent/tickets/${n.ticket.id}`);
  };

  return (
    // The popover's target is the button itself (aria-haspopup/expanded belong on it, not on the indicator's div).
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4} data-testid="notification-count">
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal>
      <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('notifications.bell', { count: unread })}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
            data-live={live}
            data-unread={unread}
          >
            <IconBell size={20} />
          </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-list">
        <Group justify="space-between" px="md" py="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button variant="subtle" size="compact-sm" style={{ flexShrink: 0 }} disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()} data-testid="notification-read-all">
            {t('notifications.readAll')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah="min(420px, 60vh)">
          {list.data && list.data.items.length === 0 ? (
            <Text c="dimmed" size="sm" p="md">
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {(list.data?.items ?? []).map((n) => (
                <UnstyledButton
                  key={n.id}
                  onClick={() => open(n)}
                  px="md"
                  py="sm"
                  data-testid="notification-item"
                  data-kind={n.kind}
                  data-read={n.read}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-1)', background: n.read ? undefined : 'var(--mantine-color-blue-0)' }}
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <span aria-hidden style={{ width: 8, height: 8, marginTop: 6, borderRadius: 4, flex: 'none', background: n.read ? 'transparent' : 'var(--mantine-color-blue-7)' }} />
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={n.read ? 400 : 600}>
                        {t(`notifications.kind.${n.kind}`, { actor: n.actorName ?? t('notifications.someone'), number: n.ticket?.number ?? '' })}
                        {!n.read && <VisuallyHidden> {t('notifications.unreadMark')}</VisuallyHidden>}
                      </Text>
                      {/* On an unread item's tinted background the dimmed grey falls below 4.5:1 (axe). */}
                      {n.ticket && (
                        <Text size="xs" c={n.read ? 'dimmed' : 'gray.7'} truncate>
                          {n.ticket.subject}
                        </Text>
                      )}
                      <Text size="xs" c={n.read ? 'dimmed' : 'gray.7'}>
                        <DateTime iso={n.createdAt} compact />
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Group px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Anchor component={Link} to="/agent/notifications" size="sm" onClick={() => setOpened(false)} data-testid="notification-preferences-link">
            <Group gap={4} wrap="nowrap">
              <IconSettings size={14} />
              {t('notifications.preferences.link')}
            </Group>
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
    </Indicator>
  );
}
