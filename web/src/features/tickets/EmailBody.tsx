import { Box, Button, Group } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconFileText, IconMail } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emailDocument } from './email-html';

/** Taller mails are shown folded to this height until the reader asks for the rest. */
const FOLDED_HEIGHT = 560;

/**
 * The HTML of a mail in a sandboxed frame. The sandbox has no `allow-scripts`: nothing in the
 * mail can run, whatever got through the server's sanitiser, and the frame's own CSP forbids
 * scripts and remote loads again. It keeps `allow-same-origin` so that this page can measure the
 * mail to size the frame (which cannot be done from outside an opaque origin without a script
 * inside it) and so that inline images, which are session-protected attachments, load.
 */
export function EmailHtmlFrame({ html, title }: { html: string; title: string }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(80);
  const [expanded, setExpanded] = useState(false);
  const doc = useMemo(() => emailDocument(html), [html]);

  const measure = useCallback(() => {
    const d = frame.current?.contentDocument;
    if (!d?.documentElement) return;
    const root = d.documentElement;
    const h = Math.max(root.scrollHeight, d.body?.scrollHeight ?? 0);
    // A mail wider than the frame scrolls sideways: leave room for that scrollbar.
    const scrollbar = root.scrollWidth > root.clientWidth ? 18 : 0;
    if (h > 0) setHeight(h + scrollbar + 2);
  }, []);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    let observer: ResizeObserver | undefined;
    const onLoad = () => {
      measure();
      observer?.disconnect();
      const body = el.contentDocument?.body;
      if (body && typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(measure);
        observer.observe(body);
      }
      // Images without dimensions grow the mail when they arrive.
      for (const img of Array.from(el.contentDocument?.images ?? [])) img.addEventListener('load', measure);
    };
    el.addEventListener('load', onLoad);
    if (el.contentDocument?.readyState === 'complete') onLoad();
    return () => {
      el.removeEventListener('load', onLoad);
      observer?.disconnect();
    };
  }, [doc, measure]);

  const foldable = height > FOLDED_HEIGHT + 80;
  const shown = foldable && !expanded ? FOLDED_HEIGHT : height;
  return (
    <Box>
      <Box pos="relative" style={{ overflow: 'hidden', height: shown }}>
        <iframe
          ref={frame}
          title={title}
          sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
          srcDoc={doc}
          referrerPolicy="no-referrer"
          data-testid="entry-html"
          style={{ width: '100%', height, border: 0, display: 'block', colorScheme: 'light' }}
        />
        {foldable && !expanded && (
          <Box
            pos="absolute"
            left={0}
            right={0}
            bottom={0}
            h={64}
            style={{ background: 'linear-gradient(to bottom, transparent, var(--entry-bg, var(--mantine-color-body)))', pointerEvents: 'none' }}
          />
        )}
      </Box>
      {foldable && (
        <Button
          variant="subtle"
          size="compact-xs"
          mt={4}
          onClick={() => setExpanded((v) => !v)}
          leftSection={expanded ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          data-testid="entry-html-expand"
        >
          {expanded ? t('email.fold') : t('email.unfold')}
        </Button>
      )}
    </Box>
  );
}

/**
 * A mail entry: its HTML (prepared by prepareEmailHtml) when it has one, with a switch to the
 * plain text the server extracted (the caller keeps the switch: the attachments list depends on it).
 */
export function EmailBody({
  html,
  text,
  title,
  asText,
  onToggle,
}: {
  html: string;
  text: ReactNode | null;
  title: string;
  asText: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Box>
      {asText && text ? text : <EmailHtmlFrame html={html} title={title} />}
      {text && (
        <Group justify="flex-end" mt={4}>
          <Button
            variant="subtle"
            color="gray"
            size="compact-xs"
            onClick={onToggle}
            leftSection={asText ? <IconMail size={14} /> : <IconFileText size={14} />}
            data-testid="entry-html-toggle"
          >
            {asText ? t('email.showHtml') : t('email.showText')}
          </Button>
        </Group>
      )}
    </Box>
  );
}
