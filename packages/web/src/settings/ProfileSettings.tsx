import { useMemo, useState } from 'react';
import { Button, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/keys';
import type { Agent, Me } from '../api/types';
import { useSession } from '../auth/session';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';

/** IANA time zones this browser knows, for the time zone picker. */
function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** Name, language and time zone of the signed-in agent. */
export function ProfileSettings() {
  const { t } = useTranslation();
  const { agent } = useSession();
  const client = useQueryClient();
  const [name, setName] = useState(agent.name);
  const [locale, setLocale] = useState<string>(agent.locale ?? 'en');
  const [timeZone, setTimeZone] = useState(agent.timeZone);
  const zones = useMemo(() => timeZones(agent.timeZone), [agent.timeZone]);
  const { errors, other, busy, onSubmit: submit } = useFormSubmit({
    fields: ['name', 'locale', 'timeZone'],
    action: async () => {
      const res = await api<{ agent: Agent }>('/api/v1/auth/me', { method: 'PATCH', body: { name, locale, timeZone } });
      client.setQueryData<Me | null>(keys.me, (me) => (me ? { ...me, agent: res.agent } : me));
      void client.invalidateQueries({ queryKey: keys.agents });
      toast.success(t('common.saved'));
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <Title order={3} size="h4">{t('settings.profile')}</Title>
        <FormAlert message={other} />
        <TextInput label={t('settings.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <TextInput label={t('auth.email')} value={agent.email} readOnly description={t('settings.emailHint')} />
        <Select label={t('settings.language')} data={[{ value: 'en', label: 'English' }, { value: 'de', label: 'Deutsch' }]} value={locale} onChange={(v) => v && setLocale(v)} error={errors.locale} />
        <Select label={t('settings.timeZone')} data={zones} value={timeZone} onChange={(v) => v && setTimeZone(v)} searchable error={errors.timeZone} limit={100} />
        <Button type="submit" loading={busy} w="fit-content">{t('common.save')}</Button>
      </Stack>
    </form>
  );
}
