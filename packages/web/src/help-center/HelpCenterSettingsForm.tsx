import { useState } from 'react';
import { Alert, Box, ColorInput, Group, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HelpCenterSettings } from '@servus/shared';
import { api } from '../api/client';
import { FormActions } from '../components/FormActions';
import { FormAlert } from '../components/FormAlert';
import { toast } from '../lib/toast';
import { useFormSubmit } from '../lib/useFormSubmit';
import { helpCenterKeys } from './api';
import { contrastWithWhite, isHexColor } from './contrast';

const FIELDS = ['enabled', 'theme.name', 'theme.logoUrl', 'theme.primaryColor', 'theme.accentColor', 'defaultLocale', 'contactFormEnabled', 'portalEnabled'] as const;

type State = Omit<HelpCenterSettings, 'updatedAt'>;

/** How the theme looks on the help center: the header and a button on the primary colour, a card edged in the accent colour. */
function ThemePreview({ theme }: { theme: State['theme'] }) {
  const { t } = useTranslation();
  const primary = isHexColor(theme.primaryColor) ? theme.primaryColor : '#1c5fd4';
  const accent = isHexColor(theme.accentColor) ? theme.accentColor : '#0f8a5f';
  const logo = /^https:\/\//.test(theme.logoUrl) || theme.logoUrl.startsWith('/help/files/') ? theme.logoUrl : '';
  return (
    <Box role="img" aria-label={t('helpCenter.preview.label')} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden', background: '#f4f6f9' }}>
      <Group gap="xs" px="sm" py={8} style={{ background: primary, color: '#fff' }} data-testid="preview-header">
        {logo && <img src={logo} alt="" height={20} style={{ background: '#fff', borderRadius: 4 }} />}
        <Text fw={700} size="sm" c="inherit">{theme.name || t('helpCenter.preview.name')}</Text>
        <Text size="xs" c="inherit" ml="auto">{t('helpCenter.preview.nav')}</Text>
      </Group>
      <Stack gap={8} p="sm">
        <Text fw={600} size="sm">{t('helpCenter.preview.question')}</Text>
        <Box p="xs" style={{ background: '#fff', borderRadius: 6, borderTop: `4px solid ${accent}` }}>
          <Text size="sm" fw={600} style={{ color: primary }}>{t('helpCenter.preview.category')}</Text>
          <Text size="xs" c="dimmed">{t('helpCenter.preview.article')}</Text>
        </Box>
        <Box px="sm" py={4} style={{ background: primary, color: '#fff', borderRadius: 6, alignSelf: 'flex-start', fontSize: 13, fontWeight: 600 }}>
          {t('helpCenter.preview.button')}
        </Box>
      </Stack>
    </Box>
  );
}

/** The help center settings: on or off, name, logo, colours with a live preview, default language, contact form and portal. */
export function HelpCenterSettingsForm({ settings }: { settings: HelpCenterSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [s, setS] = useState<State>(() => {
    const { updatedAt: _u, ...rest } = settings;
    return rest;
  });
  const patch = (p: Partial<State>) => setS((prev) => ({ ...prev, ...p }));
  const theme = (p: Partial<State['theme']>) => setS((prev) => ({ ...prev, theme: { ...prev.theme, ...p } }));
  const contrast = contrastWithWhite(s.theme.primaryColor);

  const { errors, other, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    validate: () => {
      const found: Record<string, string> = {};
      if (!s.theme.name.trim()) found['theme.name'] = t('helpCenter.settings.nameRequired');
      if (!isHexColor(s.theme.primaryColor)) found['theme.primaryColor'] = t('helpCenter.settings.colorInvalid');
      if (!isHexColor(s.theme.accentColor)) found['theme.accentColor'] = t('helpCenter.settings.colorInvalid');
      const logo = s.theme.logoUrl.trim();
      if (logo && !/^https:\/\/\S+$/.test(logo) && !/^\/help\/files\/\S+$/.test(logo)) found['theme.logoUrl'] = t('helpCenter.settings.logoInvalid');
      return found;
    },
    action: async () => {
      const saved = await api<HelpCenterSettings>('/api/v1/help-center/settings', { method: 'PATCH', body: { ...s, theme: { ...s.theme, name: s.theme.name.trim(), logoUrl: s.theme.logoUrl.trim() } } });
      client.setQueryData(helpCenterKeys.settings, saved);
      toast.success(t('common.saved'));
    },
  });

  return (
    <Paper p="md" withBorder component="section" aria-labelledby="hc-settings-title">
      <form onSubmit={onSubmit} noValidate aria-label={t('helpCenter.settings.title')}>
        <Stack gap="md">
          <Title order={4} size="h5" id="hc-settings-title">{t('helpCenter.settings.title')}</Title>
          <FormAlert message={other} />
          <Switch label={t('helpCenter.settings.enabled')} description={t('helpCenter.settings.enabledHint')} checked={s.enabled} onChange={(e) => patch({ enabled: e.currentTarget.checked })} error={errors.enabled} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="sm">
              <TextInput label={t('helpCenter.settings.name')} description={t('helpCenter.settings.nameHint')} required maxLength={80} value={s.theme.name} onChange={(e) => theme({ name: e.currentTarget.value })} error={errors['theme.name']} />
              <TextInput label={t('helpCenter.settings.logoUrl')} description={t('helpCenter.settings.logoHint')} placeholder="https://…" value={s.theme.logoUrl} onChange={(e) => theme({ logoUrl: e.currentTarget.value })} error={errors['theme.logoUrl']} />
              <Group grow align="flex-start">
                <ColorInput label={t('helpCenter.settings.primaryColor')} format="hex" value={s.theme.primaryColor} onChange={(v) => theme({ primaryColor: v })} error={errors['theme.primaryColor']} />
                <ColorInput label={t('helpCenter.settings.accentColor')} format="hex" value={s.theme.accentColor} onChange={(v) => theme({ accentColor: v })} error={errors['theme.accentColor']} />
              </Group>
              {isHexColor(s.theme.primaryColor) && contrast < 4.5 && (
                <Alert color="orange" icon={<IconAlertTriangle size={16} />} p="xs">
                  {t('helpCenter.settings.lowContrast', { ratio: contrast.toFixed(1) })}
                </Alert>
              )}
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500}>{t('helpCenter.preview.title')}</Text>
              <ThemePreview theme={s.theme} />
            </Stack>
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="hc-locale-label">{t('helpCenter.settings.defaultLocale')}</Text>
            <SegmentedControl
              aria-labelledby="hc-locale-label"
              value={s.defaultLocale}
              onChange={(v) => patch({ defaultLocale: v as State['defaultLocale'] })}
              data={[
                { value: 'de', label: t('helpCenter.settings.german') },
                { value: 'en', label: t('helpCenter.settings.english') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            <Text size="xs" c="dimmed">{t('helpCenter.settings.defaultLocaleHint')}</Text>
          </Stack>
          <Switch label={t('helpCenter.settings.contactForm')} description={t('helpCenter.settings.contactFormHint')} checked={s.contactFormEnabled} onChange={(e) => patch({ contactFormEnabled: e.currentTarget.checked })} />
          <Switch label={t('helpCenter.settings.portal')} description={t('helpCenter.settings.portalHint')} checked={s.portalEnabled} onChange={(e) => patch({ portalEnabled: e.currentTarget.checked })} />
          <FormActions submitLabel={t('common.save')} busy={busy} />
        </Stack>
      </form>
    </Paper>
  );
}
