import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/errors';
import { errorMessage, fieldErrorMessage } from '../../i18n';

export interface Column<T> {
  key: string;
  label: string;
  /** From which width the column shows on a table (the first and the actions always do). */
  from?: 'sm' | 'md' | 'lg';
  render: (row: T) => ReactNode;
}

/**
 * The people-and-access lists: a table whose lesser columns hide as the width shrinks, and on a
 * phone a card per row with every value labelled (like the ticket list), never a sideways scroll.
 */
export function AdminTable<T>({ rows, columns, rowKey, actions, testId, rowTestId }: { rows: T[]; columns: Column<T>[]; rowKey: (r: T) => string; actions?: (r: T) => ReactNode; testId: string; rowTestId: string }) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (phone) {
    const [first, ...rest] = columns;
    return (
      <Stack gap="xs" data-testid={testId}>
        {rows.map((r) => (
          <Paper key={rowKey(r)} withBorder radius="md" p="sm" data-testid={rowTestId}>
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0, flex: 1 }}>{first!.render(r)}</div>
                {actions?.(r)}
              </Group>
              {rest.map((c) => (
                <Group key={c.key} gap={6} wrap="wrap" align="baseline">
                  <Text size="xs" c="dimmed">
                    {c.label}
                  </Text>
                  <div style={{ minWidth: 0 }}>{c.render(r)}</div>
                </Group>
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md" data-testid={testId}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} visibleFrom={c.from} style={{ whiteSpace: 'nowrap' }}>
                {c.label}
              </Table.Th>
            ))}
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={rowKey(r)} data-testid={rowTestId}>
              {columns.map((c) => (
                <Table.Td key={c.key} visibleFrom={c.from}>
                  {c.render(r)}
                </Table.Td>
              ))}
              {actions && <Table.Td style={{ width: 1, whiteSpace: 'nowrap' }}>{actions(r)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * A refusal's messages by the field it names: the server's own sentence for a rule of this domain
 * (the last admin, a loop in the chain), the generic one for a malformed value; `_` for the rest.
 */
export function refusalByField(t: TFunction, error: unknown): Record<string, string> {
  if (!error) return {};
  if (!isApiError(error) || error.errors.length === 0) return { _: errorMessage(t, error) };
  const out: Record<string, string> = {};
  for (const fe of error.errors) {
    const field = fe.field.split('.')[0]!;
    if (!(field in out)) out[field] = error.code === 'VALIDATION_FAILED' ? fieldErrorMessage(t, fe.code) : errorMessage(t, error);
  }
  return out;
}
