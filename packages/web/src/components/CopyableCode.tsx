import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A value shown once (an invitation link, an API token's secret) in full, with a line saying
 * why to copy it and a copy button that confirms it copied. Meant to sit inside an alert.
 */
export function CopyableCode({ value, hint, copyLabel, testId }: { value: string; hint?: string; copyLabel: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {hint && <Text size="sm" mb={6}>{hint}</Text>}
      <Group gap={6} wrap="nowrap">
        <Code style={{ wordBreak: 'break-all' }} data-testid={testId}>{value}</Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
              <ActionIcon onClick={copy} aria-label={copyLabel} color={copied ? 'teal' : 'gray'}>
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </>
  );
}
