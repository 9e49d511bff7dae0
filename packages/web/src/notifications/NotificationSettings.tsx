import { useState } from 'react';
import { Alert, Button, Checkbox, Radio, Skeleton, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { DIGEST_INTERVALS, NOTIFICATION_KINDS, type NotificationKindName } from '@servus/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notificationKeys, saveNotificationPreferences, useNotificationPreferences, type NotificationPreferences, type NotificationPreferencesInput } from '../api/notifications';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { emailAvailable, ...start } = initial;
  const [p, setP] = useState<NotificationPreferencesInput>(start);
  const setChannel = (kind: NotificationKindName, channel: 'inApp' | 'email', on: boolean) =>
    setP((prev) => ({ ...prev, kinds: { ...prev.kinds, [kind]: { ...prev.kinds[kind], [channel]: on } } }));

  const { other, busy, onSubmit } = useFormSubmit({
    fields: [],
    action: async () => {
      const saved = await saveNotificationPreferences(p);
      client.setQueryData(notificationKeys.preferences, saved);
      toast.success(t('notifications.saved'));
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('notifications.settingsTitle')}>
      <Stack gap="md">
        <FormAlert message={other} />
        {!emailAvailable && (
          <Alert color="yellow" variant="light" role="note" icon={<IconMailOff size={16} />}>{t('notifications.noEmail')}</Alert>
        )}
        <Table aria-label={t('notifications.kindsTable')} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notifications.what')}</Table.Th>
              <Table.Th w={90}>{t('notifications.inApp')}</Table.Th>
              <Table.Th w={90}>{t('notifications.email')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {NOTIFICATION_KINDS.map((k) => (
              <Table.Tr key={k}>
                <Table.Td>
                  <Text size="sm">{t(`notifications.kinds.${k}`)}</Text>
                  <Text size="xs" c="dimmed">{t(`notifications.kindHints.${k}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('notifications.inAppFor', { kind: t(`notifications.kinds.${k}`) })} checked={p.kinds[k].inApp} onChange={(e) => setChannel(k, 'inApp', e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('notifications.emailFor', { kind: t(`notifications.kinds.${k}`) })} checked={p.kinds[k].email} onChange={(e) => setChannel(k, 'email', e.currentTarget.checked)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Switch
          label={t('notifications.teamReplies')}
          description={t('notifications.teamRepliesHint')}
          checked={p.teamReplies}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setP((prev) => ({ ...prev, teamReplies: on }));
          }}
        />
        <Radio.Group label={t('notifications.digest')} description={t('notifications.digestHint')} value={p.digest} onChange={(v) => setP((prev) => ({ ...prev, digest: v as NotificationPreferencesInput['digest'] }))}>
          <Stack gap={6} mt={6}>
            {DIGEST_INTERVALS.map((d) => <Radio key={d} value={d} label={t(`notifications.digests.${d}`)} />)}
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={busy} w="fit-content">{t('notifications.save')}</Button>
      </Stack>
    </form>
  );
}

/** Settings → Notifications: per kind in-app and/or e-mail, team replies, and how often the e-mail digest goes out. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">{t('notifications.settingsTitle')}</Title>
      <Text size="sm" c="dimmed">{t('notifications.settingsIntro')}</Text>
      {prefs.isPending && <Skeleton h={240} role="status" aria-label={t('common.loading')} />}
      {prefs.error && <ErrorState compact error={prefs.error} onRetry={() => void prefs.refetch()} />}
      {prefs.data && <PreferencesForm initial={prefs.data} />}
    </Stack>
  );
}
