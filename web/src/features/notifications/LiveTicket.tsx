import { Alert } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { sendPresence, useMarkSeen, usePresence } from './notifications.api';

/** A heartbeat this often while a reply is being written; the server forgets it after 30 s. */
const HEARTBEAT_MS = 10_000;

function composerHasText(): boolean {
  const box = document.querySelector<HTMLTextAreaElement>('[data-testid="composer"] textarea');
  return !!box && box.value.trim() !== '';
}

/**
 * What the open ticket adds to the desk's live screens: it marks the ticket seen (on opening, and
 * again each time it changes while open), tells the others while this agent writes a reply
 * (heartbeats), and shows "X is replying" when someone else does (collision detection). The
 * composer is read from the page, not wired through it: the ticket page's parts stay as they are.
 */
export function LiveTicket({ ticketId, version }: { ticketId: string; version: string }) {
  const { t } = useTranslation();
  const presence = usePresence(ticketId);
  const { mutate: markSeen } = useMarkSeen();
  useEffect(() => markSeen(ticketId), [ticketId, version, markSeen]);

  const writing = useRef(false);
  useEffect(() => {
    const beat = (force = false) => {
      const now = composerHasText();
      if (now) void sendPresence(ticketId, true).catch(() => {});
      else if (writing.current || force) void sendPresence(ticketId, false).catch(() => {});
      writing.current = now;
    };
    const onInput = (e: Event) => {
      if (!(e.target as HTMLElement | null)?.closest?.('[data-testid="composer"]')) return;
      // The first keystroke tells the others at once; the timer keeps it alive.
      if (!writing.current && composerHasText()) beat();
      else if (writing.current && !composerHasText()) beat();
    };
    document.addEventListener('input', onInput);
    const timer = setInterval(() => beat(), HEARTBEAT_MS);
    return () => {
      document.removeEventListener('input', onInput);
      clearInterval(timer);
      if (writing.current) void sendPresence(ticketId, false).catch(() => {});
      writing.current = false;
    };
  }, [ticketId]);

  const others = presence.data?.replying ?? [];
  if (others.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconPencil size={18} />} data-testid="collision-banner" role="status">
      {t('notifications.replying', { count: others.length, names: others.map((o) => o.name).join(', ') })}
    </Alert>
  );
}
