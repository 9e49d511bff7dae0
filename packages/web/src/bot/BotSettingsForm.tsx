import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, PasswordInput, Radio, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mapFieldErrors } from '../api/errors';
import { ErrorState } from '../components/ErrorState';
import { FormAlert } from '../components/FormAlert';
import { ListSkeleton } from '../views/ListSkeleton';
import { useBotSettings, useSaveBotSettings } from './api';
import { toBody, toForm, validateForm, type BotForm } from './bot-form';

const FIELDS = ['chatEnabled', 'emailSuggestions', 'mode', 'llm.baseUrl', 'llm.model', 'llm.apiKey', 'llm.timeoutMs'] as const;

/**
 * Where the bot answers (chat, email acknowledgements) and how: from the knowledge base alone,
 * or composed by an OpenAI-compatible model grounded in the retrieved passages. The model's key
 * is write-only: the form only says whether one is stored.
 */
export function BotSettingsForm() {
  const { t } = useTranslation();
  const settings = useBotSettings();
  const save = useSaveBotSettings();
  const [form, setForm] = useState<BotForm | null>(null);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (settings.data && !form) setForm(toForm(settings.data));
  }, [settings.data, form]);

  if (settings.isPending) return <ListSkeleton rows={4} />;
  if (settings.error) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!form) return null;
  const set = (patch: Partial<BotForm>) => setForm({ ...form, ...patch });
  const errors = touched ? validateForm(form) : {};
  const server = mapFieldErrors(save.error, FIELDS);
  const fieldError = (key: keyof ReturnType<typeof validateForm>, serverKey: (typeof FIELDS)[number]) =>
    (errors[key] ? t(`bot.settings.errors.${errors[key]}`) : undefined) ?? server.fields[serverKey];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(validateForm(form)).length) return;
    save.mutate(toBody(form), { onSuccess: (data) => setForm(toForm(data)) });
  };
  const keyStored = settings.data.llm.apiKeySet && !form.removeKey;

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="bot-settings-title">
      <Title order={3} size="h4" id="bot-settings-title">{t('bot.settings.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('bot.settings.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Switch label={t('bot.settings.chatEnabled')} description={t('bot.settings.chatEnabledHint')} checked={form.chatEnabled} onChange={(e) => set({ chatEnabled: e.currentTarget.checked })} />
          <Switch label={t('bot.settings.emailSuggestions')} description={t('bot.settings.emailSuggestionsHint')} checked={form.emailSuggestions} onChange={(e) => set({ emailSuggestions: e.currentTarget.checked })} />
          <Radio.Group label={t('bot.settings.mode')} value={form.mode} onChange={(v) => set({ mode: v === 'llm' ? 'llm' : 'retrieval' })}>
            <Stack gap={6} mt={4}>
              <Radio value="retrieval" label={t('bot.settings.modeRetrieval')} description={t('bot.settings.modeRetrievalHint')} />
              <Radio value="llm" label={t('bot.settings.modeLlm')} description={t('bot.settings.modeLlmHint')} />
            </Stack>
          </Radio.Group>
          {form.mode === 'llm' && (
            <Stack gap="sm" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('bot.settings.baseUrl')} description={t('bot.settings.baseUrlHint')} placeholder="http://127.0.0.1:11434" value={form.baseUrl} onChange={(e) => set({ baseUrl: e.currentTarget.value })} error={fieldError('baseUrl', 'llm.baseUrl')} withAsterisk />
                <TextInput label={t('bot.settings.model')} placeholder="llama3.1:8b" value={form.model} onChange={(e) => set({ model: e.currentTarget.value })} error={fieldError('model', 'llm.model')} withAsterisk />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PasswordInput
                  label={t('bot.settings.apiKey')}
                  description={keyStored ? t('bot.settings.apiKeyStored') : t('bot.settings.apiKeyNone')}
                  placeholder={keyStored ? '••••••••' : ''}
                  autoComplete="off"
                  value={form.apiKey}
                  disabled={form.removeKey}
                  onChange={(e) => set({ apiKey: e.currentTarget.value })}
                  error={fieldError('apiKey', 'llm.apiKey')}
                />
                <NumberInput label={t('bot.settings.timeout')} description={t('bot.settings.timeoutHint')} min={1} max={120} allowDecimal={false} value={form.timeoutSeconds} onChange={(v) => set({ timeoutSeconds: typeof v === 'number' ? v : Number(v) || 0 })} error={fieldError('timeoutSeconds', 'llm.timeoutMs')} />
              </SimpleGrid>
              {settings.data.llm.apiKeySet && <Checkbox label={t('bot.settings.removeKey')} checked={form.removeKey} onChange={(e) => set({ removeKey: e.currentTarget.checked, apiKey: '' })} />}
              <Alert color="blue" variant="light">{t('bot.settings.grounding')}</Alert>
            </Stack>
          )}
          <FormAlert message={server.other.length ? server.other.join(' ') : null} />
          <Group>
            <Button type="submit" loading={save.isPending}>{t('bot.settings.save')}</Button>
            {save.isSuccess && !save.isPending && <Text size="sm" c="green.8" role="status">{t('bot.settings.saved')}</Text>}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
