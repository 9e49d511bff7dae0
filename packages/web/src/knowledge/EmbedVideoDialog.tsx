import { useState, type FormEvent } from 'react';
import { Button, Divider, FileButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { videoEmbedUrl } from '@servus/shared';

export interface EmbedVideoDialogProps {
  opened: boolean;
  onClose(): void;
  /** The player address to embed (YouTube no-cookie or Vimeo). */
  onEmbed(src: string): void;
  onUpload(file: File): void | Promise<void>;
}

/** Embeds a video: a YouTube or Vimeo link, or an uploaded MP4/WebM file. Other sites are refused. */
export function EmbedVideoDialog({ opened, onClose, onEmbed, onUpload }: EmbedVideoDialogProps) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);

  function close() {
    setUrl('');
    setError(null);
    onClose();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const src = videoEmbedUrl(url);
    if (!src) return setError(t('kb.video.unsupported'));
    setUrl('');
    setError(null);
    onEmbed(src);
  }

  return (
    <Modal opened={opened} onClose={close} title={t('kb.video.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('kb.video.url')}
            description={t('kb.video.urlHint')}
            placeholder="https://www.youtube.com/watch?v=…"
            value={url}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button type="submit" disabled={!url.trim()}>{t('kb.video.embed')}</Button>
          </Group>
          <Divider label={t('kb.video.or')} labelPosition="center" />
          <Text size="sm" c="dimmed">{t('kb.video.uploadHint')}</Text>
          <FileButton accept="video/mp4,video/webm" onChange={(f) => f && void onUpload(f)}>
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconUpload size={14} />}>
                {t('kb.video.upload')}
              </Button>
            )}
          </FileButton>
        </Stack>
      </form>
    </Modal>
  );
}
