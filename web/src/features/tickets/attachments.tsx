import { ActionIcon, Anchor, Badge, Button, FileButton, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconPaperclip, IconX } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Attachment } from '../../api/types';
import { errorMessage, formatBytes, useLocale } from '../../i18n';
import { uploadAttachment } from './tickets.api';

/** The server's limit (docs/API-CONTRACT.md): refused here before a 20 MB upload is wasted. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface Upload {
  key: string;
  name: string;
  sizeBytes: number;
  state: 'uploading' | 'done' | 'error';
  attachment?: Attachment;
  error?: unknown;
}

let uploadSeq = 0;

/** Files are uploaded as soon as they are picked (POST /attachments); the message then sends their ids. */
export function useUploads() {
  const [items, setItems] = useState<Upload[]>([]);

  const add = useCallback((files: File[]) => {
    for (const file of files) {
      const key = `u${++uploadSeq}`;
      const base = { key, name: file.name, sizeBytes: file.size };
      if (file.size > MAX_ATTACHMENT_BYTES) {
        setItems((xs) => [...xs, { ...base, state: 'error', error: new ApiError(413, 'ATTACHMENT_TOO_LARGE') }]);
        continue;
      }
      setItems((xs) => [...xs, { ...base, state: 'uploading' }]);
      uploadAttachment(file).then(
        (attachment) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, state: 'done', attachment } : x))),
        (error: unknown) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, state: 'error', error } : x))),
      );
    }
  }, []);

  const remove = useCallback((key: string) => setItems((xs) => xs.filter((x) => x.key !== key)), []);
  const reset = useCallback(() => setItems([]), []);

  return useMemo(
    () => ({
      items,
      add,
      remove,
      reset,
      ids: items.flatMap((x) => (x.state === 'done' && x.attachment ? [x.attachment.id] : [])),
      uploading: items.some((x) => x.state === 'uploading'),
    }),
    [items, add, remove, reset],
  );
}

export type Uploads = ReturnType<typeof useUploads>;

export function AttachmentPicker({ uploads, disabled }: { uploads: Uploads; disabled?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <FileButton onChange={(files) => uploads.add(files)} multiple disabled={disabled}>
          {(props) => (
            <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />} data-testid="attach-button">
              {t('attachments.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('attachments.hint')}
        </Text>
      </Group>
      {uploads.items.length > 0 && (
        <Group gap={6}>
          {uploads.items.map((u) => (
            <Tooltip key={u.key} label={u.state === 'error' ? errorMessage(t, u.error) : formatBytes(u.sizeBytes, locale)} withArrow>
              <Badge
                variant="light"
                color={u.state === 'error' ? 'red' : u.state === 'done' ? 'blue' : 'gray'}
                radius="sm"
                size="lg"
                tt="none"
                fw={500}
                leftSection={u.state === 'uploading' ? <Loader size={10} /> : u.state === 'error' ? <IconAlertCircle size={14} /> : <IconPaperclip size={12} />}
                rightSection={
                  <ActionIcon size="xs" variant="transparent" color="gray" onClick={() => uploads.remove(u.key)} aria-label={t('attachments.remove', { name: u.name })}>
                    <IconX size={12} />
                  </ActionIcon>
                }
                data-testid="upload-item"
                data-state={u.state}
              >
                {u.name}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      )}
    </Stack>
  );
}

export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const locale = useLocale();
  if (attachments.length === 0) return null;
  return (
    <Group gap="xs">
      {attachments.map((a) => (
        <Anchor key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noreferrer" size="sm" data-testid="attachment-link">
          <Group gap={4} wrap="nowrap">
            <IconPaperclip size={14} />
            <span>{a.filename}</span>
            <Text span size="xs" c="dimmed">
              ({formatBytes(a.sizeBytes, locale)})
            </Text>
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}
