import { Alert, Avatar, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowMerge,
  IconBan,
  IconClock,
  IconInfoCircle,
  IconLock,
  IconMail,
  IconMailCheck,
  IconMailOff,
  IconMessage,
  IconPhone,
  IconRobot,
  IconSend,
} from '@tabler/icons-react';
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Delivery, Entry, EntryKind } from '../../api/types';
import { AttachmentList } from './attachments';
import { DateTime } from './badges';
import { EmailBody } from './EmailBody';
import { prepareEmailHtml } from './email-html';
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
  /** The customer a partner (or the agent who logged the call) wrote for, and the writer's organisation. */
  onBehalfOf?: string | null;
  authorOrganisation?: string | null;
  at: string;
  timeZone: string | undefined;
  body: string;
  attachments: readonly Attachment[];
  mine?: boolean;
  testId?: string;
  /** E-mail channel: the sender's address, the sanitised HTML, an auto-reply flag. */
  viaEmail?: boolean;
  fromAddress?: string | null;
  htmlBody?: string | null;
  autoSubmitted?: boolean;
  /** How the reply went out by e-mail (staff only). */
  delivery?: Delivery | null;
}

function Message({ kind, author, onBehalfOf, authorOrganisation, at, timeZone, body, attachments, mine, testId, viaEmail, fromAddress, htmlBody, autoSubmitted, delivery }: MessageProps) {
  const { t } = useTranslation();
  const style = KIND_STYLE[kind];
  const [asText, setAsText] = useState(false);
  const prepared = useMemo(() => (htmlBody ? prepareEmailHtml(htmlBody, attachments) : null), [htmlBody, attachments]);
  const text = body.trim() ? (
    <Text size="sm" style={bodyStyle}>
      {body}
    </Text>
  ) : null;
  const listed = prepared && !(asText && text) ? attachments.filter((a) => !prepared.inlineIds.has(a.id)) : attachments;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid={testId ?? 'entry'}
      data-kind={kind}
      data-channel={viaEmail ? 'email' : undefined}
      style={{ background: style.bg, borderLeft: `4px solid ${style.border}`, ['--entry-bg' as string]: style.bg }}
    >
      <Group justify="space-between" wrap="wrap" mb="xs" align="flex-start" gap="xs">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Avatar radius="xl" size="sm" color={style.color} variant="light">
            {initials(author) || style.icon}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} lh={1.2}>
              {author}
              {mine && (
                <Text span size="xs" c="dimmed" fw={400}>
                  {' '}
                  ({t('conversation.you')})
                </Text>
              )}
            </Text>
            {onBehalfOf && (
              <Text size="xs" c="dimmed" data-testid="entry-on-behalf">
                {authorOrganisation && !author.includes(authorOrganisation) ? `${authorOrganisation} · ` : ''}
                {t('conversation.onBehalfOf', { name: onBehalfOf })}
              </Text>
            )}
            <Group gap={6} wrap="wrap">
              <Text size="xs" c="dimmed">
                <DateTime iso={at} timeZone={timeZone} />
              </Text>
              {viaEmail && (
                <Group gap={4} wrap="nowrap" c="dimmed" style={{ minWidth: 0, maxWidth: '100%' }} data-testid="entry-email-from">
                  <IconMail size={13} style={{ flex: 'none' }} />
                  <Text size="xs" c="dimmed" truncate maw={360}>
                    {fromAddress ? t('email.from', { address: fromAddress }) : t('email.byEmail')}
                  </Text>
                </Group>
              )}
            </Group>
          </div>
        </Group>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {autoSubmitted && (
            <Badge variant="outline" color="gray" leftSection={<IconRobot size={14} />} radius="sm" tt="none" data-testid="entry-auto">
              {t('email.automatic')}
            </Badge>
          )}
          <Badge variant="light" color={style.color} leftSection={style.icon} radius="sm" tt="none">
            {t(`entryKind.${kind}`)}
          </Badge>
        </Group>
      </Group>
      {prepared ? (
        <EmailBody html={prepared.html} text={text} title={t('email.frameTitle', { author })} asText={asText && text !== null} onToggle={() => setAsText((v) => !v)} />
      ) : (
        text
      )}
      {/* Images the HTML shows in place are not listed again below it (the text version lists them). */}
      {listed.length > 0 && (
        <Box mt="sm">
          <AttachmentList attachments={listed} />
        </Box>
      )}
      {delivery && <DeliveryLine delivery={delivery} timeZone={timeZone} />}
    </Paper>
  );
}

/** How an agent reply went out by e-mail: sent, still trying, or why it was not sent. */
export function DeliveryLine({ delivery, timeZone }: { delivery: Delivery; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const common = { 'data-testid': 'entry-delivery', 'data-status': delivery.status } as const;
  switch (delivery.status) {
    case 'sent':
      return (
        <Group gap={6} mt="sm" wrap="nowrap" {...common}>
          <IconMailCheck size={15} color="var(--mantine-color-teal-7)" />
          <Text size="xs" c="dimmed">
            {t('delivery.sent', { to: delivery.to })}
            {delivery.sentAt && (
              <>
                {' · '}
                <DateTime iso={delivery.sentAt} timeZone={timeZone} />
              </>
            )}
          </Text>
        </Group>
      );
    case 'queued':
      return (
        <Stack gap={2} mt="sm" {...common}>
          <Group gap={6} wrap="nowrap">
            <IconClock size={15} color="var(--mantine-color-orange-7)" />
            <Text size="xs" c="dimmed">
              {delivery.error ? t('delivery.retrying', { to: delivery.to }) : t('delivery.queued', { to: delivery.to })}
            </Text>
          </Group>
          {delivery.error && (
            <Text size="xs" c="orange.8" ff="monospace" style={bodyStyle} pl={21}>
              {delivery.error}
            </Text>
          )}
        </Stack>
      );
    case 'failed':
      return (
        <Alert mt="sm" color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('delivery.failed', { to: delivery.to })} {...common}>
          {delivery.error && (
            <Text size="xs" ff="monospace" style={bodyStyle}>
              {delivery.error}
            </Text>
          )}
        </Alert>
      );
    case 'held':
      return (
        <Alert mt="sm" color="yellow" variant="light" icon={<IconMailOff size={18} />} {...common}>
          <Text size="sm">{t('delivery.held')}</Text>
        </Alert>
      );
    case 'suppressed':
      return (
        <Alert mt="sm" color="gray" variant="light" icon={<IconBan size={18} />} {...common}>
          <Text size="sm">{t('delivery.suppressed', { to: delivery.to })}</Text>
        </Alert>
      );
    case 'outbox':
      return (
        <Alert mt="sm" color="grape" variant="light" icon={<IconMailOff size={18} />} {...common}>
          <Text size="sm">{t('delivery.outbox', { to: delivery.to })}</Text>
        </Alert>
      );
    default:
      return null;
  }
}

interface ConversationProps {
  entries: readonly Entry[];
  timeZone: string | undefined;
  currentUserId: string;
  /** Staff see how each reply went out by e-mail; customers do not. */
  showDelivery?: boolean;
  /** The opening request, shown first unless the server already made it the first entry. */
  opening?: { author: string; onBehalfOf: string | null; authorOrganisation: string | null; at: string; body: string; attachments: readonly Attachment[]; mine: boolean };
}

export function Conversation({ entries, timeZone, currentUserId, showDelivery, opening }: ConversationProps) {
  const { t } = useTranslation();
  const first = entries[0];
  const showOpening = opening && opening.body.trim() !== '' && !(first && first.body.trim() === opening.body.trim());
  return (
    <Stack gap="sm" data-testid="conversation">
      {showOpening && (
        <Message
          kind="customer_message"
          author={opening.author}
          onBehalfOf={opening.onBehalfOf}
          authorOrganisation={opening.authorOrganisation}
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
            onBehalfOf={e.onBehalfOf?.name ?? null}
            authorOrganisation={e.author?.organisation ?? null}
            at={e.createdAt}
            timeZone={timeZone}
            body={e.body}
            attachments={e.attachments}
            mine={e.author?.id === currentUserId}
            viaEmail={e.channel === 'email'}
            fromAddress={e.fromAddress}
            htmlBody={e.htmlBody}
            autoSubmitted={e.autoSubmitted}
            delivery={showDelivery ? e.delivery : null}
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
