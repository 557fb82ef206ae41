import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconInfoCircle, IconMailPlus, IconPencil, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brand, Mailbox } from '../../api/types';
import { useBrands } from '../brands';
import { Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { DateTime } from '../tickets';
import { useMailboxes, useMailSettings } from './admin.api';
import { MailboxFormModal } from './MailboxFormModal';

type Editing = { mailbox: Mailbox | null; brandId: string | null; key: number } | null;

/** Where mail arrives: the built-in SMTP receiver's port, from the server's settings. */
function ReceiverHelp() {
  const { t } = useTranslation();
  const settings = useMailSettings();
  if (!settings.data) return null;
  const { enabled, port } = settings.data.smtpReceiver;
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="mail-receiver-help">
      <Text size="sm">{enabled ? t('mailboxes.receiverOn', { port }) : t('mailboxes.receiverOff')}</Text>
      <Text size="sm" mt={4}>
        {t('mailboxes.receiverImap')}
      </Text>
    </Alert>
  );
}

function ServerLine({ kind, mailbox }: { kind: 'imap' | 'smtp'; mailbox: Mailbox }) {
  const { t } = useTranslation();
  const s = mailbox[kind];
  const Icon = kind === 'imap' ? IconInbox : IconSend;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid={`mailbox-${kind}-summary`}>
      <Icon size={15} style={{ flex: 'none', marginTop: 2 }} color="var(--mantine-color-dimmed)" />
      {s ? (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          <Text span size="xs" fw={600}>
            {kind.toUpperCase()}
          </Text>{' '}
          {s.host}:{s.port} · {s.secure ? 'TLS' : 'STARTTLS'}
          {s.user ? ` · ${s.user}` : ''}
          {'folder' in s && s.folder ? ` · ${s.folder}` : ''}
        </Text>
      ) : (
        <Text size="xs" c={kind === 'smtp' && !mailbox.outbox ? 'orange.8' : 'dimmed'}>
          {kind === 'imap' ? t('mailboxes.imapOff') : mailbox.outbox ? t('mailboxes.smtpOutbox') : t('mailboxes.smtpOff')}
        </Text>
      )}
    </Group>
  );
}

function MailboxRow({ mailbox, onEdit }: { mailbox: Mailbox; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="mailbox-row" data-address={mailbox.address} data-id={mailbox.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
              {mailbox.address}
            </Text>
            {mailbox.displayName && (
              <Text size="sm" c="dimmed">
                {mailbox.displayName}
              </Text>
            )}
            <Badge color={mailbox.enabled ? 'teal' : 'gray'} variant="light" radius="sm" tt="none" data-testid="mailbox-enabled-badge">
              {mailbox.enabled ? t('mailboxes.enabled') : t('mailboxes.disabled')}
            </Badge>
          </Group>
          <ServerLine kind="imap" mailbox={mailbox} />
          <ServerLine kind="smtp" mailbox={mailbox} />
          {mailbox.imap && (
            <Text size="xs" c="dimmed">
              {t('mailboxes.lastChecked')}: {mailbox.lastCheckedAt ? <DateTime iso={mailbox.lastCheckedAt} /> : t('mailboxes.never')}
            </Text>
          )}
          {mailbox.lastError && (
            <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="mailbox-last-error">
              <Text size="xs" fw={600}>
                {t('mailboxes.lastError')}
              </Text>
              <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                {mailbox.lastError}
              </Text>
            </Alert>
          )}
        </Stack>
        <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={onEdit} data-testid="mailbox-edit">
          {t('mailboxes.edit')}
        </Button>
      </Group>
    </Paper>
  );
}

export function MailboxesPage() {
  const { t } = useTranslation();
  usePageTitle(t('mailboxes.title'));
  const mailboxes = useMailboxes();
  const brands = useBrands();
  const [editing, setEditing] = useState<Editing>(null);

  // Every brand gets a section, with or without a mailbox; a mailbox of a brand the list does not
  // have (it should not happen for an admin) still shows, under its own brand name.
  const sections = useMemo(() => {
    const list: { id: string; name: string; items: Mailbox[] }[] = (brands.data ?? []).map((b) => ({ id: b.id, name: b.name, items: [] }));
    for (const m of mailboxes.data ?? []) {
      let s = list.find((x) => x.id === m.brandId);
      if (!s) list.push((s = { id: m.brandId, name: m.brandName, items: [] }));
      s.items.push(m);
    }
    for (const s of list) s.items.sort((a, b) => a.address.localeCompare(b.address));
    return list;
  }, [brands.data, mailboxes.data]);

  const brandList: Brand[] = brands.data ?? [];
  const open = (mailbox: Mailbox | null, brandId: string | null) => setEditing({ mailbox, brandId, key: Date.now() });

  return (
    <Stack gap="lg" data-testid="mailboxes-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('mailboxes.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('mailboxes.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconMailPlus size={18} />} onClick={() => open(null, null)} data-testid="mailbox-add">
          {t('mailboxes.add')}
        </Button>
      </Group>

      <ReceiverHelp />

      {mailboxes.isPending || brands.isPending ? (
        <TableSkeleton rows={4} />
      ) : mailboxes.isError ? (
        <ErrorState error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />
      ) : sections.length === 0 ? (
        <Empty icon={<IconInbox size={28} />} title={t('mailboxes.empty')} description={t('mailboxes.emptyHint')} />
      ) : (
        sections.map((s) => (
          <Stack key={s.id} gap="sm" data-testid="mailbox-brand-section" data-brand={s.name}>
            <Group justify="space-between">
              <Title order={2} size="h4">
                {s.name}
              </Title>
              <Button variant="subtle" color="gray" size="xs" leftSection={<IconMailPlus size={14} />} onClick={() => open(null, s.id)} data-testid="mailbox-add-for-brand">
                {t('mailboxes.addFor', { brand: s.name })}
              </Button>
            </Group>
            {s.items.length === 0 ? (
              <Paper withBorder radius="md" p="md" bg="gray.0">
                <Text size="sm" c="dimmed">
                  {t('mailboxes.noneForBrand')}
                </Text>
              </Paper>
            ) : (
              s.items.map((m) => <MailboxRow key={m.id} mailbox={m} onEdit={() => open(m, m.brandId)} />)
            )}
          </Stack>
        ))
      )}

      {editing && (
        <MailboxFormModal
          key={editing.key}
          opened
          onClose={() => setEditing(null)}
          mailbox={editing.mailbox}
          brandId={editing.brandId}
          brands={brandList}
        />
      )}
    </Stack>
  );
}
