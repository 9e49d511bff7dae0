import { useRef, useState } from 'preact/hooks';
import type { ChatAttachment, ChatWidgetConfig } from '@servus/shared';
import { MESSAGE_MAX, type ChatController } from './controller';
import { EmojiPicker } from './EmojiPicker';
import { fileProblem } from './files';
import { formatBytes, type Locale, type Translate } from './i18n';

interface Props {
  controller: ChatController;
  config: ChatWidgetConfig;
  t: Translate;
  locale: Locale;
}

/** The message box: Enter sends, Shift+Enter starts a new line; files and emoji beside it. */
export function Composer({ controller, config, t, locale }: Props) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<ChatAttachment[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const canUpload = config.maxUploadBytes > 0 && config.allowedUploadTypes.length > 0;

  const send = () => {
    if (text.length > MESSAGE_MAX) return setError(t('tooLong', { max: MESSAGE_MAX }));
    if (!text.trim() && files.length === 0) return;
    setError(null);
    void controller.send(text, files);
    setText('');
    setFiles([]);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  };

  const insert = (emoji: string) => {
    const el = input.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = text.slice(0, start) + emoji + text.slice(end);
    setText(next);
    setEmojiOpen(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const pick = async (e: Event) => {
    const target = e.currentTarget as HTMLInputElement;
    const file = target.files?.[0];
    target.value = '';
    if (!file) return;
    const problem = fileProblem(file, config);
    if (problem) return setError(t(problem, { name: file.name, max: formatBytes(config.maxUploadBytes, locale) }));
    setError(null);
    setUploading(file.name);
    try {
      const uploaded = await controller.upload(file);
      setFiles((f) => [...f, uploaded]);
    } catch {
      setError(t('uploadFailed'));
    } finally {
      setUploading(null);
    }
  };

  return (
    <div class="composer">
      {files.length > 0 && (
        <ul class="chips" aria-label={t('attach')}>
          {files.map((f) => (
            <li key={f.id} class="chip">
              📎 {f.filename}
              <button type="button" class="chip-remove" aria-label={t('removeFile', { name: f.filename })} onClick={() => setFiles((all) => all.filter((x) => x.id !== f.id))}>×</button>
            </li>
          ))}
        </ul>
      )}
      {uploading && <p class="muted small" role="status">{t('uploading', { name: uploading })}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {emojiOpen && <EmojiPicker t={t} onPick={insert} onClose={() => { setEmojiOpen(false); input.current?.focus(); }} />}
      <div class="compose-row">
        <label for="chat-input" class="sr-only">{t('messageLabel')}</label>
        <textarea
          id="chat-input"
          ref={input}
          rows={1}
          placeholder={t('messagePlaceholder')}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (e.currentTarget.value) controller.typing();
          }}
          onKeyDown={onKeyDown}
          data-autofocus
        />
        <button type="button" class="icon-button" aria-label={t('emoji')} title={t('emoji')} aria-expanded={emojiOpen} onClick={() => setEmojiOpen((o) => !o)}>
          <span aria-hidden="true">☺</span>
        </button>
        {canUpload && (
          <>
            <input ref={fileInput} type="file" class="sr-only" tabIndex={-1} aria-hidden="true" accept={config.allowedUploadTypes.join(',')} onChange={pick} />
            <button type="button" class="icon-button" aria-label={t('attach')} title={t('attach')} disabled={!!uploading} onClick={() => fileInput.current?.click()}>
              <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9" /></svg>
            </button>
          </>
        )}
        <button type="button" class="send" onClick={send} aria-label={t('send')} title={t('send')} disabled={!!uploading}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 12l16-8-6 16-2-7z" /></svg>
        </button>
      </div>
    </div>
  );
}
