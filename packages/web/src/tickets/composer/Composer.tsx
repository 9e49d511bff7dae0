import { useEffect, useImperativeHandle, useRef, useState, type DragEvent, type Ref } from 'react';
import { Alert, Button, CloseButton, FileButton, Group, Menu, Paper, SegmentedControl, Text } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import '@mantine/tiptap/styles.css';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Placeholder from '@tiptap/extension-placeholder';
import { IconAlertTriangle, IconBolt, IconChevronDown, IconLoader2, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOptionalRealtime } from '../../realtime/RealtimeProvider';
import { useFormat } from '../../auth/session';
import { errorMessage, toast } from '../../lib/toast';
import type { TicketStatus } from '../../api/types';
import { uploadAttachment, type PendingFile } from './attachments';
import { loadDraft, saveDraft } from './drafts';
import { useSendMessage } from './useSendMessage';
import { useEditorLabels } from './editor-labels';
import { useShortcuts } from '../../shortcuts/ShortcutsProvider';
import { MacroPicker } from '../../macros/MacroPicker';
import { useComposerMacros } from '../../macros/useComposerMacros';
import { ArticleLinkButton } from '../../knowledge/ArticleLinkButton';
import classes from './Composer.module.css';

export type ComposerMode = 'public' | 'note';
const SUBMIT_STATUSES: Exclude<TicketStatus, 'new' | 'closed'>[] = ['open', 'pending', 'on_hold', 'solved'];

/** What the ticket page can ask of the composer (keyboard shortcuts r and n). */
export interface ComposerHandle {
  focus(mode: ComposerMode): void;
}

export interface ComposerProps {
  ticketId: string;
  /** The ticket version the agent has reviewed; sent so the server can refuse stale replies. */
  version: number;
  onVersionChange(version: number): void;
  disabled?: boolean;
  ref?: Ref<ComposerHandle>;
}

/**
 * Writes public replies and internal notes: rich text, attachments by button or drag and drop,
 * and "send and set status". A version conflict keeps the draft, reloads the thread and asks the
 * agent to review before sending again.
 */
export function Composer({ ticketId, version, onVersionChange, disabled, ref }: ComposerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const realtime = useOptionalRealtime();
  const labels = useEditorLabels();
  const initial = useRef(loadDraft(ticketId));
  const [mode, setMode] = useState<ComposerMode>(initial.current?.mode ?? 'public');
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const [isEmpty, setIsEmpty] = useState(!initial.current?.html);
  const { send, sending, conflict, dismissConflict } = useSendMessage(ticketId, version, onVersionChange);
  const submitRef = useRef<(status?: Exclude<TicketStatus, 'new'>) => void>(() => undefined);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const macroKeyRef = useRef<ReturnType<typeof useComposerMacros>['handleKey']>(() => false);

  const setTyping = (typing: boolean) => {
    realtime?.client?.setTyping(ticketId, typing);
    // On a live chat, the visitor sees the agent typing a reply (never a note).
    realtime?.client?.chatTyping(ticketId, typing && modeRef.current === 'public');
    if (typingTimer.current) clearTimeout(typingTimer.current);
    if (typing) typingTimer.current = setTimeout(() => realtime?.client?.setTyping(ticketId, false), 4000);
  };

  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: true } }), Placeholder.configure({ placeholder: () => (modeRef.current === 'note' ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')) })],
    content: initial.current?.html ?? '',
    editable: !disabled,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { 'aria-label': t('composer.editorLabel'), role: 'textbox', 'aria-multiline': 'true' },
      handleKeyDown: (view, event) => {
        if (macroKeyRef.current(view, event)) return true;
        if ((event.metaKey || event.ctrlKey) && event.key === 'Enter') {
          event.preventDefault();
          submitRef.current();
          return true;
        }
        if (event.key === 'Escape') {
          (view.dom as HTMLElement).blur();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => {
      setIsEmpty(e.isEmpty);
      saveDraft(ticketId, { html: e.getHTML(), mode: modeRef.current });
      setTyping(!e.isEmpty);
    },
    onBlur: () => setTyping(false),
  });

  const macros = useComposerMacros({ ticketId, version, onVersionChange, editor });
  macroKeyRef.current = macros.handleKey;
  useShortcuts([{ combo: 'mod+shift+m', allowInInputs: true, handler: () => !disabled && macros.open(false) }]);

  useEffect(() => () => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    realtime?.client?.setTyping(ticketId, false);
  }, [realtime, ticketId]);

  useImperativeHandle(ref, () => ({
    focus(next) {
      setMode(next);
      editor?.commands.focus('end');
    },
  }), [editor]);

  function addFiles(list: FileList | File[] | null) {
    for (const file of Array.from(list ?? [])) {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      setFiles((prev) => [...prev, { key, name: file.name, size: file.size, status: 'uploading' }]);
      uploadAttachment(file).then(
        (attachment) => setFiles((prev) => prev.map((f) => (f.key === key ? { ...f, status: 'ready', attachment } : f))),
        (err) => setFiles((prev) => prev.map((f) => (f.key === key ? { ...f, status: 'failed', error: errorMessage(err) } : f))),
      );
    }
  }

  const uploading = files.some((f) => f.status === 'uploading');
  const ready = files.filter((f) => f.status === 'ready' && f.attachment);
  const canSend = !!editor && !disabled && !sending && !uploading && (!isEmpty || ready.length > 0);

  async function submit(status?: Exclude<TicketStatus, 'new'>) {
    if (!editor || !canSend) return;
    const outcome = await send({ kind: mode, html: editor.isEmpty ? '' : editor.getHTML(), attachmentIds: ready.map((f) => f.attachment!.id), status });
    if (outcome.ok) {
      editor.commands.clearContent(true);
      setFiles([]);
      saveDraft(ticketId, null);
      setTyping(false);
      toast.success(mode === 'note' ? t('composer.noteAdded') : status ? t('composer.sentWithStatus', { status: t(`status.${status}`) }) : t('composer.sent'));
    } else if (outcome.conflict) {
      requestAnimationFrame(() => document.querySelector('[data-new]')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
    } else {
      toast.error(outcome.error);
    }
  }
  submitRef.current = (status) => void submit(status);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    if (!disabled) addFiles(e.dataTransfer.files);
  }

  return (
    <Paper
      component="section"
      radius={0}
      className={classes.composer}
      data-mode={mode}
      data-dragging={dragging || undefined}
      aria-label={t('composer.label')}
      onDragOver={(e: DragEvent) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {conflict && (
        <Alert color="orange" variant="light" mb="xs" icon={<IconAlertTriangle size={16} />} role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={dismissConflict}>
          {t('errors.versionConflict')}
        </Alert>
      )}
      <Group justify="space-between" mb={6}>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => {
            setMode(v as ComposerMode);
            saveDraft(ticketId, editor ? { html: editor.getHTML(), mode: v as ComposerMode } : null);
          }}
          aria-label={t('composer.mode')}
          data={[
            { value: 'public', label: t('composer.publicReply') },
            { value: 'note', label: t('composer.internalNote') },
          ]}
        />
        {mode === 'note' && <Text size="xs" c="yellow.9">{t('composer.noteHint')}</Text>}
      </Group>
      <RichTextEditor editor={editor} labels={labels} className={classes.editor}>
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
            <RichTextEditor.Code />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
            <RichTextEditor.ClearFormatting />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
      {files.length > 0 && (
        <Group gap={6} mt={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('composer.files')}>
          {files.map((f) => (
            <Paper component="li" key={f.key} withBorder px={6} py={2}>
              <Group gap={4} wrap="nowrap">
                {f.status === 'uploading' ? <IconLoader2 size={12} aria-label={t('composer.uploading')} /> : <IconPaperclip size={12} aria-hidden />}
                <Text size="xs" c={f.status === 'failed' ? 'red' : undefined} maw={200} truncate title={f.error ?? f.name}>{f.name}</Text>
                <Text size="xs" c="dimmed">{f.status === 'failed' ? t('composer.uploadFailed') : format.bytes(f.size)}</Text>
                <CloseButton size="xs" aria-label={t('composer.removeFile', { name: f.name })} onClick={() => setFiles((prev) => prev.filter((x) => x.key !== f.key))} />
              </Group>
            </Paper>
          ))}
        </Group>
      )}
      <Group justify="space-between" mt={8}>
        <Group gap={0}>
          <FileButton onChange={(fl) => addFiles(fl)} multiple>
            {(props) => (
              <Button {...props} variant="subtle" color="gray" leftSection={<IconPaperclip size={14} />} disabled={disabled}>
                {t('composer.attach')}
              </Button>
            )}
          </FileButton>
          <Button variant="subtle" color="gray" leftSection={<IconBolt size={14} />} disabled={disabled} onClick={() => macros.open(false)} title={t('macros.buttonHint')}>
            {t('macros.button')}
          </Button>
          <ArticleLinkButton editor={editor} target={mode} ticketId={ticketId} disabled={disabled} />
        </Group>
        <Group gap={0} wrap="nowrap">
          <Button leftSection={<IconSend size={14} />} onClick={() => void submit()} loading={sending} disabled={!canSend} color={mode === 'note' ? 'yellow.8' : undefined} style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}>
            {mode === 'note' ? t('composer.addNote') : t('composer.send')}
          </Button>
          <Menu position="top-end">
            <Menu.Target>
              <Button px={6} disabled={!canSend} aria-label={t('composer.sendAs')} color={mode === 'note' ? 'yellow.8' : undefined} style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid rgba(255,255,255,.4)' }}>
                <IconChevronDown size={14} />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('composer.sendAndSet')}</Menu.Label>
              {SUBMIT_STATUSES.map((s) => (
                <Menu.Item key={s} onClick={() => void submit(s)}>
                  {mode === 'note' ? t('composer.noteAndSetStatus', { status: t(`status.${s}`) }) : t('composer.sendAndSetStatus', { status: t(`status.${s}`) })}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <MacroPicker opened={macros.opened} busy={macros.busy} error={macros.error} onClose={macros.close} onPick={(m) => void macros.pick(m)} />
    </Paper>
  );
}
