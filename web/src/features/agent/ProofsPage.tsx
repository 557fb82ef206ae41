import { Anchor, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconCheck, IconExternalLink, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, formatDateTime, formatPlainDate, pickLocalised, useLocale } from '../../i18n';
import { PageHeader, Empty, ListStates, usePageTitle } from '../common';
import { useDecideProof, useProofsToCheck } from '../units';

/**
 * The desk's queue of proofs of purchase (issue 11): each registration with its document, opened in
 * a sandboxed tab, then accepted — the warranty runs from the purchase — or refused with the reason
 * the customer reads.
 */
export function ProofsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('proofs.title'));
  const proofs = useProofsToCheck();
  const decide = useDecideProof();
  const [refusing, setRefusing] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const send = (id: string, decision: 'validated' | 'rejected', why?: string) =>
    decide.mutate(
      { id, decision, ...(why ? { reason: why } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: decision === 'validated' ? 'teal' : 'orange', message: t(decision === 'validated' ? 'proofs.accepted' : 'proofs.refused') });
          setRefusing(null);
          setReason('');
        },
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }),
      },
    );

  const items = proofs.data ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title={t('proofs.title')} subtitle={t('proofs.subtitle')} />
      <ListStates
        pending={proofs.isPending}
        error={proofs.isError ? proofs.error : null}
        onRetry={() => void proofs.refetch()}
        isEmpty={items.length === 0}
        empty={<Empty icon={<IconCertificate size={28} />} title={t('proofs.empty')} />}
      >
        <Stack gap="sm">
          {items.map((p) => (
            <Paper key={p.id} withBorder radius="md" p="md" data-testid="proof-row" data-serial={p.serial}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Stack gap={2}>
                  <Text fw={600}>
                    {pickLocalised(p.model.name, locale)} <Text span ff="monospace" size="sm" c="dimmed">{p.serial}</Text>
                  </Text>
                  <Text size="sm">
                    {p.owner.name} · {p.owner.email} · {p.brandName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.purchasedOn ? t('proofs.boughtOn', { date: formatPlainDate(p.purchasedOn, locale) }) : ''} · {t('proofs.sentAt', { date: formatDateTime(p.uploadedAt, locale) })}
                  </Text>
                  <Anchor href={`/api/v1/units/${p.id}/proof`} target="_blank" rel="noopener noreferrer" size="sm" data-testid="proof-open">
                    <Group gap={4} wrap="nowrap">
                      <IconExternalLink size={14} />
                      {t('proofs.open')}
                    </Group>
                  </Anchor>
                </Stack>
                <Group gap="xs">
                  <Button size="xs" color="teal" leftSection={<IconCheck size={14} />} loading={decide.isPending && decide.variables?.id === p.id && decide.variables.decision === 'validated'} onClick={() => send(p.id, 'validated')} data-testid="proof-accept">
                    {t('proofs.accept')}
                  </Button>
                  <Button size="xs" variant="light" color="red" leftSection={<IconX size={14} />} onClick={() => setRefusing(p.id)} data-testid="proof-refuse">
                    {t('proofs.refuse')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      </ListStates>
      <Modal opened={refusing !== null} onClose={() => setRefusing(null)} title={t('proofs.reasonTitle')} centered>
        <Stack gap="sm">
          <Textarea label={t('proofs.reason')} description={t('proofs.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} required data-testid="proof-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRefusing(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" disabled={!reason.trim()} loading={decide.isPending} onClick={() => refusing && send(refusing, 'rejected', reason.trim())} data-testid="proof-confirm-refuse">
              {t('proofs.confirmRefuse')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
