import { ActionIcon, Badge, Button, Group, Modal, Paper, ScrollArea, Stack, Table, Text, Title, Tooltip, type MantineColor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconMailCheck, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOUND_REASONS, type InboundMessage, type InboundReason } from '../../api/types';
import { errorMessage, formatBytes, useLocale } from '../../i18n';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { DateTime } from '../tickets';
import { rawMessageUrl, useDiscardInbound, useQuarantine, useReprocessInbound } from './admin.api';

const REASON_COLOR: Record<InboundReason, MantineColor> = {
  unparseable: 'red',
  too_large: 'orange',
  processing_failed: 'grape',
  no_mailbox: 'yellow',
  no_sender: 'cyan',
  duplicate: 'gray',
};

function isKnownReason(reason: string | null): reason is InboundReason {
  return reason !== null && (INBOUND_REASONS as readonly string[]).includes(reason);
}

/** The translated reason; a code this app does not know yet is shown as sent. */
export function reasonLabel(t: TFunction, reason: string | null): string {
  if (isKnownReason(reason)) return t(`quarantine.reasons.${reason}`);
  return reason ?? '—';
}

function ReasonBadge({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  const known = isKnownReason(reason);
  const badge = (
    <Badge color={known ? REASON_COLOR[reason] : 'gray'} variant="light" radius="sm" tt="none" style={{ minWidth: 'max-content' }} data-testid="quarantine-reason" data-reason={reason ?? ''}>
      {reasonLabel(t, reason)}
    </Badge>
  );
  return known ? (
    <Tooltip label={t(`quarantine.reasonHelp.${reason}`)} multiline maw={280} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

export function QuarantinePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('quarantine.title'));
  const list = useQuarantine();
  const reprocess = useReprocessInbound();
  const discard = useDiscardInbound();
  const [toDiscard, setToDiscard] = useState<InboundMessage | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const onReprocess = (m: InboundMessage) =>
    reprocess.mutate(m.id, {
      // The server puts the message back on the queue (status `received`); the list refreshes when it is done.
      onSuccess: () => notifications.show({ color: 'blue', message: t('quarantine.reprocessQueued') }),
      onError: (e) => notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, e) }),
    });

  const onDiscard = () => {
    if (!toDiscard) return;
    discard.mutate(toDiscard.id, {
      onSuccess: () => {
        setToDiscard(null);
        notifications.show({ color: 'teal', message: t('quarantine.discarded') });
      },
    });
  };

  return (
    <Stack gap="lg" data-testid="quarantine-page">
      <div>
        <Title order={1} size="h2">
          {t('quarantine.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('quarantine.subtitle')}
        </Text>
      </div>

      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconMailCheck size={28} />} title={t('quarantine.empty')} description={t('quarantine.emptyHint')} />
      ) : (
        <Paper withBorder radius="md">
          <ScrollArea type="auto">
            <Table verticalSpacing="sm" horizontalSpacing="sm" miw={900} data-testid="quarantine-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('quarantine.received')}</Table.Th>
                  <Table.Th>{t('quarantine.message')}</Table.Th>
                  <Table.Th>{t('quarantine.brand')}</Table.Th>
                  <Table.Th>{t('quarantine.reason')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('quarantine.size')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('quarantine.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id} data-testid="quarantine-row" data-id={m.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">
                        <DateTime iso={m.receivedAt} withZone />
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`quarantine.source.${m.source}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={240} maw={380}>
                      <Text size="sm" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }} fs={m.subject ? undefined : 'italic'}>
                        {m.subject || t('quarantine.noSubject')}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {m.from || m.envelopeFrom || t('quarantine.unknownSender')}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {t('quarantine.envelope', { from: m.envelopeFrom || '<>', to: m.envelopeTo.join(', ') || '—' })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={m.brandName ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                        {m.brandName ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <ReasonBadge reason={m.reason} />
                      {m.detail && (
                        <Text size="xs" c="dimmed" mt={4} ff="monospace" lineClamp={4} style={{ overflowWrap: 'anywhere' }} title={m.detail} data-testid="quarantine-detail">
                          {m.detail}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatBytes(m.sizeBytes, locale)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconRefresh size={14} />}
                          loading={reprocess.isPending && reprocess.variables === m.id}
                          onClick={() => onReprocess(m)}
                          data-testid="quarantine-reprocess"
                        >
                          {t('quarantine.reprocess')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => {
                            discard.reset();
                            setToDiscard(m);
                          }}
                          data-testid="quarantine-discard"
                        >
                          {t('quarantine.discard')}
                        </Button>
                        <Tooltip label={t('quarantine.download')} withArrow>
                          <ActionIcon
                            component="a"
                            href={rawMessageUrl(m.id)}
                            download={`${m.id}.eml`}
                            variant="subtle"
                            color="gray"
                            aria-label={t('quarantine.download')}
                            data-testid="quarantine-download"
                          >
                            <IconDownload size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}

      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}

      <Modal opened={toDiscard !== null} onClose={() => setToDiscard(null)} title={t('quarantine.discardTitle')} centered>
        {toDiscard && (
          <Stack gap="md">
            <Text size="sm">{t('quarantine.discardBody')}</Text>
            <Paper withBorder p="sm" radius="md" bg="gray.0">
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {toDiscard.subject || t('quarantine.noSubject')}
              </Text>
              <Text size="xs" c="dimmed">
                {toDiscard.from || toDiscard.envelopeFrom || t('quarantine.unknownSender')} · {reasonLabel(t, toDiscard.reason)}
              </Text>
            </Paper>
            {discard.isError && (
              <Text size="sm" c="red" role="alert">
                {errorMessage(t, discard.error)}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setToDiscard(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" leftSection={<IconTrash size={16} />} loading={discard.isPending} onClick={onDiscard} data-testid="quarantine-discard-confirm">
                {t('quarantine.discard')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
