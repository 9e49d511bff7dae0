import { useState } from 'react';
import { Badge, Button, Drawer, Group, Loader, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { useKbVersion, useKbVersions, type KbLocale } from './api';
import { ArticlePreview } from './ArticlePreview';

export interface VersionsDrawerProps {
  opened: boolean;
  onClose(): void;
  articleId: string;
  locale: KbLocale;
  /** The version currently saved; restoring starts from it. */
  currentVersion: number;
  canRestore: boolean;
  onRestore(version: number): Promise<void>;
}

/** Every saved version of one language, newest first: view one, bring it back as a new version. */
export function VersionsDrawer({ opened, onClose, articleId, locale, currentVersion, canRestore, onRestore }: VersionsDrawerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useKbVersions(articleId, locale, opened);
  const [selected, setSelected] = useState<number | null>(null);
  const [restoring, setRestoring] = useState(false);
  const shown = useKbVersion(articleId, locale, opened ? selected : null);
  const list = versions.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={t('kb.versions.title', { locale: locale.toUpperCase() })}>
      {versions.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {versions.error && <ErrorState compact error={versions.error} onRetry={() => void versions.refetch()} />}
      {!versions.isPending && list.length === 0 && !versions.error && <Text c="dimmed" size="sm">{t('kb.versions.none')}</Text>}
      <Stack gap="md">
        <ScrollArea.Autosize mah={260} type="auto">
          <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('kb.versions.list')}>
            {list.map((v) => (
              <li key={v.version}>
                <UnstyledButton onClick={() => setSelected(v.version)} w="100%" p={6} aria-current={selected === v.version || undefined} style={{ borderRadius: 4, background: selected === v.version ? 'var(--mantine-color-blue-light)' : undefined }}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600}>v{v.version}</Text>
                      <Badge size="xs" variant="light" color="gray">{t(`kb.status.${v.status}`)}</Badge>
                      {v.version === currentVersion && <Badge size="xs" variant="light">{t('kb.versions.current')}</Badge>}
                      {v.restoredFrom !== null && <Text size="xs" c="dimmed">{t('kb.versions.restoredFrom', { version: v.restoredFrom })}</Text>}
                    </Group>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {v.authorName ?? t('kb.versions.unknownAuthor')} · {format.dateTime(v.createdAt)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" truncate>{v.title}</Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
          {versions.hasNextPage && (
            <Button variant="subtle" size="xs" mt={4} loading={versions.isFetchingNextPage} onClick={() => void versions.fetchNextPage()}>
              {t('kb.versions.older')}
            </Button>
          )}
        </ScrollArea.Autosize>
        {selected !== null && (
          <Stack gap="xs">
            {shown.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
            {shown.error && <ErrorState compact error={shown.error} />}
            {shown.data && (
              <>
                <Group justify="space-between">
                  <Text fw={600}>{shown.data.title}</Text>
                  {canRestore && selected !== currentVersion && (
                    <Button
                      size="xs"
                      leftSection={<IconArrowBackUp size={14} />}
                      loading={restoring}
                      onClick={async () => {
                        setRestoring(true);
                        try {
                          await onRestore(selected);
                          setSelected(null);
                        } finally {
                          setRestoring(false);
                        }
                      }}
                    >
                      {t('kb.versions.restore', { version: selected })}
                    </Button>
                  )}
                </Group>
                {shown.data.summary && <Text size="sm" c="dimmed">{shown.data.summary}</Text>}
                <ArticlePreview html={shown.data.bodyHtml} title={t('kb.versions.preview', { version: selected })} height={360} />
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}
