import { useState } from 'preact/hooks';
import type { ChatWidgetConfig } from '@servus/shared';
import { MESSAGE_MAX, type ChatController } from './controller';
import { EMAIL_RE, Field } from './Field';
import type { Translate } from './i18n';

interface Props {
  controller: ChatController;
  config: ChatWidgetConfig;
  email: string | null;
  t: Translate;
}

/** Shown when nobody is online: the message becomes a ticket answered by email. */
export function OfflineForm({ controller, config, email: knownEmail, t }: Props) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState(knownEmail ?? '');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <p class="notice success" role="status" tabIndex={-1} data-autofocus>
        {t('offlineThanks', { email: sentTo })}
      </p>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!email.trim()) next.email = t('required');
    else if (!EMAIL_RE.test(email.trim())) next.email = t('invalidEmail');
    if (!message.trim()) next.message = t('required');
    else if (message.length > MESSAGE_MAX) next.message = t('tooLong', { max: MESSAGE_MAX });
    setErrors(next);
    if (Object.keys(next).length) {
      document.getElementById(`off-${Object.keys(next)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setFailed(false);
    try {
      await controller.sendOffline({ ...(name.trim() ? { name: name.trim() } : {}), email: email.trim(), message: message.trim() });
      setSentTo(email.trim());
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} noValidate aria-label={t('sendMessage')}>
      <p>{config.offlineMessage || t('offlineIntro')}</p>
      <Field id="off-name" label={t('name')} optional={t('optional')}>
        {(p) => <input {...p} type="text" autocomplete="name" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} data-autofocus />}
      </Field>
      <Field id="off-email" label={t('email')} error={errors.email}>
        {(p) => <input {...p} type="email" autocomplete="email" required maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
      </Field>
      <Field id="off-message" label={t('message')} error={errors.message}>
        {(p) => <textarea {...p} required rows={5} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />}
      </Field>
      {failed && <p class="error" role="alert">{t('failed')}</p>}
      <button type="submit" class="primary" disabled={busy}>{t('sendMessage')}</button>
    </form>
  );
}
