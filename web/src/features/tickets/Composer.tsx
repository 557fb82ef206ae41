import { ActionIcon, Alert, Button, Group, Menu, Paper, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconClockPause, IconLock, IconPhone, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKind, TicketStatus } from '../../api/types';
import { errorMessage } from '../../i18n';
import { AttachmentPicker, useUploads } from './attachments';
import { usePostEntry } from './tickets.api';

export type ComposerKind = Exclude<EntryKind, 'system'>;

const TAB_ICON: Partial<Record<ComposerKind, typeof IconSend>> = {
  agent_reply: IconSend,
  internal_note: IconLock,
  phone_note: IconPhone,
};

const BACKGROUND: Partial<Record<ComposerKind, string>> = {
  internal_note: 'var(--mantine-color-yellow-0)',
  phone_note: 'var(--mantine-color-grape-0)',
};

interface ComposerProps {
  ticketId: string;
  kinds: readonly ComposerKind[];
  hint?: string;
  /** The desk's reply can also set the status in the same step ("send and wait for the customer"). */
  statusActions?: boolean;
  /** A keyboard shortcut asks for this kind of entry and the focus (the `n` grows on each ask). */
  request?: { kind: ComposerKind; n: number } | undefined;
}

/** What a reply may do to the status in the same transaction, in the menu's order. */
const THEN_STATUSES = ['waiting_customer', 'resolved'] as const satisfies readonly TicketStatus[];

export function Composer({ ticketId, kinds, hint, statusActions = false, request }: ComposerProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ComposerKind>(kinds[0] ?? 'customer_message');
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!request) return;
    if (kinds.includes(request.kind)) setKind(request.kind);
    textarea.current?.focus();
  }, [request, kinds]);
  const [body, setBody] = useState('');
  const [touched, setTouched] = useState(false);
  const uploads = useUploads();
  const post = usePostEntry(ticketId);

  const empty = body.trim() === '';
  const send = (thenStatus?: (typeof THEN_STATUSES)[number]) => {
    setTouched(true);
    if (empty || uploads.uploading || post.isPending) return;
    post.mutate(
      { kind, body: body.trim(), attachmentIds: uploads.ids, ...(thenStatus ? { thenStatus } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setTouched(false);
          uploads.reset();
          notifications.show({ color: 'teal', message: thenStatus ? t(`replyAndWait.sent.${thenStatus}`) : t(`composer.sent.${kind}`) });
        },
      },
    );
  };

  const placeholder = t(`composer.placeholder.${kind}`);
  return (
    <Paper withBorder radius="md" p="md" data-testid="composer">
      <Stack gap="sm">
        {kinds.length > 1 && (
          <Tabs value={kind} onChange={(v) => v && setKind(v as ComposerKind)} variant="pills" radius="md">
            <Tabs.List>
              {kinds.map((k) => {
                const Icon = TAB_ICON[k] ?? IconSend;
                return (
                  <Tabs.Tab key={k} value={k} leftSection={<Icon size={14} />} data-testid={`composer-tab-${k}`}>
                    {t(`composer.tab.${k}`)}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
          </Tabs>
        )}
        <Textarea
          aria-label={placeholder}
          placeholder={placeholder}
          autosize
          minRows={4}
          maxRows={16}
          ref={textarea}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
          }}
          error={touched && empty ? t('errors.field.required') : undefined}
          styles={{ input: { background: BACKGROUND[kind] } }}
          data-testid="composer-textarea"
        />
        <AttachmentPicker uploads={uploads} disabled={post.isPending} />
        {post.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, post.error)}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {hint ?? t(`composer.hint.${kind}`)}
          </Text>
          <Group gap={0} wrap="nowrap">
            <Button
              onClick={() => send()}
              loading={post.isPending}
              disabled={uploads.uploading}
              leftSection={<IconSend size={16} />}
              color={kind === 'internal_note' ? 'yellow' : kind === 'phone_note' ? 'grape' : undefined}
              autoContrast
              style={statusActions && kind === 'agent_reply' ? { borderTopRightRadius: 0, borderBottomRightRadius: 0 } : undefined}
              data-testid="composer-send"
            >
              {t(`composer.send.${kind}`)}
            </Button>
            {statusActions && kind === 'agent_reply' && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon
                    size={36}
                    variant="filled"
                    disabled={uploads.uploading || post.isPending}
                    aria-label={t('replyAndWait.more')}
                    style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid var(--mantine-color-body)' }}
                    data-testid="composer-send-menu"
                  >
                    <IconChevronDown size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {THEN_STATUSES.map((s) => (
                    <Menu.Item
                      key={s}
                      leftSection={s === 'resolved' ? <IconCheck size={16} /> : <IconClockPause size={16} />}
                      onClick={() => send(s)}
                      data-testid={`composer-send-${s}`}
                    >
                      {t(`replyAndWait.send.${s}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
