import { ActionIcon, Popover, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useKpiDefinitions } from '../api/reports';
import { LOCAL_DEFINITIONS } from './definition-keys';

/**
 * The ⓘ beside a KPI: opens (by click or keyboard) its exact definition as the server states
 * it, in the UI language, so everyone reads a figure the same way.
 */
export function KpiInfo({ definitionKey, label }: { definitionKey: string; label: string }) {
  const { t, i18n } = useTranslation();
  const definitions = useKpiDefinitions();
  const lang = i18n.language?.startsWith('de') ? 'de' : 'en';
  const def = definitions.data?.find((d) => d.key === definitionKey);
  const local = !def && LOCAL_DEFINITIONS.has(definitionKey) ? t(`reports.definitions.${definitionKey}`) : null;
  return (
    <Popover width={340} position="bottom-start" withArrow shadow="md" returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('reports.info.about', { name: label })}>
          <IconInfoCircle size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={t('reports.info.title', { name: label })}>
        <Stack gap={4}>
          <Text size="sm" fw={600}>{def ? def.name[lang] : label}</Text>
          {local && <Text size="sm">{local}</Text>}
          {!local && definitions.isPending && <Text size="sm" c="dimmed">{t('common.loading')}</Text>}
          {!local && definitions.error && <Text size="sm" c="red">{t('reports.info.failed')}</Text>}
          {!local && definitions.data && <Text size="sm">{def ? def.definition[lang] : t('reports.info.missing')}</Text>}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
