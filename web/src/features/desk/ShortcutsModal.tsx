import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Which keys do what, where (issue 14, item 3: keyboard navigation; `?` opens this list). */
const SHORTCUTS = [
  { where: 'queue', keys: ['j'], action: 'next' },
  { where: 'queue', keys: ['k'], action: 'previous' },
  { where: 'queue', keys: ['Enter', 'o'], action: 'open' },
  { where: 'ticket', keys: ['r'], action: 'reply' },
  { where: 'ticket', keys: ['n'], action: 'note' },
  { where: 'ticket', keys: ['a'], action: 'assign' },
  { where: 'anywhere', keys: ['?'], action: 'help' },
] as const;

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} centered data-testid="shortcuts-modal">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('shortcuts.hint')}
        </Text>
        <Table>
          <Table.Tbody>
            {SHORTCUTS.map((s) => (
              <Table.Tr key={`${s.where}-${s.action}`}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {s.keys.map((k) => (
                      <Kbd key={k}>{k}</Kbd>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`shortcuts.action.${s.action}`)}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t(`shortcuts.where.${s.where}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
}
