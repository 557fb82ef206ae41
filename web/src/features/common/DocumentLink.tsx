import { Anchor, Group } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';

/** A PDF the server makes (a label, a quote, a report), opened in a new tab; the server serves it sandboxed. */
export function DocumentLink({ href, label, testId }: { href: string; label: string; testId: string }) {
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm" data-testid={testId}>
      <Group gap={4} wrap="nowrap">
        <IconPrinter size={14} />
        {label}
      </Group>
    </Anchor>
  );
}
