import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatWidgetConfig } from '@servus/shared';
import type { ChatController, ChatState } from './controller';
import { BotMessage } from './BotMessage';
import { Composer } from './Composer';
import { EMAIL_RE } from './Field';
import { OfflineForm } from './OfflineForm';
import { Survey } from './Survey';
import type { Locale, Translate } from './i18n';
import type { ShownMessage } from './message-store';

interface Props {
  controller: ChatController;
  state: ChatState;
  config: ChatWidgetConfig;
  t: Translate;
  locale: Locale;
}

function Delivery({ m, t }: { m: ShownMessage; t: Translate }) {
  const label = m.delivery === 'pending' ? t('sending') : m.delivery === 'read' ? t('read') : t('sent');
  const mark = m.delivery === 'pending' ? '…' : m.delivery === 'read' ? '✓✓' : '✓';
  return (
    <span class={`delivery ${m.delivery}`} data-delivery={m.delivery} title={label}>
      <span aria-hidden="true">{mark}</span>
      <span class="sr-only">{label}</span>
    </span>
  );
}

function MessageBubble({ m, t, locale, fileUrl }: { m: ShownMessage; t: Translate; locale: Locale; fileUrl(url: string): string }) {
  const own = m.author === 'visitor';
  const time = new Date(m.at).toLocaleTimeString(locale === 'de' ? 'de-DE' : 'en-US', { hour: '2-digit', minute: '2-digit' });
  if (m.author === 'system') return <li class="system">{m.text}</li>;
  return (
    <li class={`message ${own ? 'own' : 'agent'}`} data-author={m.author}>
      <span class="sr-only">{own ? t('you') : m.authorName}: </span>
      {!own && <span class="author" aria-hidden="true">{m.authorName}</span>}
      <div class={`bubble ${own ? 'own' : 'agent'}`}>
        {m.text && <p class="text">{m.text}</p>}
        {m.attachments.map((a) => (
          <a key={a.id} class="file" href={fileUrl(a.url)} target="_blank" rel="noopener noreferrer" aria-label={t('attachment', { name: a.filename })}>
            📎 {a.filename}
          </a>
        ))}
      </div>
      <span class="meta">
        <time dateTime={m.at}>{time}</time>
        {own && <Delivery m={m} t={t} />}
      </span>
    </li>
  );
}

/** "Email me the transcript": sends it to the known address, or asks for one first. */
function Transcript({ controller, email, t }: { controller: ChatController; email: string | null; t: Translate }) {
  const [asking, setAsking] = useState(false);
  const [value, setValue] = useState(email ?? '');
  const [state, setState] = useState<'idle' | 'busy' | 'sent' | 'failed' | 'invalid'>('idle');
  const send = async (e: Event) => {
    e.preventDefault();
    if (!EMAIL_RE.test(value.trim())) return setState('invalid');
    setState('busy');
    try {
      await controller.sendTranscript(value.trim());
      setState('sent');
      setAsking(false);
    } catch {
      setState('failed');
    }
  };
  if (state === 'sent') return <p class="notice success" role="status">{t('transcriptSent')}</p>;
  if (!asking) {
    return (
      <button type="button" class="link" onClick={() => setAsking(true)}>
        {t('transcript')}
      </button>
    );
  }
  return (
    <form class="transcript" onSubmit={send} noValidate>
      <label for="transcript-email">{t('transcriptEmail')}</label>
      <div class="row">
        <input id="transcript-email" type="email" autocomplete="email" value={value} onInput={(e) => setValue(e.currentTarget.value)} aria-invalid={state === 'invalid' ? 'true' : undefined} />
        <button type="submit" class="primary small" disabled={state === 'busy'}>{t('transcriptSend')}</button>
        <button type="button" class="secondary small" onClick={() => setAsking(false)}>{t('cancel')}</button>
      </div>
      {state === 'invalid' && <p class="error" role="alert">{t('invalidEmail')}</p>}
      {state === 'failed' && <p class="error" role="alert">{t('failed')}</p>}
    </form>
  );
}

/** The running chat: greeting, messages with delivery marks, status lines, typing, and the composer. */
export function Conversation({ controller, state: s, config, t, locale }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const c = s.conversation;
  const ended = c?.status === 'ended' && !s.fresh;

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [s.messages.length, s.agentTyping, c?.status]);

  const reconnecting = s.wasConnected && s.connection === 'connecting';
  // Only the bot's latest message can still be answered, and only while the bot has the chat.
  const lastBot = s.messages.reduce((last, m, i) => (m.author === 'bot' ? i : last), -1);
  const botOffline = ended && s.messages[lastBot]?.bot?.kind === 'offline';
  const askable = (i: number) => i === lastBot && c?.status === 'bot' && !s.botPending;
  const notice = s.notice === 'rateLimited' ? t('rateLimited') : s.notice === 'ended' ? t('ended') : s.notice === 'failed' ? t('failed') : null;
  return (
    <div class="conversation">
      <div class="scroll" ref={list}>
        <p class="bubble agent greeting">{config.greeting || t('greeting')}</p>
        {config.bot && (!c || c.status === 'bot') && !ended && <p class="status-line">{t('botIntro')}</p>}
        <ol class="messages" role="log" aria-live="polite" aria-relevant="additions" aria-label={t('messages')}>
          {s.messages.map((m, i) =>
            m.author === 'bot' && m.bot ? (
              <BotMessage key={m.id} m={m} t={t} locale={locale} askable={askable(i)} onAction={(a) => controller.botAction(a)} />
            ) : (
              <MessageBubble key={m.clientId ?? m.id} m={m} t={t} locale={locale} fileUrl={(u) => controller.attachmentUrl(u)} />
            ),
          )}
        </ol>
        {c?.status === 'waiting' && <p class="status-line" role="status">{t('waiting')}</p>}
        {c?.status === 'active' && c.agent && <p class="status-line">{t('joined', { name: c.agent.name })}</p>}
        {ended && <p class="status-line" role="status">{t('ended')}</p>}
      </div>
      <p class="typing" role="status" aria-live="polite">{s.agentTyping ? t('typing', { name: s.agentTyping }) : ''}</p>
      {reconnecting && <p class="notice" role="status">{t('reconnecting')}</p>}
      {notice && <p class="notice warn" role="alert">{notice}</p>}
      {ended ? (
        <div class="ended">
          {botOffline && <OfflineForm controller={controller} config={config} email={s.email} t={t} />}
          {c?.survey && <Survey key={c.survey.token} offer={c.survey} t={t} />}
          <button type="button" class="primary" onClick={() => controller.newChat()} data-autofocus>{t('newChat')}</button>
          <Transcript controller={controller} email={s.email} t={t} />
        </div>
      ) : (
        <>
          <Composer controller={controller} config={config} t={t} locale={locale} />
          {s.messages.length > 0 && (
            <div class="footer">
              <Transcript controller={controller} email={s.email} t={t} />
              {c && c.status !== 'ended' && (
                <button type="button" class="link" onClick={() => controller.endChat()}>{t('endChat')}</button>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
