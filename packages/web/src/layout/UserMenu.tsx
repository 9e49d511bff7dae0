import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { IconKeyboard, IconKey, IconLanguage, IconLock, IconLogout, IconUser } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api/client';
import { keys } from '../api/keys';
import { useSession } from '../auth/session';
import { useShortcutRegistry } from '../shortcuts/ShortcutsProvider';
import { toast } from '../lib/toast';
import { initials } from '../lib/initials';

/** The agent's menu: profile, password, API tokens, shortcuts, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { agent } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { setHelpOpen } = useShortcutRegistry();

  async function logout() {
    try {
      await api('/api/v1/auth/logout', { method: 'POST' });
    } catch (err) {
      toast.error(err);
      return;
    }
    setCsrfToken(null);
    client.clear();
    client.setQueryData(keys.me, null);
    navigate('/login', { replace: true });
  }

  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.accountMenu', { name: agent.name })}>
          <Avatar size={28} radius="xl" color="indigo">{initials(agent.name)}</Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{agent.name}</Menu.Label>
        <Menu.Item leftSection={<IconUser size={14} />} onClick={() => navigate('/settings/profile')}>{t('settings.profile')}</Menu.Item>
        <Menu.Item leftSection={<IconLanguage size={14} />} onClick={() => navigate('/settings/profile')}>{t('settings.languageAndTimeZone')}</Menu.Item>
        <Menu.Item leftSection={<IconLock size={14} />} onClick={() => navigate('/settings/password')}>{t('settings.password')}</Menu.Item>
        <Menu.Item leftSection={<IconKey size={14} />} onClick={() => navigate('/settings/tokens')}>{t('settings.tokens')}</Menu.Item>
        <Menu.Item leftSection={<IconKeyboard size={14} />} onClick={() => setHelpOpen(true)}>{t('shortcuts.title')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void logout()}>{t('auth.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
