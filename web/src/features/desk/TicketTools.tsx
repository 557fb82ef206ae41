import { Group, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../api/types';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../i18n';
import { useBulk } from './desk.api';
import { MacroPicker } from './MacroPicker';
import { ShortcutsModal } from './ShortcutsModal';

/**
 * The ticket page's desk tools: apply a macro (the bulk operation on one ticket, so the rules are
 * the same) and the keyboard — r reply, n note, a assign, ? the list. Mantine's useHotkeys ignores
 * keys typed in an input, a textarea or a select.
 */
export function TicketTools({ ticket, onCompose }: { ticket: TicketSummary; onCompose: (kind: 'agent_reply' | 'internal_note') => void }) {
  const { t } = useTranslation();
  const [help, helpModal] = useDisclosure(false);
  const bulk = useBulk();
  useHotkeys([
    ['r', () => onCompose('agent_reply')],
    ['n', () => onCompose('internal_note')],
    [
      'a',
      () => {
        const select = document.querySelector<HTMLInputElement>('[data-testid="assignee-select"]');
        select?.focus();
        select?.click();
      },
    ],
    ['shift+?', helpModal.open],
  ]);
  const apply = (macroId: string) =>
    bulk.mutate(
      { ticketIds: [ticket.id], action: { type: 'macro', macroId } },
      {
        onSuccess: (res) => {
          const r = res.results[0];
          notifications.show(r?.ok ? { color: 'teal', message: t('macros.applied') } : { color: 'red', message: errorMessage(t, new ApiError(200, r?.code ?? 'UNKNOWN')) });
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }),
      },
    );
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <MacroPicker brandId={ticket.brandId} onPick={apply} disabled={bulk.isPending} size="sm" />
      <Text size="xs" c="dimmed" component="button" type="button" onClick={helpModal.open} style={{ background: 'none', border: 0, cursor: 'pointer' }} data-testid="shortcuts-open">
        <IconKeyboard size={14} style={{ verticalAlign: 'middle' }} /> {t('shortcuts.open')}
      </Text>
      <ShortcutsModal opened={help} onClose={helpModal.close} />
    </Group>
  );
}
