import { useState } from 'preact/hooks';
import type { ChatWidgetConfig } from '@servus/shared';
import type { ChatController } from './controller';
import { EMAIL_RE, Field } from './Field';
import type { Translate } from './i18n';

interface Props {
  controller: ChatController;
  config: ChatWidgetConfig;
  email: string | null;
  t: Translate;
}

/** The questions asked before a chat starts (name, email, topic), as the channel configures them. */
export function PreChatForm({ controller, config, email: knownEmail, t }: Props) {
  const form = config.preChatForm;
  const [name, setName] = useState('');
  const [email, setEmail] = useState(knownEmail ?? '');
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (form.requireEmail && !email.trim()) next.email = t('required');
    else if (email.trim() && !EMAIL_RE.test(email.trim())) next.email = t('invalidEmail');
    setErrors(next);
    if (Object.keys(next).length) {
      document.getElementById(`pre-${Object.keys(next)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await controller.start({
        ...(form.askName && name.trim() ? { name: name.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(topic ? { topic } : {}),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} noValidate aria-label={t('startChat')}>
      {config.greeting && <p class="bubble agent">{config.greeting}</p>}
      <p>{t('preChatIntro')}</p>
      {form.askName && (
        <Field id="pre-name" label={t('name')} optional={t('optional')}>
          {(p) => <input {...p} type="text" autocomplete="name" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} data-autofocus />}
        </Field>
      )}
      <Field id="pre-email" label={t('email')} optional={form.requireEmail ? undefined : t('optional')} error={errors.email}>
        {(p) => <input {...p} type="email" autocomplete="email" required={form.requireEmail} maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} {...(!form.askName ? { 'data-autofocus': true } : {})} />}
      </Field>
      {form.topics.length > 0 && (
        <Field id="pre-topic" label={t('topic')} optional={t('optional')}>
          {(p) => (
            <select {...p} value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
              <option value="">{t('chooseTopic')}</option>
              {form.topics.map((x) => <option key={x} value={x}>{x}</option>)}
            </select>
          )}
        </Field>
      )}
      <button type="submit" class="primary" disabled={busy}>{t('startChat')}</button>
    </form>
  );
}
