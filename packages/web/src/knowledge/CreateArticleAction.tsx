import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ActionIcon, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconBookUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useOptionalSession } from '../auth/session';
import { FormAlert } from '../components/FormAlert';
import { errorMessage } from '../lib/toast';
import { kbApi, kbKeys, useKbTree, type KbLocale } from './api';
import { articleTitle } from './RelatedPicker';

/** Whether the signed-in agent may write the knowledge base; false where there is no session (e.g. a thread shown alone). */
function useEditorIfSignedIn(): boolean {
  const a = useOptionalSession()?.agent;
  return !!a && (a.role === 'admin' || (a.role === 'agent' && a.kbEditor === true));
}

function CreateDialog({ messageId, onClose }: { messageId: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const tree = useKbTree();
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [locale, setLocale] = useState<KbLocale>(i18n.language === 'en' ? 'en' : 'de');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sections = (tree.data ?? []).map((c) => ({ group: articleTitle(c.names, locale), items: c.sections.map((s) => ({ value: s.id, label: articleTitle(s.names, locale) })) }));

  async function create() {
    if (!sectionId) return setError(t('kb.fromMessage.sectionRequired'));
    setBusy(true);
    setError(null);
    try {
      const a = await kbApi.fromMessage({ messageId, sectionId, locale });
      await client.invalidateQueries({ queryKey: kbKeys.all });
      navigate(`/knowledge/articles/${a.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('kb.fromMessage.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('kb.fromMessage.hint')}</Text>
        <FormAlert message={error} />
        <Select
          label={t('kb.editor.section')}
          data={sections}
          value={sectionId}
          onChange={setSectionId}
          searchable
          placeholder={tree.isPending ? t('common.loading') : undefined}
          nothingFoundMessage={t('kb.tree.noSections')}
          data-autofocus
        />
        <SegmentedControl aria-label={t('kb.link.language')} value={locale} onChange={(v) => setLocale(v as KbLocale)} data={[{ value: 'de', label: t('kb.locale.de') }, { value: 'en', label: t('kb.locale.en') }]} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void create()} loading={busy}>{t('kb.fromMessage.create')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** On a reply or note in the thread: turns it into a draft article (editors only). */
export function CreateArticleAction({ messageId }: { messageId: string }) {
  const { t } = useTranslation();
  const editor = useEditorIfSignedIn();
  const [open, setOpen] = useState(false);
  if (!editor) return null;
  return (
    <>
      <Tooltip label={t('kb.fromMessage.action')}>
        <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => setOpen(true)} aria-label={t('kb.fromMessage.action')}>
          <IconBookUpload size={14} />
        </ActionIcon>
      </Tooltip>
      {open && <CreateDialog messageId={messageId} onClose={() => setOpen(false)} />}
    </>
  );
}
