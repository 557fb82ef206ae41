import { Avatar, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowMerge, IconInfoCircle, IconLock, IconMessage, IconPhone, IconSend } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Entry, EntryKind } from '../../api/types';
import { AttachmentList } from './attachments';
import { DateTime } from './badges';
import { parseSystemEntry } from './system-entry';

const KIND_STYLE: Record<Exclude<EntryKind, 'system'>, { bg: string; border: string; icon: ReactNode; color: string }> = {
  customer_message: {
    bg: 'var(--mantine-color-body)',
    border: 'var(--mantine-color-gray-4)',
    icon: <IconMessage size={16} />,
    color: 'gray',
  },
  agent_reply: {
    bg: 'var(--mantine-color-blue-0)',
    border: 'var(--mantine-color-blue-5)',
    icon: <IconSend size={16} />,
    color: 'blue',
  },
  internal_note: {
    bg: 'var(--mantine-color-yellow-0)',
    border: 'var(--mantine-color-yellow-5)',
    icon: <IconLock size={16} />,
    color: 'yellow',
  },
  phone_note: {
    bg: 'var(--mantine-color-grape-0)',
    border: 'var(--mantine-color-grape-4)',
    icon: <IconPhone size={16} />,
    color: 'grape',
  },
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');
}

const bodyStyle: CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };

interface MessageProps {
  kind: Exclude<EntryKind, 'system'>;
  author: string;
  at: string;
  timeZone: string | undefined;
  body: string;
  attachments: readonly Attachment[];
  mine?: boolean;
  testId?: string;
}

function Message({ kind, author, at, timeZone, body, attachments, mine, testId }: MessageProps) {
  const { t } = useTranslation();
  const style = KIND_STYLE[kind];
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid={testId ?? 'entry'}
      data-kind={kind}
      style={{ background: style.bg, borderLeft: `4px solid ${style.border}` }}
    >
      <Group justify="space-between" wrap="nowrap" mb="xs" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <Avatar radius="xl" size="sm" color={style.color} variant="light">
            {initials(author) || style.icon}
          </Avatar>
          <div>
            <Text size="sm" fw={600} lh={1.2}>
              {author}
              {mine && (
                <Text span size="xs" c="dimmed" fw={400}>
                  {' '}
                  ({t('conversation.you')})
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed">
              <DateTime iso={at} timeZone={timeZone} />
            </Text>
          </div>
        </Group>
        <Badge variant="light" color={style.color} leftSection={style.icon} radius="sm" tt="none">
          {t(`entryKind.${kind}`)}
        </Badge>
      </Group>
      <Text size="sm" style={bodyStyle}>
        {body}
      </Text>
      {attachments.length > 0 && (
        <Box mt="sm">
          <AttachmentList attachments={attachments} />
        </Box>
      )}
    </Paper>
  );
}

interface ConversationProps {
  entries: readonly Entry[];
  timeZone: string | undefined;
  currentUserId: string;
  /** The opening request, shown first unless the server already made it the first entry. */
  opening?: { author: string; at: string; body: string; attachments: readonly Attachment[]; mine: boolean };
}

export function Conversation({ entries, timeZone, currentUserId, opening }: ConversationProps) {
  const { t } = useTranslation();
  const first = entries[0];
  const showOpening = opening && opening.body.trim() !== '' && !(first && first.body.trim() === opening.body.trim());
  return (
    <Stack gap="sm" data-testid="conversation">
      {showOpening && (
        <Message
          kind="customer_message"
          author={opening.author}
          at={opening.at}
          timeZone={timeZone}
          body={opening.body}
          attachments={opening.attachments}
          mine={opening.mine}
          testId="ticket-description"
        />
      )}
      {entries.map((e) =>
        e.kind === 'system' ? (
          <SystemEntry key={e.id} entry={e} timeZone={timeZone} />
        ) : (
          <Message
            key={e.id}
            kind={e.kind}
            author={e.author?.name ?? t('conversation.unknownAuthor')}
            at={e.createdAt}
            timeZone={timeZone}
            body={e.body}
            attachments={e.attachments}
            mine={e.author?.id === currentUserId}
          />
        ),
      )}
      {!showOpening && entries.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('conversation.empty')}
        </Text>
      )}
    </Stack>
  );
}

function SystemEntry({ entry, timeZone }: { entry: Entry; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const event = parseSystemEntry(entry.body);
  if (event) {
    return (
      <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="entry" data-kind="system" data-event={event.event}>
        <Group gap={6} mb={6} wrap="nowrap">
          <IconArrowMerge size={16} color="var(--mantine-color-orange-6)" />
          <Text size="sm" fw={600}>
            {t('conversation.mergedFrom', { number: event.number })}
          </Text>
          <Text size="xs" c="dimmed">
            · <DateTime iso={entry.createdAt} timeZone={timeZone} />
            {entry.author ? ` · ${entry.author.name}` : ''}
          </Text>
        </Group>
        <Text size="sm" fw={500}>
          {event.subject}
        </Text>
        {event.text && (
          <Text size="sm" c="dimmed" style={bodyStyle} mt={4}>
            {event.text}
          </Text>
        )}
      </Paper>
    );
  }
  return (
    <Group gap={6} justify="center" data-testid="entry" data-kind="system" py={4}>
      <IconInfoCircle size={14} color="var(--mantine-color-dimmed)" />
      <Text size="xs" c="dimmed" style={bodyStyle} ta="center">
        {entry.body} · <DateTime iso={entry.createdAt} timeZone={timeZone} />
      </Text>
    </Group>
  );
}
