import { Alert, Button, Group, Paper, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconPhone, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryKind } from '../../api/types';
import { errorMessage } from '../../i18n/errors';
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
}

export function Composer({ ticketId, kinds, hint }: ComposerProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ComposerKind>(kinds[0] ?? 'customer_message');
  const [body, setBody] = useState('');
  const [touched, setTouched] = useState(false);
  const uploads = useUploads();
  const post = usePostEntry(ticketId);

  const empty = body.trim() === '';
  const send = () => {
    setTouched(true);
    if (empty || uploads.uploading || post.isPending) return;
    post.mutate(
      { kind, body: body.trim(), attachmentIds: uploads.ids },
      {
        onSuccess: () => {
          setBody('');
          setTouched(false);
          uploads.reset();
          notifications.show({ color: 'teal', message: t(`composer.sent.${kind}`) });
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
          <Button
            onClick={send}
            loading={post.isPending}
            disabled={uploads.uploading}
            leftSection={<IconSend size={16} />}
            color={kind === 'internal_note' ? 'yellow' : kind === 'phone_note' ? 'grape' : undefined}
            autoContrast
            data-testid="composer-send"
          >
            {t(`composer.send.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
