import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatController, ChatState } from './controller';
import type { Locale, Translate } from './i18n';
import { Conversation } from './Conversation';
import { OfflineForm } from './OfflineForm';
import { PreChatForm } from './PreChatForm';

/** The controller's state, re-rendered on every change. */
function useChatState(controller: ChatController): ChatState {
  const [state, setState] = useState(controller.state);
  useEffect(() => {
    setState(controller.state);
    return controller.subscribe(() => setState(controller.state));
  }, [controller]);
  return state;
}

interface Props {
  controller: ChatController;
  t: Translate;
  locale: Locale;
  embedded: boolean;
  onClose(): void;
}

/** What the visitor sees: header, then loading, the offline form, the pre-chat form or the conversation. */
export function App({ controller, t, locale, embedded, onClose }: Props) {
  const s = useChatState(controller);
  const body = useRef<HTMLDivElement>(null);

  // Opening the chat puts the keyboard where the visitor will type.
  useEffect(() => {
    if (!s.open || s.phase !== 'ready') return;
    const el = body.current?.querySelector<HTMLElement>('[data-autofocus]') ?? body.current?.querySelector<HTMLElement>('input, textarea, button');
    el?.focus();
  }, [s.open, s.phase]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const config = s.config;
  const hasConversation = !!s.conversation || s.messages.length > 0;
  // With the answer bot the visitor can always ask; asking for a person while nobody is online leads to the form.
  const showOffline = s.phase === 'ready' && !s.online && !config?.bot && !(s.conversation && s.conversation.status !== 'ended') && s.messages.length === 0;
  const showPreChat = s.phase === 'ready' && !showOffline && !!config?.preChatForm.enabled && !hasConversation && !s.preChatDone;

  return (
    <div class="chat" style={config ? { '--color': config.color } : undefined}>
      <header class="head">
        <div class="head-text">
          <h1>{config?.name ?? t('title')}</h1>
          {s.conversation?.agent && s.conversation.status === 'active' && <p>{s.conversation.agent.name}</p>}
        </div>
        {embedded && (
          <button type="button" class="icon-button" onClick={onClose} aria-label={t('close')} title={t('close')}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
          </button>
        )}
      </header>
      <div class="body" ref={body}>
        {s.phase === 'loading' && <p class="center muted" role="status">{t('loading')}</p>}
        {s.phase === 'unavailable' && <p class="center muted">{t('unavailable')}</p>}
        {s.phase === 'error' && (
          <div class="center">
            <p role="alert">{t('failed')}</p>
            <button type="button" class="secondary" onClick={() => void controller.boot()}>{t('retry')}</button>
          </div>
        )}
        {showOffline && config && <OfflineForm controller={controller} config={config} email={s.email} t={t} />}
        {showPreChat && config && <PreChatForm controller={controller} config={config} email={s.email} t={t} />}
        {s.phase === 'ready' && !showOffline && !showPreChat && config && <Conversation controller={controller} state={s} config={config} t={t} locale={locale} />}
      </div>
    </div>
  );
}
