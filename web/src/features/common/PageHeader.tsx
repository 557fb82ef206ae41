import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's title and the sentence under it, with the page's main action on the right when it has one. */
export function PageHeader({ title, subtitle, action }: { title: string; subtitle?: ReactNode; action?: ReactNode }) {
  const heading = (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      {subtitle && (
        <Text c="dimmed" size="sm">
          {subtitle}
        </Text>
      )}
    </div>
  );
  if (!action) return heading;
  return (
    <Group justify="space-between" align="flex-end">
      {heading}
      {action}
    </Group>
  );
}
