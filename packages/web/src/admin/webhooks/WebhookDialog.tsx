import { useState } from 'react';
import { Checkbox, Modal, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { WEBHOOK_EVENTS, type Webhook, type WebhookWithSecret } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { webhookKeys } from '../../api/webhooks';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { toast } from '../../lib/toast';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { WEBHOOK_FORM_FIELDS, initialWebhookState, validateWebhook, webhookBody, type WebhookFormState } from './webhook-form';

/**
 * Create or edit a webhook: name, URL, description, whether it is on, and the events that call
 * it by themselves. A new webhook's signing secret goes to `onCreated`, to be shown once.
 */
export function WebhookDialog({ webhook, onClose, onCreated }: { webhook: Webhook | null; onClose(): void; onCreated(r: WebhookWithSecret): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [s, setS] = useState<WebhookFormState>(() => initialWebhookState(webhook));
  const patch = (p: Partial<WebhookFormState>) => setS((prev) => ({ ...prev, ...p }));

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: WEBHOOK_FORM_FIELDS,
    validate: () => Object.fromEntries(Object.entries(validateWebhook(s)).map(([field, key]) => [field, t(key)])),
    action: async () => {
      const body = webhookBody(s);
      if (webhook) {
        await api<Webhook>(`/api/v1/webhooks/${webhook.id}`, { method: 'PATCH', body });
        toast.success(t('common.saved'));
      } else {
        onCreated(await api<WebhookWithSecret>('/api/v1/webhooks', { body }));
      }
      void client.invalidateQueries({ queryKey: webhookKeys.all });
      onClose();
    },
  });

  const title = webhook ? t('webhooks.form.editTitle', { name: webhook.name }) : t('webhooks.new');
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <FormAlert message={other} />
          <TextInput label={t('webhooks.form.name')} required value={s.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <TextInput
            label={t('webhooks.form.url')}
            description={t('webhooks.form.urlHint')}
            required
            type="url"
            value={s.url}
            onChange={(e) => patch({ url: e.currentTarget.value })}
            error={errors.url}
            spellCheck={false}
          />
          <Textarea label={t('webhooks.form.description')} autosize minRows={2} maxRows={5} value={s.description} onChange={(e) => patch({ description: e.currentTarget.value })} error={errors.description} />
          <Checkbox.Group label={t('webhooks.form.events')} description={t('webhooks.form.eventsHint')} value={s.events} onChange={(v) => patch({ events: v as WebhookFormState['events'] })} error={errors.events}>
            <Stack gap={6} mt={6}>
              {WEBHOOK_EVENTS.map((e) => (
                <Checkbox key={e} value={e} label={<>{t(`webhooks.events.${e.replace('.', '_')}`)} <Text span size="xs" c="dimmed" ff="monospace">{e}</Text></>} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch label={t('webhooks.form.active')} description={t('webhooks.form.activeHint')} checked={s.active} onChange={(e) => patch({ active: e.currentTarget.checked })} />
          <FormActions submitLabel={webhook ? t('common.save') : t('common.create')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
