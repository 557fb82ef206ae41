import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';

export function Logo({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const big = size === 'lg';
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={big ? 40 : 30} radius="md" variant="gradient" gradient={{ from: 'blue.6', to: 'cyan.5', deg: 135 }}>
        <IconLifebuoy size={big ? 24 : 18} />
      </ThemeIcon>
      <Text fw={800} fz={big ? 26 : 20} lts={-0.5}>
        Apres
      </Text>
    </Group>
  );
}
