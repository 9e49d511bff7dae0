import { NavLink as RouterLink, Navigate, Route, Routes } from 'react-router';
import { Divider, Group, NavLink, Paper, ScrollArea, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListHeader } from '../views/ListHeader';
import { NotFound } from '../components/NotFound';
import { ProfileSettings } from './ProfileSettings';
import { SignatureSettings } from './SignatureSettings';
import { PasswordSettings } from './PasswordSettings';
import { TokenSettings } from './TokenSettings';
import { NotificationSettings } from '../notifications/NotificationSettings';
import { MacroListPage } from '../macros/MacroListPage';

/** The agent's own settings: profile, language and email signature, password, API tokens, notifications and personal macros. */
export function SettingsRoutes() {
  const { t } = useTranslation();
  return (
    <>
      <ListHeader title={t('nav.settings')} />
      <Group align="flex-start" gap={0} wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Stack gap={0} w={200} p="xs" component="nav" aria-label={t('nav.settings')}>
          <NavLink component={RouterLink} to="/settings/profile" label={t('settings.profile')} />
          <NavLink component={RouterLink} to="/settings/password" label={t('settings.password')} />
          <NavLink component={RouterLink} to="/settings/tokens" label={t('settings.tokens')} />
          <NavLink component={RouterLink} to="/settings/notifications" label={t('notifications.settingsNav')} />
          <NavLink component={RouterLink} to="/settings/macros" label={t('macros.settingsNav')} />
        </Stack>
        <ScrollArea style={{ flex: 1, height: '100%' }}>
          <Paper withBorder m="md" p="md" maw={720}>
            <Routes>
              <Route index element={<Navigate to="profile" replace />} />
              <Route path="profile" element={<Stack gap="lg"><ProfileSettings /><Divider /><SignatureSettings /></Stack>} />
              <Route path="password" element={<PasswordSettings />} />
              <Route path="tokens" element={<TokenSettings />} />
              <Route path="notifications" element={<NotificationSettings />} />
              <Route path="macros" element={<Stack gap="md"><MacroListPage scope="personal" /></Stack>} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Paper>
        </ScrollArea>
      </Group>
    </>
  );
}
