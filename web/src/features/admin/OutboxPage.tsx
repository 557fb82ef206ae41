import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconMailForward, IconMailOpened } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxMail } from '../../api/types';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { DateTime } from '../tickets';
import { useOutbox } from './admin.api';

/**
 * The built-in outbox (issue 14): what the mailboxes without an SMTP server would have sent, read
 * here like a mail catcher. The body is shown as text only — a mail is hostile content, and its
 * HTML is never rendered in the app's origin.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const list = useOutbox();
  const [open, setOpen] = useState<OutboxMail | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg" data-testid="outbox-page">
      <div>
        <Title order={1} size="h2">
          {t('outbox.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('outbox.subtitle')}
        </Text>
      </div>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} maw={760}>
        <Text size="sm">
          {t('outbox.notSent')}{' '}
          <Anchor component={Link} to="/admin/mailboxes" size="sm">
            {t('outbox.configure')}
          </Anchor>
        </Text>
      </Alert>

      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconMailForward size={28} />} title={t('outbox.empty')} description={t('outbox.emptyHint')} />
      ) : (
        <Stack gap="xs" data-testid="outbox-list">
          {items.map((m) => (
            <Paper key={m.id} withBorder radius="md" p="md" data-testid="outbox-row" data-id={m.id} data-kind={m.kind}>
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="outbox-subject">
                    {m.subject}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t('outbox.to', { to: m.to })}
                    {m.cc.length > 0 ? ` · ${t('outbox.cc', { cc: m.cc.join(', ') })}` : ''}
                  </Text>
                  <Group gap={8} wrap="wrap">
                    <Badge variant="light" color="gray" radius="sm" tt="none">
                      {t(`mailKind.${m.kind}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {m.brandName}
                    </Text>
                    {m.ticketId && m.ticketNumber && (
                      <Anchor component={Link} to={`/agent/tickets/${m.ticketId}`} size="xs" data-testid="outbox-ticket">
                        {m.ticketNumber}
                      </Anchor>
                    )}
                  </Group>
                </Stack>
                <Stack gap={6} align="flex-end">
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    <DateTime iso={m.deliveredAt} withZone />
                  </Text>
                  <Button size="xs" variant="light" leftSection={<IconMailOpened size={14} />} onClick={() => setOpen(m)} data-testid="outbox-read">
                    {t('outbox.read')}
                  </Button>
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}

      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}

      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.subject ?? ''} size="lg">
        {open && (
          <Stack gap="sm" data-testid="outbox-message">
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('outbox.to', { to: open.to })} · <DateTime iso={open.deliveredAt} withZone />
            </Text>
            <Paper withBorder radius="sm" p="sm" bg="gray.0">
              <Text component="pre" size="sm" m={0} ff="monospace" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="outbox-body">
                {open.bodyText}
              </Text>
            </Paper>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
