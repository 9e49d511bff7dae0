import { useState } from 'react';
import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconBell, IconBellOff, IconCheck, IconVolume, IconVolumeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRingSound } from './sound';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

/** The top bar's chat alert settings: the ring sound, and desktop notifications for new chats. */
export function ChatAlertsMenu() {
  const { t } = useTranslation();
  const [sound, setSound] = useRingSound();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const label = sound ? t('chat.alerts.soundOn') : t('chat.alerts.soundOff');

  const askDesktop = async () => {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission());
  };

  return (
    <Menu position="bottom-end" closeOnItemClick={false}>
      <Menu.Target>
        <Tooltip label={label}>
          <ActionIcon variant="subtle" color="gray" aria-label={t('chat.alerts.title')}>
            {sound ? <IconVolume size={16} /> : <IconVolumeOff size={16} />}
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('chat.alerts.title')}</Menu.Label>
        <Menu.Item
          role="menuitemcheckbox"
          aria-checked={sound}
          leftSection={sound ? <IconVolume size={14} /> : <IconVolumeOff size={14} />}
          rightSection={sound ? <IconCheck size={14} /> : null}
          onClick={() => setSound(!sound)}
        >
          {t('chat.alerts.sound')}
        </Menu.Item>
        <Menu.Item
          leftSection={permission === 'granted' ? <IconBell size={14} /> : <IconBellOff size={14} />}
          disabled={permission !== 'default'}
          onClick={() => void askDesktop()}
        >
          {permission === 'granted' ? t('chat.alerts.desktopOn') : permission === 'denied' ? t('chat.alerts.desktopBlocked') : permission === 'unsupported' ? t('chat.alerts.desktopUnsupported') : t('chat.alerts.desktopAsk')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
