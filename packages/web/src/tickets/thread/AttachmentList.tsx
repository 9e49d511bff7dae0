import { useState } from 'react';
import { Anchor, Group, Image, Modal, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/types';
import { useFormat } from '../../auth/session';
import { INLINE_IMAGE_TYPES } from './cid';

/** A message's attachments: images preview in a dialog, everything downloads. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [preview, setPreview] = useState<Attachment | null>(null);
  if (attachments.length === 0) return null;
  return (
    <Group gap={6} mt={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('thread.attachments')}>
      {attachments.map((a) => {
        const image = INLINE_IMAGE_TYPES.test(a.contentType);
        return (
          <Paper key={a.id} component="li" withBorder px={6} py={2} radius="sm">
            <Group gap={6} wrap="nowrap">
              {image ? (
                <UnstyledButton onClick={() => setPreview(a)} aria-label={t('thread.preview', { name: a.filename })}>
                  <Image src={a.url} alt="" w={28} h={28} fit="cover" radius={2} />
                </UnstyledButton>
              ) : (
                <IconPaperclip size={14} aria-hidden />
              )}
              <Text size="xs" maw={220} truncate title={a.filename}>{a.filename}</Text>
              <Text size="xs" c="dimmed">{format.bytes(a.size)}</Text>
              <Anchor href={a.url} download={a.filename} aria-label={t('thread.download', { name: a.filename })} style={{ display: 'inline-flex' }}>
                <IconDownload size={14} />
              </Anchor>
            </Group>
          </Paper>
        );
      })}
      <Modal opened={!!preview} onClose={() => setPreview(null)} title={preview?.filename} size="auto" centered>
        {preview && <Image src={preview.url} alt={preview.filename} mah="75vh" maw="85vw" fit="contain" />}
      </Modal>
    </Group>
  );
}
