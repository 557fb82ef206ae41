import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconDevicesOff, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../auth';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const initials = user.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');

  return (
    <Menu position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        {/* Named by its content ("Account Marc Girard"), so the name contains the name seen (WCAG 2.5.3). */}
        <UnstyledButton data-testid="user-menu">
          <VisuallyHidden>{t('layout.userMenu')}</VisuallyHidden>
          <Group gap={8} wrap="nowrap">
            <Avatar radius="xl" size={30} color="blue" aria-hidden>
              {initials}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {user.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`role.${user.role}`)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          color="red"
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
        >
          {t('layout.logout')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconDevicesOff size={16} />}
          data-testid="logout-everywhere"
          onClick={() => logout.mutate({ everywhere: true }, { onSettled: () => void navigate('/login', { replace: true }) })}
        >
          {t('layout.logoutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
