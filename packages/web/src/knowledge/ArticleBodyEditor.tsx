import { useEffect, useRef, useState } from 'react';
import { FileButton } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import '@mantine/tiptap/styles.css';
import { useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Placeholder from '@tiptap/extension-placeholder';
import { IconMovie, IconPaperclip, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEditorLabels } from '../tickets/composer/editor-labels';
import { toast } from '../lib/toast';
import { kbApi } from './api';
import { ARTICLE_NODES } from './editor-nodes';
import { editorFileUrl } from './editor-state';
import { EmbedVideoDialog } from './EmbedVideoDialog';

const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';
const FILE_TYPES = `${IMAGE_TYPES},application/pdf,video/mp4,video/webm`;

export interface ArticleBodyEditorProps {
  /** Identifies the text being edited; a new value loads `html` afresh. */
  docKey: string;
  html: string;
  onChange(html: string): void;
  /** Ctrl+S / ⌘+S inside the editor. */
  onSave(): void;
  disabled?: boolean;
  label: string;
}

/** Inserts an uploaded file where the cursor is: images as images, videos as players, the rest as links. */
async function insertUpload(editor: Editor, file: File, as: 'image' | 'any', t: (k: string) => string, setBusy: (b: boolean) => void) {
  setBusy(true);
  try {
    const a = await kbApi.upload(file);
    const src = editorFileUrl(a.publicUrl);
    if (a.contentType.startsWith('image/')) editor.chain().focus().insertContent({ type: 'image', attrs: { src, alt: '' } }).run();
    else if (a.contentType.startsWith('video/')) editor.chain().focus().insertContent({ type: 'videoFile', attrs: { src } }).run();
    else if (as === 'any') editor.chain().focus().insertContent({ type: 'text', text: a.filename, marks: [{ type: 'link', attrs: { href: src } }] }).run();
  } catch (err) {
    toast.error(err, t('kb.editor.uploadFailed'));
  } finally {
    setBusy(false);
  }
}

/**
 * The article body: headings, lists, quotes, code, links, images, files and videos. Images and
 * files are uploaded at once and inserted where the cursor is.
 */
export function ArticleBodyEditor({ docKey, html, onChange, onSave, disabled, label }: ArticleBodyEditorProps) {
  const { t } = useTranslation();
  const labels = useEditorLabels();
  const [busy, setBusy] = useState(false);
  const [embedOpen, setEmbedOpen] = useState(false);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false, autolink: true } }),
      Placeholder.configure({ placeholder: () => t('kb.editor.bodyPlaceholder') }),
      ...ARTICLE_NODES,
    ],
    content: html,
    editable: !disabled,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true' },
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          saveRef.current();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => changeRef.current(e.isEmpty ? '' : e.getHTML()),
  });

  // Another language or a restored version: load its text without marking it as a change.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.setContent(html, { emitUpdate: false });
    // Only a new document replaces the content; typing must not reset the cursor.
  }, [editor, docKey]);

  useEffect(() => {
    editor?.setEditable(!disabled, false);
  }, [editor, disabled]);

  return (
    <>
      <RichTextEditor editor={editor} labels={labels}>
        <RichTextEditor.Toolbar sticky stickyOffset={0}>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
            <RichTextEditor.H4 />
          </RichTextEditor.ControlsGroup>
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
            <RichTextEditor.CodeBlock />
            <RichTextEditor.Hr />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <FileButton accept={IMAGE_TYPES} onChange={(f) => f && editor && void insertUpload(editor, f, 'image', t, setBusy)}>
              {(props) => (
                <RichTextEditor.Control {...props} aria-label={t('kb.editor.insertImage')} title={t('kb.editor.insertImage')} disabled={disabled || busy}>
                  <IconPhoto size={16} stroke={1.5} />
                </RichTextEditor.Control>
              )}
            </FileButton>
            <RichTextEditor.Control onClick={() => setEmbedOpen(true)} aria-label={t('kb.editor.embedVideo')} title={t('kb.editor.embedVideo')} disabled={disabled || busy}>
              <IconMovie size={16} stroke={1.5} />
            </RichTextEditor.Control>
            <FileButton accept={FILE_TYPES} onChange={(f) => f && editor && void insertUpload(editor, f, 'any', t, setBusy)}>
              {(props) => (
                <RichTextEditor.Control {...props} aria-label={t('kb.editor.attachFile')} title={t('kb.editor.attachFile')} disabled={disabled || busy}>
                  <IconPaperclip size={16} stroke={1.5} />
                </RichTextEditor.Control>
              )}
            </FileButton>
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content mih={320} />
      </RichTextEditor>
      <EmbedVideoDialog
        opened={embedOpen}
        onClose={() => setEmbedOpen(false)}
        onEmbed={(src) => {
          editor?.chain().focus().insertContent({ type: 'videoEmbed', attrs: { src } }).run();
          setEmbedOpen(false);
        }}
        onUpload={async (file) => {
          setEmbedOpen(false);
          if (editor) await insertUpload(editor, file, 'image', t, setBusy);
        }}
      />
    </>
  );
}
