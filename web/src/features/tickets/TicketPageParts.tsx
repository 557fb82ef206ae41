import { Alert, Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../../api/types';
import { useCurrentUser } from '../auth';
import { ErrorState, isNotFound, NotFound, PageLoader, usePageTitle } from '../common';
import { StatusBadge } from './badges';
import { Composer, type ComposerKind } from './Composer';
import { Conversation } from './Conversation';
import { useEntries, useTicket } from './tickets.api';

/**
 * The parts the desk's ticket page and the portal's share: loading the ticket (with its title,
 * not-found and error states), the header, the merged banner and the conversation with its
 * composer. Each page adds what its people need around them.
 */
export function useTicketPage(id: string) {
  const ticket = useTicket(id);
  usePageTitle(ticket.data ? `${ticket.data.number} · ${ticket.data.subject}` : undefined);
  const entries = useEntries(id, ticket.isSuccess);
  return { ticket, entries };
}

/** What to show while the ticket is not there: a loader, "not found" (with the way home), or the error. */
export function TicketPageState({ query, homeTo }: { query: ReturnType<typeof useTicket>; homeTo: string }) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return isNotFound(query.error) ? <NotFound homeTo={homeTo} /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}

export function TicketHeader({
  ticket,
  backTo,
  backLabel,
  badges,
  afterBrand,
  children,
}: {
  ticket: Ticket;
  backTo: string;
  backLabel: string;
  /** Shown after the status (the desk's priority). */
  badges?: ReactNode;
  /** Shown after the brand's name (the desk's channel). */
  afterBrand?: ReactNode;
  /** Below the subject. */
  children?: ReactNode;
}) {
  return (
    <>
      <Breadcrumbs separator="›">
        <Anchor component={Link} to={backTo} size="sm">
          {backLabel}
        </Anchor>
        <Text size="sm" ff="monospace">
          {ticket.number}
        </Text>
      </Breadcrumbs>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="xs">
          <Group gap="sm">
            <Badge size="lg" variant="default" radius="sm" ff="monospace" tt="none" data-testid="ticket-number">
              {ticket.number}
            </Badge>
            <StatusBadge status={ticket.status} size="lg" />
            {badges}
            <Text size="sm" c="dimmed">
              {ticket.brandName}
            </Text>
            {afterBrand}
          </Group>
          <Title order={1} size="h2" data-testid="ticket-subject" style={{ overflowWrap: 'anywhere' }}>
            {ticket.subject}
          </Title>
          {children}
        </Stack>
      </Paper>
    </>
  );
}

/** "Merged into …", linking to the ticket that goes on, on this side of the app. */
export function MergedBanner({ ticket, basePath, icon }: { ticket: Ticket; basePath: string; icon?: ReactNode }) {
  const { t } = useTranslation();
  if (!ticket.mergedInto) return null;
  return (
    <Alert color="orange" variant="light" icon={icon} data-testid="merged-banner">
      {t('merge.mergedInto')}{' '}
      <Anchor component={Link} to={`${basePath}/${ticket.mergedInto.id}`} ff="monospace" fw={600}>
        {ticket.mergedInto.number}
      </Anchor>
    </Alert>
  );
}

/** The conversation, opened by the ticket's description, and the composer (not on a merged ticket). */
export function TicketThread({
  ticket,
  entries,
  kinds,
  showDelivery = false,
  portal = false,
  hint,
  composerRequest,
}: {
  ticket: Ticket;
  entries: ReturnType<typeof useEntries>;
  kinds: readonly ComposerKind[];
  /** The desk sees how each reply was delivered. */
  showDelivery?: boolean;
  /** In the portal, the opening message is the reader's own when they asked. */
  portal?: boolean;
  hint?: string;
  /** A keyboard shortcut's ask for the composer (reply, note). */
  composerRequest?: { kind: ComposerKind; n: number } | undefined;
}) {
  const user = useCurrentUser();
  return (
    <Stack gap="md">
      {entries.isPending ? (
        <PageLoader />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <Conversation
          entries={entries.data}
          timeZone={ticket.timeZone}
          currentUserId={user.id}
          showDelivery={showDelivery}
          opening={{
            // A reseller's (or an agent's) words are not the customer's own (issue 14, item 5).
            author: ticket.openedBy?.name ?? ticket.requester.name,
            onBehalfOf: ticket.openedBy ? ticket.requester.name : null,
            authorOrganisation: ticket.openedBy?.organisation ?? null,
            at: ticket.createdAt,
            body: ticket.description,
            attachments: ticket.attachments ?? [],
            mine: portal && (ticket.openedBy?.id ?? ticket.requester.id) === user.id,
          }}
        />
      )}
      {!ticket.mergedInto && (
        <Composer
          ticketId={ticket.id}
          kinds={kinds}
          hint={hint}
          request={composerRequest}
          // Replying and setting the status in one step (issue 14, item 3): never on a closed case.
          statusActions={kinds.includes('agent_reply') && ticket.status !== 'closed' && ticket.status !== 'resolved'}
        />
      )}
    </Stack>
  );
}
