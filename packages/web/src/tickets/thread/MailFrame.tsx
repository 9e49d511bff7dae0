import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconDots, IconPhotoOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/types';
import { splitQuoted } from './quotes';
import { buildSrcdoc } from './srcdoc';

/**
 * Renders message HTML in a sandboxed frame (no scripts, strict CSP), sized to its content.
 * Quoted history is collapsed behind a toggle and remote images wait for the agent's consent.
 * `allow-same-origin` without `allow-scripts` lets this page measure the frame's height and
 * load inline images with the agent's session, while nothing inside the frame can run.
 */
export function MailFrame({ html, attachments, title }: { html: string; attachments: readonly Attachment[]; title: string }) {
  const { t, i18n } = useTranslation();
  const [showImages, setShowImages] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [height, setHeight] = useState(24);
  const frame = useRef<HTMLIFrameElement>(null);
  const split = useMemo(() => splitQuoted(html), [html]);
  const doc = useMemo(
    () => buildSrcdoc({ html: expanded || !split.hasQuote ? html : split.main, attachments, allowRemoteImages: showImages, lang: i18n.language }),
    [html, split, expanded, attachments, showImages, i18n.language],
  );

  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);

  function onLoad() {
    const el = frame.current;
    const d = el?.contentDocument;
    if (!d?.documentElement) return;
    const measure = () => setHeight(Math.max(20, Math.ceil(d.documentElement.scrollHeight)));
    measure();
    d.addEventListener('load', measure, true);
    observer.current?.disconnect();
    if (typeof ResizeObserver !== 'undefined' && d.body) {
      observer.current = new ResizeObserver(measure);
      observer.current.observe(d.body);
    }
  }

  return (
    <div>
      {doc.blockedImages > 0 && (
        <Group gap={6} mb={4}>
          <IconPhotoOff size={14} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text size="xs" c="dimmed">{t('thread.imagesBlocked', { count: doc.blockedImages })}</Text>
          <Button variant="subtle" size="compact-xs" onClick={() => setShowImages(true)}>{t('thread.showImages')}</Button>
        </Group>
      )}
      <iframe
        ref={frame}
        title={title}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        srcDoc={doc.srcdoc}
        referrerPolicy="no-referrer"
        onLoad={onLoad}
        style={{ width: '100%', height, border: 0, display: 'block' }}
      />
      {split.hasQuote && (
        <Button
          variant="light"
          color="gray"
          size="compact-xs"
          mt={4}
          leftSection={<IconDots size={14} />}
          aria-expanded={expanded}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? t('thread.hideQuoted') : t('thread.showQuoted')}
        </Button>
      )}
    </div>
  );
}
