import { Link } from 'react-router';
import { Anchor, Badge, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '@servus/shared';
import { useSession } from '../auth/session';
import { CopyableCode } from '../components/CopyableCode';
import { KB_LOCALES, type KbLocale } from './api';
import { ArticlePreview } from './ArticlePreview';

/** An article as agents who do not edit see it: both languages, and the public link when it is published. */
export function ArticleReadView({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const { agent } = useSession();
  const present = KB_LOCALES.filter((l) => article.translations[l]);
  const first: KbLocale = present.includes((agent.locale ?? 'de') as KbLocale) ? ((agent.locale ?? 'de') as KbLocale) : present[0]!;
  return (
    <Stack p="md" gap="md" maw={960} mx="auto">
      <Group gap="xs">
        <Anchor component={Link} to={`/knowledge?section=${article.sectionId}`} aria-label={t('kb.backToList')}>
          <IconArrowLeft size={18} />
        </Anchor>
        <Title order={2} size="h3">{article.translations[first]?.title}</Title>
        <Badge variant="light" color={article.status === 'published' ? 'teal' : 'violet'}>{t(`kb.status.${article.status}`)}</Badge>
      </Group>
      <Paper withBorder p="md">
        <Tabs defaultValue={first}>
          <Tabs.List mb="md">
            {present.map((l) => (
              <Tabs.Tab key={l} value={l}>{t(`kb.locale.${l}`)}</Tabs.Tab>
            ))}
          </Tabs.List>
          {present.map((l) => {
            const tr = article.translations[l]!;
            return (
              <Tabs.Panel key={l} value={l}>
                <Stack gap="sm">
                  {tr.summary && <Text c="dimmed">{tr.summary}</Text>}
                  {article.status === 'published' ? (
                    <Group gap="xs">
                      <CopyableCode value={`${window.location.origin}${tr.url}`} copyLabel={t('kb.copyLink')} />
                      <Anchor href={tr.url} target="_blank" rel="noopener noreferrer" size="sm">
                        <Group gap={4}><IconExternalLink size={14} />{t('kb.openPublic')}</Group>
                      </Anchor>
                    </Group>
                  ) : (
                    <Text size="sm" c="violet">{t('kb.statusHint.internal')}</Text>
                  )}
                  <ArticlePreview html={tr.bodyHtml} title={tr.title} height={560} />
                </Stack>
              </Tabs.Panel>
            );
          })}
        </Tabs>
      </Paper>
    </Stack>
  );
}
