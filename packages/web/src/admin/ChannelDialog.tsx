import { useState } from 'react';
import { Checkbox, Divider, Fieldset, Group, Modal, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCalendars } from '../api/calendars';
import { api } from '../api/client';
import { useTeams } from '../api/directory';
import { keys } from '../api/keys';
import { inboundUploadPath } from '../api/mail';
import type { EmailChannel } from '../api/types';
import { CopyableCode } from '../components/CopyableCode';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';
import { CHANNEL_FIELDS, IMAP_PORTS, SMTP_PORTS, channelBody, initialChannelState, validateChannel, type ChannelFormState } from './channel-form';
import { ChannelTestPanel, useChannelTest } from './ChannelTest';

/** A section-wide error (the server rejecting `imap` as a whole), under the section's fields. */
function SectionError({ message }: { message?: string }) {
  if (!message) return null;
  return <Text size="xs" c="red" role="alert">{message}</Text>;
}

/** How mail reaches an existing channel: the address to forward to and the raw-upload endpoint. */
export function ChannelInboundInfo({ channel }: { channel: EmailChannel }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${inboundUploadPath(channel.id)}`;
  return (
    <Stack gap="sm">
      <div>
        <CopyableCode value={channel.address} hint={channel.imap ? t('channels.forwardHintImap') : t('channels.forwardHintNoImap')} copyLabel={t('channels.copyAddress')} />
      </div>
      <div>
        <CopyableCode value={url} hint={t('channels.uploadHint')} copyLabel={t('channels.copyUploadUrl')} testId="channel-upload-url" />
        <Text size="xs" c="dimmed" mt={4}>{t('channels.uploadExample')}</Text>
        <CopyableCode
          value={`curl -X POST -H 'Authorization: Bearer <token>' -H 'Content-Type: message/rfc822' --data-binary @mail.eml ${url}`}
          copyLabel={t('channels.copyUploadCommand')}
        />
      </div>
    </Stack>
  );
}

/** Create or edit an email channel: identity, IMAP, SMTP, auto-acknowledgement, DKIM and size limit. */
export function ChannelDialog({ channel, onClose }: { channel: EmailChannel | null; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useTeams();
  const calendars = useCalendars();
  const test = useChannelTest();
  const [s, setS] = useState<ChannelFormState>(() => initialChannelState(channel));
  const set = <K extends keyof ChannelFormState>(key: K, value: ChannelFormState[K]) => setS((prev) => ({ ...prev, [key]: value }));
  const setImap = (patch: Partial<ChannelFormState['imap']>) => setS((prev) => ({ ...prev, imap: { ...prev.imap, ...patch } }));
  const setSmtp = (patch: Partial<ChannelFormState['smtp']>) => setS((prev) => ({ ...prev, smtp: { ...prev.smtp, ...patch } }));
  const setAck = (patch: Partial<ChannelFormState['autoAck']>) => setS((prev) => ({ ...prev, autoAck: { ...prev.autoAck, ...patch } }));
  const setDkim = (patch: Partial<ChannelFormState['dkim']>) => setS((prev) => ({ ...prev, dkim: { ...prev.dkim, ...patch } }));

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: CHANNEL_FIELDS,
    validate: () => validateChannel(s, channel, t),
    action: async () => {
      const body = channelBody(s, channel);
      await (channel
        ? api<EmailChannel>(`/api/v1/channels/${channel.id}`, { method: 'PATCH', body })
        : api<EmailChannel>('/api/v1/channels', { body }));
      void client.invalidateQueries({ queryKey: keys.channels });
      void client.invalidateQueries({ queryKey: keys.mailHealth });
      toast.success(t('common.saved'));
      onClose();
    },
  });

  const stored = t('channels.secretStored');
  const imapPasswordStored = !!channel?.imap?.hasPassword;
  const smtpPasswordStored = !!channel?.smtp?.hasPassword;
  const keyStored = !!channel?.dkim?.hasPrivateKey;

  return (
    <Modal opened onClose={onClose} title={channel ? t('channels.editTitle', { name: channel.name }) : t('channels.new')} size="xl">
      <form onSubmit={onSubmit} noValidate aria-label={channel ? t('channels.editTitle', { name: channel.name }) : t('channels.new')}>
        <Stack gap="md">
          <FormAlert message={other} />
          {Object.keys(errors).length > 0 && <Text size="sm" c="red" role="alert">{t('channels.fixErrors')}</Text>}

          <Fieldset legend={t('channels.general')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('channels.name')} description={t('channels.nameHint')} required value={s.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-autofocus />
                <TextInput label={t('channels.address')} type="email" required value={s.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors.address} autoComplete="off" />
                <TextInput label={t('channels.displayName')} description={t('channels.displayNameHint')} value={s.displayName} onChange={(e) => set('displayName', e.currentTarget.value)} error={errors.displayName} />
                <Select
                  label={t('channels.team')}
                  description={t('channels.teamHint')}
                  placeholder={t('channels.noTeam')}
                  data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))}
                  value={s.teamId}
                  onChange={(v) => set('teamId', v)}
                  clearable
                  searchable
                  error={errors.teamId}
                />
                <Select
                  label={t('calendars.select')}
                  description={t('calendars.channelHint')}
                  placeholder={t('calendars.selectNone')}
                  data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  value={s.calendarId}
                  onChange={(v) => set('calendarId', v)}
                  clearable
                  error={errors.calendarId}
                />
              </SimpleGrid>
              <Switch label={t('channels.active')} description={t('channels.activeHint')} checked={s.active} onChange={(e) => set('active', e.currentTarget.checked)} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('channels.imap')}>
            <Stack gap="sm">
              <Switch label={t('channels.imapOn')} description={t('channels.imapHint')} checked={s.imapOn} onChange={(e) => set('imapOn', e.currentTarget.checked)} />
              {s.imapOn && (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label={t('channels.imapHost')} placeholder="imap.example.com" required value={s.imap.host} onChange={(e) => setImap({ host: e.currentTarget.value })} error={errors['imap.host']} style={{ gridColumn: 'span 2' }} />
                    <NumberInput label={t('channels.imapPort')} value={s.imap.port} onChange={(v) => setImap({ port: v })} min={1} max={65535} allowDecimal={false} error={errors['imap.port']} />
                    <TextInput label={t('channels.imapUser')} required value={s.imap.user} onChange={(e) => setImap({ user: e.currentTarget.value })} error={errors['imap.user']} autoComplete="off" />
                    <PasswordInput
                      label={t('channels.imapPassword')}
                      description={imapPasswordStored ? stored : undefined}
                      placeholder={imapPasswordStored ? '••••••••' : undefined}
                      value={s.imap.password}
                      onChange={(e) => setImap({ password: e.currentTarget.value })}
                      error={errors['imap.password']}
                      autoComplete="new-password"
                    />
                    <TextInput label={t('channels.imapMailbox')} required value={s.imap.mailbox} onChange={(e) => setImap({ mailbox: e.currentTarget.value })} error={errors['imap.mailbox']} />
                  </SimpleGrid>
                  <Checkbox
                    label={t('channels.imapSecure')}
                    checked={s.imap.secure}
                    onChange={(e) => {
                      const secure = e.currentTarget.checked;
                      const port = s.imap.port === (secure ? IMAP_PORTS.plain : IMAP_PORTS.tls) ? (secure ? IMAP_PORTS.tls : IMAP_PORTS.plain) : s.imap.port;
                      setImap({ secure, port });
                    }}
                  />
                  <Checkbox label={t('channels.deleteAfterImport')} description={t('channels.deleteAfterImportHint')} checked={s.imap.deleteAfterImport} onChange={(e) => setImap({ deleteAfterImport: e.currentTarget.checked })} />
                </>
              )}
              <SectionError message={errors.imap} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('channels.smtp')}>
            <Stack gap="sm">
              <Switch label={t('channels.smtpOn')} description={t('channels.smtpHint')} checked={s.smtpOn} onChange={(e) => set('smtpOn', e.currentTarget.checked)} />
              {s.smtpOn && (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput label={t('channels.smtpHost')} placeholder="smtp.example.com" required value={s.smtp.host} onChange={(e) => setSmtp({ host: e.currentTarget.value })} error={errors['smtp.host']} style={{ gridColumn: 'span 2' }} />
                    <NumberInput label={t('channels.smtpPort')} value={s.smtp.port} onChange={(v) => setSmtp({ port: v })} min={1} max={65535} allowDecimal={false} error={errors['smtp.port']} />
                    <TextInput label={t('channels.smtpUser')} description={t('channels.smtpUserHint')} value={s.smtp.user} onChange={(e) => setSmtp({ user: e.currentTarget.value })} error={errors['smtp.user']} autoComplete="off" />
                    <PasswordInput
                      label={t('channels.smtpPassword')}
                      description={smtpPasswordStored ? stored : undefined}
                      placeholder={smtpPasswordStored && !s.smtp.clearPassword ? '••••••••' : undefined}
                      value={s.smtp.password}
                      onChange={(e) => setSmtp({ password: e.currentTarget.value })}
                      error={errors['smtp.password']}
                      disabled={s.smtp.clearPassword}
                      autoComplete="new-password"
                    />
                  </SimpleGrid>
                  <Checkbox
                    label={t('channels.smtpSecure')}
                    checked={s.smtp.secure}
                    onChange={(e) => {
                      const secure = e.currentTarget.checked;
                      const port = s.smtp.port === (secure ? SMTP_PORTS.plain : SMTP_PORTS.tls) ? (secure ? SMTP_PORTS.tls : SMTP_PORTS.plain) : s.smtp.port;
                      setSmtp({ secure, port });
                    }}
                  />
                  {smtpPasswordStored && (
                    <Checkbox label={t('channels.clearPassword')} checked={s.smtp.clearPassword} onChange={(e) => setSmtp({ clearPassword: e.currentTarget.checked, password: '' })} />
                  )}
                </>
              )}
              <SectionError message={errors.smtp} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('channels.autoAck')}>
            <Stack gap="sm">
              <Switch label={t('channels.autoAckOn')} checked={s.autoAck.enabled} onChange={(e) => setAck({ enabled: e.currentTarget.checked })} />
              <Text size="xs" c="dimmed">{t('channels.autoAckHint')}</Text>
              {s.autoAck.enabled && (
                <>
                  <TextInput label={t('channels.autoAckSubject')} required value={s.autoAck.subject} onChange={(e) => setAck({ subject: e.currentTarget.value })} error={errors['autoAck.subject']} />
                  <Textarea label={t('channels.autoAckBody')} description={t('channels.placeholderHint', { placeholder: '{{number}}' })} required value={s.autoAck.body} onChange={(e) => setAck({ body: e.currentTarget.value })} error={errors['autoAck.body']} autosize minRows={4} maxRows={12} />
                </>
              )}
              <SectionError message={errors.autoAck ?? errors['autoAck.enabled']} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('channels.dkim')}>
            <Stack gap="sm">
              <Switch label={t('channels.dkimOn')} description={t('channels.dkimHint')} checked={s.dkimOn} onChange={(e) => set('dkimOn', e.currentTarget.checked)} />
              {s.dkimOn && (
                <>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput label={t('channels.dkimDomain')} placeholder="example.com" required value={s.dkim.domain} onChange={(e) => setDkim({ domain: e.currentTarget.value })} error={errors['dkim.domain']} />
                    <TextInput label={t('channels.dkimSelector')} placeholder="servus" required value={s.dkim.selector} onChange={(e) => setDkim({ selector: e.currentTarget.value })} error={errors['dkim.selector']} />
                  </SimpleGrid>
                  <Textarea
                    label={t('channels.dkimKey')}
                    description={keyStored ? t('channels.keyStored') : t('channels.dkimKeyHint')}
                    placeholder="-----BEGIN PRIVATE KEY-----"
                    required={!keyStored}
                    value={s.dkim.privateKey}
                    onChange={(e) => setDkim({ privateKey: e.currentTarget.value })}
                    error={errors['dkim.privateKey']}
                    autosize
                    minRows={3}
                    maxRows={10}
                    spellCheck={false}
                    autoComplete="off"
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
                  />
                </>
              )}
              <SectionError message={errors.dkim} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('channels.limits')}>
            <NumberInput
              label={t('channels.maxSize')}
              description={t('channels.maxSizeHint')}
              value={s.maxMb}
              onChange={(v) => set('maxMb', v)}
              decimalScale={2}
              min={0}
              max={100}
              suffix=" MB"
              error={errors.maxMessageBytes}
              w={220}
            />
          </Fieldset>

          {channel && (
            <Fieldset legend={t('channels.inbound')}>
              <ChannelInboundInfo channel={channel} />
            </Fieldset>
          )}

          {channel && (
            <Fieldset legend={t('channels.connection')}>
              <ChannelTestPanel channelId={channel.id} test={test} />
            </Fieldset>
          )}

          <Divider />
          <Group justify="space-between">
            <FormActions submitLabel={channel ? t('common.save') : t('common.create')} busy={busy} onCancel={onClose} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
