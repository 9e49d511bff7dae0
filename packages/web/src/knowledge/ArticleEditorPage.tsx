import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCopy, IconDeviceFloppy, IconHistory, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KbArticle, KbLocalizedText } from '@servus/shared';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorState } from '../components/ErrorState';
import { NotFound } from '../components/NotFound';
import { PageLoader } from '../components/PageLoader';
import { toast } from '../lib/toast';
import { useShortcuts } from '../shortcuts/ShortcutsProvider';
import { KB_LOCALES, kbApi, kbKeys, useIsKbEditor, useKbArticle, useKbTree, type KbLocale } from './api';
import { copyFromSource, draftFromArticle, emptyLocale, isDirty, newDraft, validateLocale, type ArticleDraft } from './editor-state';
import { saveArticle, SaveError } from './save-article';
import { LocaleFields } from './LocaleFields';
import { ArticleSettings } from './ArticleSettings';
import { VersionsDrawer } from './VersionsDrawer';
import { ArticleReadView } from './ArticleReadView';
import { useUnsavedGuard } from './useUnsavedGuard';

type LocaleErrors = Partial<Record<KbLocale, Record<string, string>>>;

/** Server refusals of one language's fields, by field name. */
function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as { path?: string; message?: string }[]) {
    const field = d.path?.split('.')[1];
    if (field && d.message) out[field] = err.code === 'conflict' ? err.message : d.message;
  }
  return out;
}

/** `/knowledge/articles/new` and `/knowledge/articles/:articleId`: editors edit, everyone else reads. */
export function ArticleEditorPage() {
  const { articleId } = useParams();
  const editor = useIsKbEditor();
  const article = useKbArticle(articleId);
  if (!articleId) return editor ? <ArticleEditor key="new" article={null} /> : <NotFound />;
  if (article.isPending) return <PageLoader />;
  if (article.error) return article.error instanceof ApiError && article.error.status === 404 ? <NotFound /> : <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  return article.data.editable ? <ArticleEditor key={articleId} article={article.data} /> : <ArticleReadView article={article.data} />;
}

function ArticleEditor({ article }: { article: KbArticle | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const tree = useKbTree();
  const start = useMemo(
    () => (article ? draftFromArticle(article) : newDraft(params.get('section') ?? '', params.get('locale') === 'en' ? 'en' : 'de')),
    [article, params],
  );
  const [initial, setInitial] = useState<ArticleDraft>(start);
  const [draft, setDraft] = useState<ArticleDraft>(start);
  const [loaded, setLoaded] = useState(0);
  const [active, setActive] = useState<KbLocale>(start.sourceLocale);
  const [errors, setErrors] = useState<LocaleErrors>({});
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const dirty = isDirty(initial, draft);
  useUnsavedGuard(dirty, t('kb.editor.leaveQuestion'));

  const relatedTitles = useMemo<Record<string, KbLocalizedText>>(() => Object.fromEntries((article?.related ?? []).map((r) => [r.id, r.titles])), [article]);
  const other: KbLocale = active === 'de' ? 'en' : 'de';

  function load(a: KbArticle) {
    const next = draftFromArticle(a);
    setInitial(next);
    setDraft(next);
    setLoaded((n) => n + 1);
    setErrors({});
    setConflict(false);
  }

  async function reload(id: string) {
    load(await client.fetchQuery({ queryKey: kbKeys.article(id), queryFn: () => api<KbArticle>(`/api/v1/kb/articles/${id}`), staleTime: 0 }));
  }

  /** Replaces a language's text from outside the editor (copy, new translation): the body editor reloads it. */
  function replaceText(update: (d: ArticleDraft) => ArticleDraft) {
    setDraft(update);
    setLoaded((n) => n + 1);
  }

  async function save() {
    if (saving || !dirty) return;
    if (!draft.shared.sectionId) return toast.error(new Error(t('kb.editor.errors.sectionRequired')));
    const invalid: LocaleErrors = {};
    for (const locale of KB_LOCALES) {
      const d = draft.locales[locale];
      const e = d && (locale === draft.sourceLocale || d.title.trim() || d.bodyHtml) ? validateLocale(d) : {};
      if (Object.keys(e).length) invalid[locale] = e;
    }
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      setActive(invalid[active] ? active : (Object.keys(invalid)[0] as KbLocale));
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      const { id } = await saveArticle(initial, draft, article?.id ?? null);
      await client.invalidateQueries({ queryKey: kbKeys.all });
      toast.success(t('kb.editor.saved'));
      if (!article) navigate(`/knowledge/articles/${id}`, { replace: true });
      else await reload(id);
    } catch (err) {
      const cause = err instanceof SaveError ? err.cause : err;
      const locale = err instanceof SaveError && err.step.kind === 'translation' ? err.step.locale : draft.sourceLocale;
      if (cause instanceof ApiError && cause.code === 'version_conflict') setConflict(true);
      else if (cause instanceof ApiError && Object.keys(fieldErrors(cause)).length) {
        setErrors({ [locale]: fieldErrors(cause) });
        setActive(locale);
      } else toast.error(cause);
      // The article exists although a later step failed: continue on its page.
      if (!article && err instanceof SaveError && err.articleId) navigate(`/knowledge/articles/${err.articleId}`, { replace: true });
    } finally {
      setSaving(false);
    }
  }

  useShortcuts([{ combo: 'mod+s', allowInInputs: true, handler: () => void save() }]);

  async function restore(version: number) {
    if (!article) return;
    if (dirty && !window.confirm(t('kb.versions.restoreDiscards'))) return;
    try {
      await kbApi.restore(article.id, active, version, article.translations[active]?.version ?? 0);
      await client.invalidateQueries({ queryKey: kbKeys.all });
      toast.success(t('kb.versions.restored', { version }));
      setVersionsOpen(false);
      await reload(article.id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') setConflict(true);
      else toast.error(err);
    }
  }

  async function remove() {
    if (!article) return;
    try {
      await kbApi.deleteArticle(article.id);
      setInitial(draft);
      await client.invalidateQueries({ queryKey: kbKeys.all });
      toast.success(t('kb.editor.deleted'));
      navigate(`/knowledge?section=${article.sectionId}`);
    } catch (err) {
      toast.error(err);
    }
  }

  useEffect(() => {
    if (tree.data && !draft.shared.sectionId) {
      const first = tree.data.flatMap((c) => c.sections)[0];
      if (first) setDraft((d) => ({ ...d, shared: { ...d.shared, sectionId: first.id } }));
    }
  }, [tree.data, draft.shared.sectionId]);

  const current = draft.locales[active];
  const saved = article?.translations[active];
  const title = draft.locales[draft.sourceLocale]?.title || t('kb.editor.untitled');

  return (
    <Stack p="md" gap="md" maw={1280} mx="auto">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/knowledge${draft.shared.sectionId ? `?section=${draft.shared.sectionId}` : ''}`} aria-label={t('kb.backToList')}>
            <IconArrowLeft size={18} />
          </Anchor>
          <Title order={2} size="h3" lineClamp={1}>{article ? title : t('kb.editor.newArticle')}</Title>
          {article && <Badge variant="light" color={article.status === 'published' ? 'teal' : article.status === 'internal' ? 'violet' : 'gray'}>{t(`kb.status.${article.status}`)}</Badge>}
          {dirty && <Text size="sm" c="dimmed">{t('kb.editor.unsaved')}</Text>}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {article && (
            <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setVersionsOpen(true)}>
              {t('kb.versions.button')}
            </Button>
          )}
          {article && (
            <ConfirmButton variant="subtle" color="red" leftSection={<IconTrash size={16} />} question={t('kb.editor.deleteQuestion')} confirmLabel={t('kb.editor.delete')} onConfirm={() => void remove()}>
              {t('kb.editor.delete')}
            </ConfirmButton>
          )}
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} loading={saving} disabled={!dirty} title={t('kb.editor.saveHint')}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>

      {conflict && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" title={t('kb.editor.conflictTitle')}>
          <Group justify="space-between">
            <Text size="sm">{t('kb.editor.conflict')}</Text>
            {article && <Button size="xs" variant="white" color="orange" onClick={() => void reload(article.id)}>{t('kb.editor.reload')}</Button>}
          </Group>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md">
            <Tabs value={active} onChange={(v) => v && setActive(v as KbLocale)} keepMounted={false}>
              <Tabs.List mb="md">
                {KB_LOCALES.map((locale) => (
                  <Tabs.Tab
                    key={locale}
                    value={locale}
                    rightSection={
                      <Group gap={4}>
                        {locale === draft.sourceLocale && <Badge size="xs" variant="light" color="gray">{t('kb.editor.source')}</Badge>}
                        {article?.translations[locale]?.outdated && <Badge size="xs" color="orange" variant="light">{t('kb.editor.outdated')}</Badge>}
                        {errors[locale] && <Badge size="xs" color="red" variant="light">!</Badge>}
                      </Group>
                    }
                  >
                    {t(`kb.locale.${locale}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {current ? (
                <Stack gap="sm">
                  {saved?.outdated && (
                    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />}>
                      {t('kb.editor.outdatedHint', { source: t(`kb.locale.${draft.sourceLocale}`) })}
                    </Alert>
                  )}
                  {active !== draft.sourceLocale && draft.locales[draft.sourceLocale] && (
                    <Group justify="flex-end">
                      <Button size="xs" variant="subtle" leftSection={<IconCopy size={14} />} onClick={() => replaceText((d) => copyFromSource(d, active))}>
                        {t('kb.editor.copyFromSource', { source: t(`kb.locale.${draft.sourceLocale}`) })}
                      </Button>
                    </Group>
                  )}
                  <LocaleFields
                    locale={active}
                    draft={current}
                    onChange={(next) => setDraft((d) => ({ ...d, locales: { ...d.locales, [active]: next } }))}
                    docKey={`${article?.id ?? 'new'}:${loaded}`}
                    errors={errors[active] ?? {}}
                    onSave={() => void save()}
                  />
                </Stack>
              ) : (
                <Stack align="center" gap="sm" py="xl">
                  <Text c="dimmed">{t('kb.editor.noTranslation', { lang: t(`kb.locale.${active}`) })}</Text>
                  <Group>
                    <Button leftSection={<IconPlus size={14} />} onClick={() => replaceText((d) => ({ ...d, locales: { ...d.locales, [active]: emptyLocale() } }))}>
                      {t('kb.editor.addTranslation', { lang: t(`kb.locale.${active}`) })}
                    </Button>
                    {draft.locales[other] && (
                      <Button variant="light" leftSection={<IconCopy size={14} />} onClick={() => replaceText((d) => copyFromSource({ ...d, locales: { ...d.locales, [active]: emptyLocale() } }, active))}>
                        {t('kb.editor.copyFromSource', { source: t(`kb.locale.${draft.sourceLocale}`) })}
                      </Button>
                    )}
                  </Group>
                </Stack>
              )}
            </Tabs>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            {tree.error ? (
              <ErrorState compact error={tree.error} onRetry={() => void tree.refetch()} />
            ) : (
              <ArticleSettings articleId={article?.id ?? null} shared={draft.shared} onChange={(shared) => setDraft((d) => ({ ...d, shared }))} tree={tree.data ?? []} relatedTitles={relatedTitles} locale={active} />
            )}
          </Paper>
          {article && saved && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('kb.editor.versionInfo', { version: saved.version, views: saved.viewCount, yes: saved.helpfulYes, no: saved.helpfulNo })}
            </Text>
          )}
        </Grid.Col>
      </Grid>

      {article && (
        <VersionsDrawer
          opened={versionsOpen}
          onClose={() => setVersionsOpen(false)}
          articleId={article.id}
          locale={active}
          currentVersion={article.translations[active]?.version ?? 0}
          canRestore
          onRestore={restore}
        />
      )}
    </Stack>
  );
}
