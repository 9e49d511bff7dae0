import { useState } from 'react';
import { Checkbox, ColorInput, Divider, Fieldset, Modal, Select, SimpleGrid, Stack, Switch, Tabs, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ChatChannel } from '@servus/shared';
import { useTranslation } from 'react-i18next';
import { useCalendars } from '../api/calendars';
import { chatKeys } from '../api/chat';
import { api } from '../api/client';
import { useTeams } from '../api/directory';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';
import { CHAT_CHANNEL_FIELDS, chatChannelBody, initialChatChannelState, normalizeOrigin, validateChatChannel, type ChatChannelFormState } from './chat-channel-form';

/** What creating a channel answers: the channel and, this once, its identity secret. */
export type CreatedChatChannel = ChatChannel & { secret?: string };

/** Reads the create answer whether the server nests the channel or not. */
export function createdChannel(r: CreatedChatChannel | { channel: ChatChannel; secret?: string }): { channel: ChatChannel; secret: string | null } {
  if ('channel' in r) return { channel: r.channel, secret: r.secret ?? null };
  const { secret, ...channel } = r;
  return { channel, secret: secret ?? null };
}

/** Create or edit a chat channel: look, texts per language, availability, allowed websites, pre-chat form, uploads. */
export function ChatChannelDialog({ channel, onClose, onCreated }: { channel: ChatChannel | null; onClose(): void; onCreated(c: ChatChannel, secret: string | null): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const calendars = useCalendars();
  const [s, setS] = useState<ChatChannelFormState>(() => initialChatChannelState(channel));
  const [originError, setOriginError] = useState<string | null>(null);
  const patch = (p: Partial<ChatChannelFormState>) => setS((prev) => ({ ...prev, ...p }));
  const setText = (lang: 'en' | 'de', key: 'greeting' | 'offlineMessage', value: string) =>
    setS((prev) => ({ ...prev, texts: { ...prev.texts, [lang]: { ...prev.texts[lang], [key]: value } } }));

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: CHAT_CHANNEL_FIELDS,
    validate: () => validateChatChannel(s, t),
    action: async () => {
      const body = chatChannelBody(s);
      if (channel) {
        await api<ChatChannel>(`/api/v1/chat-channels/${channel.id}`, { method: 'PATCH', body });
        toast.success(t('common.saved'));
      } else {
        const created = createdChannel(await api<CreatedChatChannel>('/api/v1/chat-channels', { body }));
        onCreated(created.channel, created.secret);
      }
      void client.invalidateQueries({ queryKey: chatKeys.channels });
      onClose();
    },
  });

  const setOrigins = (values: string[]) => {
    const out: string[] = [];
    let bad: string | null = null;
    for (const v of values) {
      const origin = normalizeOrigin(v);
      if (!origin) bad = v;
      else if (!out.includes(origin)) out.push(origin);
    }
    setOriginError(bad ? t('chat.admin.errors.origin', { origin: bad }) : null);
    patch({ allowedOrigins: out });
  };

  const title = channel ? t('chat.admin.editTitle', { name: channel.name }) : t('chat.admin.new');
  const teamOptions = (teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }));
  const calendarOptions = (calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <Modal opened onClose={onClose} title={title} size={820}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <FormAlert message={other} />
          {Object.keys(errors).length > 0 && <Text size="sm" c="red" role="alert">{t('channels.fixErrors')}</Text>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('chat.admin.name')} required value={s.name} onChange={(e) => patch({ name: e.currentTarget.value })} error={errors.name} data-autofocus />
            <ColorInput label={t('chat.admin.color')} value={s.color} onChange={(v) => patch({ color: v })} format="hex" error={errors.color} swatches={['#1c7ed6', '#2b8a3e', '#e8590c', '#c2255c', '#5f3dc4', '#212529']} />
            <Select label={t('chat.admin.team')} description={t('chat.admin.teamHint')} data={teamOptions} value={s.teamId} onChange={(v) => patch({ teamId: v })} clearable placeholder={t('chat.admin.anyTeam')} error={errors.teamId} />
            <Select
              label={t('chat.admin.availability')}
              data={[
                { value: 'agents_online', label: t('chat.admin.availabilityOnline') },
                { value: 'business_hours', label: t('chat.admin.availabilityHours') },
              ]}
              value={s.availability}
              onChange={(v) => patch({ availability: (v as ChatChannelFormState['availability']) ?? 'agents_online' })}
              allowDeselect={false}
              error={errors.availability}
            />
            <Select
              label={t('chat.admin.calendar')}
              description={t('chat.admin.calendarHint')}
              data={calendarOptions}
              value={s.calendarId}
              onChange={(v) => patch({ calendarId: v })}
              clearable
              required={s.availability === 'business_hours'}
              error={errors.calendarId}
            />
            <Switch mt="lg" label={t('chat.admin.active')} checked={s.active} onChange={(e) => patch({ active: e.currentTarget.checked })} />
          </SimpleGrid>

          <TagsInput
            label={t('chat.admin.origins')}
            description={t('chat.admin.originsHint')}
            placeholder="https://www.example.com"
            value={s.allowedOrigins}
            onChange={setOrigins}
            splitChars={[',', ' ']}
            clearable
            error={originError ?? errors.allowedOrigins}
          />

          <Fieldset legend={t('chat.admin.texts')}>
            <Tabs defaultValue="en" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="en">English</Tabs.Tab>
                <Tabs.Tab value="de">Deutsch</Tabs.Tab>
              </Tabs.List>
              {(['en', 'de'] as const).map((lang) => (
                <Tabs.Panel key={lang} value={lang} pt="xs">
                  <Stack gap="xs">
                    <Textarea label={t('chat.admin.greeting')} description={t('chat.admin.greetingHint')} autosize minRows={2} value={s.texts[lang].greeting} onChange={(e) => setText(lang, 'greeting', e.currentTarget.value)} error={errors[`texts.${lang}.greeting`]} />
                    <Textarea label={t('chat.admin.offlineText')} description={t('chat.admin.offlineTextHint')} autosize minRows={2} value={s.texts[lang].offlineMessage} onChange={(e) => setText(lang, 'offlineMessage', e.currentTarget.value)} error={errors[`texts.${lang}.offlineMessage`]} />
                  </Stack>
                </Tabs.Panel>
              ))}
            </Tabs>
          </Fieldset>

          <Fieldset legend={t('chat.admin.preChat')}>
            <Stack gap="xs">
              <Switch label={t('chat.admin.preChatEnabled')} checked={s.preChatEnabled} onChange={(e) => patch({ preChatEnabled: e.currentTarget.checked })} />
              {s.preChatEnabled && (
                <>
                  <Checkbox label={t('chat.admin.askName')} checked={s.askName} onChange={(e) => patch({ askName: e.currentTarget.checked })} />
                  <Checkbox label={t('chat.admin.requireEmail')} checked={s.requireEmail} onChange={(e) => patch({ requireEmail: e.currentTarget.checked })} />
                  <TagsInput label={t('chat.admin.topics')} description={t('chat.admin.topicsHint')} value={s.topics} onChange={(v) => patch({ topics: v })} maxTags={20} error={errors['preChatForm.topics'] ?? errors.preChatForm} />
                </>
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('chat.admin.uploads')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('chat.admin.maxUpload')} description={t('chat.admin.maxUploadHint')} inputMode="decimal" rightSection={<Text size="xs" c="dimmed">MB</Text>} value={s.maxUploadMb} onChange={(e) => patch({ maxUploadMb: e.currentTarget.value })} error={errors.maxUploadBytes} />
              <TagsInput label={t('chat.admin.uploadTypes')} description={t('chat.admin.uploadTypesHint')} value={s.allowedUploadTypes} onChange={(v) => patch({ allowedUploadTypes: v.map((x) => x.trim().toLowerCase()) })} splitChars={[',', ' ']} error={errors.allowedUploadTypes} />
              <TextInput label={t('chat.admin.missedAfter')} description={t('chat.admin.missedAfterHint')} inputMode="numeric" value={s.missedAfterSeconds} onChange={(e) => patch({ missedAfterSeconds: e.currentTarget.value })} error={errors.missedAfterSeconds} />
            </SimpleGrid>
          </Fieldset>

          <Divider />
          <FormActions submitLabel={channel ? t('common.save') : t('common.create')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
